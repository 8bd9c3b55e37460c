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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.troubleshoot.Verdict;

/** The probe against real TCP and real TLS on loopback: each kind of partner gives each step its verdict. */
class S2sProbeTest {
    private static final SrvCheck NO_DNS = new SrvCheck("127.0.0.1:1", Duration.ofMillis(300));

    private static Map<String, String> steps(S2sProbe.Result r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.steps().forEach(s -> m.put(s.id(), s.verdict() + " " + s.what().render(Locale.ENGLISH)));
        return m;
    }

    private static S2sProbe.Result probe(FakeXmppServer server, String domain, KeyStore trust) {
        return new S2sProbe(NO_DNS, "ours.example", trust, Duration.ofSeconds(3)).probe(domain, Optional.of("127.0.0.1:" + server.port()));
    }

    @Test
    void aPartnerWithATrustedCertificateForItsDomainPassesEveryStep() throws Exception {
        FakeXmppServer.Identity id = FakeXmppServer.Identity.valid("partner.example");
        try (FakeXmppServer server = new FakeXmppServer("127.0.0.1", 0, "partner.example", id)) {
            S2sProbe.Result r = probe(server, "partner.example", id.trustStore());
            Map<String, String> s = steps(r);
            assertEquals(List.of("resolve", "connect", "stream", "starttls", "tls", "certificate", "certificate-name", "authentication"),
                List.copyOf(s.keySet()));
            assertEquals(Verdict.PASS, r.verdict(), s.toString());
            assertTrue(s.get("resolve").contains("static route 127.0.0.1:"), s.get("resolve"));
            assertTrue(s.get("starttls").contains("required"), s.get("starttls"));
            assertTrue(s.get("tls").startsWith("PASS TLSv1."), s.get("tls"));
            assertTrue(s.get("authentication").contains("dialback, SASL EXTERNAL offered after TLS"), s.get("authentication"));
        }
    }

    @Test
    void anExpiredCertificateAnUntrustedOneAndOneForAnotherNameFailTheirSteps() throws Exception {
        FakeXmppServer.Identity expired = FakeXmppServer.Identity.selfSigned(Instant.now().minus(Duration.ofDays(3)),
            Instant.now().minus(Duration.ofDays(1)), "partner.example");
        try (FakeXmppServer server = new FakeXmppServer("127.0.0.1", 0, "partner.example", expired)) {
            Map<String, String> s = steps(probe(server, "partner.example", expired.trustStore()));
            assertTrue(s.get("certificate").startsWith("FAIL expired on"), s.toString());
            assertTrue(s.get("certificate-name").startsWith("PASS"), s.toString());
        }
        FakeXmppServer.Identity other = FakeXmppServer.Identity.valid("elsewhere.example");
        try (FakeXmppServer server = new FakeXmppServer("127.0.0.1", 0, "partner.example", other)) {
            Map<String, String> s = steps(probe(server, "partner.example", other.trustStore()));
            assertTrue(s.get("certificate").startsWith("PASS"), s.toString());
            assertEquals("FAIL the certificate names elsewhere.example, not partner.example", s.get("certificate-name"));
            Map<String, String> untrusted = steps(probe(server, "partner.example", FakeXmppServer.Identity.valid("x.example").trustStore()));
            assertTrue(untrusted.get("certificate").startsWith("FAIL not trusted"), untrusted.toString());
        }
    }

    @Test
    void aPartnerWithoutTlsWarnsAndAClosedPortFailsAtConnect() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer("127.0.0.1", 0, "plain.example", null)) {
            S2sProbe.Result r = probe(server, "plain.example", null);
            Map<String, String> s = steps(r);
            assertTrue(s.get("starttls").startsWith("WARN not offered"), s.toString());
            assertEquals("PASS dialback offered without TLS", s.get("authentication"));
            assertFalse(s.containsKey("tls"));
            assertEquals(Verdict.WARN, r.verdict());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        S2sProbe.Result r = new S2sProbe(NO_DNS, "ours.example", null, Duration.ofSeconds(2)).probe("closed.example", Optional.of("127.0.0.1:" + closed));
        assertEquals(List.of("resolve", "connect"), r.steps().stream().map(S2sProbe.Step::id).toList());
        assertEquals(Verdict.FAIL, r.verdict());
    }

    @Test
    void wildcardNamesCoverOneLabel() {
        assertTrue(S2sProbe.covers(List.of("*.example.com"), "a.example.com"));
        assertFalse(S2sProbe.covers(List.of("*.example.com"), "a.b.example.com"));
        assertFalse(S2sProbe.covers(List.of("*.example.com"), "example.com"));
        assertTrue(S2sProbe.covers(List.of("Example.COM"), "example.com"));
    }
}
