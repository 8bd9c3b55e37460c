/*
 * Copyright 2026 The federation plugin team
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.xmppfed.openfire.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.troubleshoot.Check;
import org.xmppfed.openfire.troubleshoot.Verdict;

class OwnStreamHeadersTest {
    private static String evidence(Check c) {
        return c.evidence().stream().map(e -> e.what().render(Locale.ENGLISH)).collect(Collectors.joining("; "));
    }

    @Test
    void headersNamingTheDomainAskedForPassBeforeAndAfterTls() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer("127.0.0.1", 0, "ours.example", FakeXmppServer.Identity.valid("ours.example"))) {
            Check c = OwnStreamHeaders.check("ours.example", "127.0.0.1", server.port(), "probe.invalid", Duration.ofSeconds(3));
            assertEquals(Verdict.PASS, c.verdict(), evidence(c));
            assertEquals("header before STARTTLS from ours.example; header after STARTTLS from ours.example", evidence(c));
        }
    }

    @Test
    void aHeaderNamingAnotherDomainWarnsWithTheRfcExplanation() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer("127.0.0.1", 0, "ours.example", FakeXmppServer.Identity.valid("ours.example"))) {
            Check c = OwnStreamHeaders.check("mail.example", "127.0.0.1", server.port(), "probe.invalid", Duration.ofSeconds(3));
            assertEquals(Verdict.WARN, c.verdict());
            assertTrue(evidence(c).contains("after STARTTLS from ours.example"), evidence(c));
            assertTrue(c.action().render(Locale.ENGLISH).contains("RFC 6120 section 4.7.1"));
        }
    }
}
