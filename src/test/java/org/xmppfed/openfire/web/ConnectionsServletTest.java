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
package org.xmppfed.openfire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.connections.FakeNodes;

class ConnectionsServletTest {
    private final PageFixture f = new PageFixture();
    private final ConnectionsServlet page = new ConnectionsServlet(() -> f.context);

    private static int rows(String html) {
        return html.split("data-stream=").length - 1;
    }

    @Test
    void everySessionOfEveryNodeWithTotals() throws Exception {
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertEquals(6, rows(html));
        assertTrue(html.contains("data-node=\"node-2\""), "sessions of the other node are listed");
        assertTrue(html.contains("6 sessions (2 incoming, 4 outgoing) with 3 remote domains on 2 node(s)"), html);
        assertTrue(html.contains("data-auth=\"SASL_EXTERNAL\""));
        assertTrue(html.contains("127.0.0.6:5269"));
    }

    @Test
    void filteredByDomainTheTotalsFollow() throws Exception {
        String html = PageFixture.run(page, "GET", Map.of("filter", "partner1"), true).body.toString();
        assertEquals(2, rows(html));
        assertTrue(html.contains("2 sessions"), html);
        assertTrue(html.contains("closeDomain=partner1"), "closing the filtered domain is offered");
    }

    @Test
    void closingASessionIsConfirmedFirstThenDoneOnItsNodeAndAudited() throws Exception {
        String ask = PageFixture.run(page, "GET", Map.of("close", "node-2 stream1"), true).body.toString();
        assertTrue(ask.contains("Close session stream1 on node node-2?"), ask);
        assertTrue(f.nodes.closed.isEmpty(), "asking closes nothing");
        PageFixture.Exchange done = PageFixture.run(page, "POST", Map.of("action", "close", "session", "node-2 stream1"), true);
        assertEquals(List.of("node-2 stream1"), f.nodes.closed);
        assertEquals("connections.jsp?result=closed&count=1", done.redirect);
        assertEquals(1, f.audit.size());
        assertTrue(f.audit.get(0).contains("stream1 with partner1.example on node node-2"), f.audit.get(0));
    }

    @Test
    void closingADomainClosesItOnEveryNode() throws Exception {
        PageFixture.Exchange done = PageFixture.run(page, "POST", Map.of("action", "close-domain", "domain", " partner2.example "), true);
        assertEquals(List.of("domain partner2.example"), f.nodes.closed);
        assertEquals("connections.jsp?result=closed&count=2", done.redirect);
    }

    @Test
    void withoutTheCsrfTokenNothingIsClosed() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "close-domain", "domain", "partner2.example"), false);
        assertEquals(403, x.error);
        assertTrue(f.nodes.closed.isEmpty());
        assertTrue(f.audit.isEmpty());
    }

    @Test
    void aBadSessionNameIsRefusedWithAReason() throws Exception {
        String html = PageFixture.run(page, "POST", Map.of("action", "close", "session", "nospace"), true).body.toString();
        assertTrue(html.contains("not named correctly"), html);
        assertTrue(f.nodes.closed.isEmpty());
    }

    @Test
    void theIdleTimeoutIsValidatedNextToTheFieldAndSavedToOpenfire() throws Exception {
        String html = PageFixture.run(page, "POST", Map.of("action", "idle", "idleMinutes", "ten"), true).body.toString();
        assertTrue(html.contains("data-field-error=\"idleMinutes\""), html);
        assertTrue(html.contains("value=\"ten\""), "the input is kept");
        assertEquals(10, f.nodes.idle);
        PageFixture.Exchange ok = PageFixture.run(page, "POST", Map.of("action", "idle", "idleMinutes", "25"), true);
        assertEquals(25, f.nodes.idle);
        assertEquals("connections.jsp?result=idle&count=25", ok.redirect);
        assertTrue(f.audit.get(0).contains("10 min -> 25 min"), f.audit.get(0));
    }

    @Test
    void anUnreachableNodeIsSaid() throws Exception {
        f.nodes.reports.add(org.xmppfed.openfire.connections.NodeReport.unreachable("node-3", "did not answer"));
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("Node node-3 did not answer"), html);
    }

    @Test
    void fiveThousandSessionsRenderWhole() throws Exception {
        f.nodes = FakeNodes.synthetic(5_000, 700);
        String html = PageFixture.run(page, "GET", Map.of("sort", "IN"), true).body.toString();
        assertEquals(5_000, rows(html));
        assertFalse(html.contains("${"));
    }
}
