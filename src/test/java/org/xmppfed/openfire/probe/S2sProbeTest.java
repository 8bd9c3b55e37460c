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

    /** A ping that answers {@code answer} after {@code delay}, recording what it was asked and when. */
    private static final class ScriptedPing implements XmppPing {
        final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile long sentAt;
        private final Answer answer;
        private final Duration delay;

        ScriptedPing(Answer answer, Duration delay) {
            this.answer = answer;
            this.delay = delay;
        }

        @Override
        public java.util.concurrent.CompletableFuture<Answer> send(String from, String to, Duration timeout) {
            sent.add(from + " -> " + to);
            sentAt = System.nanoTime();
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> answer,
                java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        }
    }

    private static final org.xmppfed.openfire.policy.FederationPolicy ALLOW_ALL =
        org.xmppfed.openfire.policy.FederationPolicy.of(true, org.xmppfed.openfire.policy.DefaultPolicy.ALLOW, List.of());

    @Test
    void thePingIsTheLastStepSentFromOurDomainAtTheStartAndWaitedForAtTheEnd() throws Exception {
        ScriptedPing ping = new ScriptedPing(XmppPing.Answer.result(250), Duration.ofMillis(250));
        try (FakeXmppServer server = new FakeXmppServer("127.0.0.1", 0, "plain.example", null)) {
            long start = System.nanoTime();
            S2sProbe.Result r = new S2sProbe(NO_DNS, "ours.example", null, Duration.ofSeconds(3)).withPing(ping, ALLOW_ALL, Duration.ofSeconds(5))
                .probe("plain.example", Optional.of("127.0.0.1:" + server.port()));
            Map<String, String> s = steps(r);
            assertEquals(List.of("resolve", "connect", "stream", "starttls", "authentication", "ping"), List.copyOf(s.keySet()));
            assertEquals(List.of("ours.example -> plain.example"), ping.sent);
            assertTrue(ping.sentAt - start < 200_000_000L, "sent before the other steps, so that it runs beside them");
            assertTrue(s.get("ping").startsWith("PASS answered in 250 ms"), s.toString());
            assertEquals(250, r.steps().get(5).millis());
        }
    }

    @Test
    void aPingDeniedByThePolicyIsNotSentAndSaysWhy() {
        ScriptedPing ping = new ScriptedPing(XmppPing.Answer.result(1), Duration.ZERO);
        S2sProbe.Result r = new S2sProbe(NO_DNS, "ours.example", null, Duration.ofSeconds(1))
            .withPing(ping, org.xmppfed.openfire.policy.FederationPolicy.lockdown(), Duration.ofSeconds(5))
            .probe("closed.example", Optional.of("127.0.0.1:1"));
        Map<String, String> s = steps(r);
        assertEquals(List.of(), ping.sent, "nothing sent");
        assertEquals("SKIPPED not run: the default policy (DENY) denies traffic to closed.example, so this server sends it nothing", s.get("ping"));
        assertEquals(Verdict.FAIL, r.verdict(), "the failed connection decides; a skipped step never improves or worsens a probe");
    }

    @Test
    void aPingWithoutAnAnswerFailsWithinItsBoundAndAnUnreachablePartnerFailsWithTheReason() {
        // a ping whose future never completes: the probe's own bound ends the wait
        XmppPing silent = (from, to, timeout) -> new java.util.concurrent.CompletableFuture<>();
        long start = System.nanoTime();
        S2sProbe.Result r = new S2sProbe(NO_DNS, "ours.example", null, Duration.ofSeconds(1)).withPing(silent, ALLOW_ALL, Duration.ofMillis(300))
            .probe("closed.example", Optional.of("127.0.0.1:1"));
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "bounded");
        assertTrue(steps(r).get("ping").startsWith("FAIL no answer within 300 ms"), steps(r).toString());
        ScriptedPing unreachable = new ScriptedPing(XmppPing.Answer.error("remote-server-not-found", "Openfire: connection refused", 3), Duration.ZERO);
        Map<String, String> s = steps(new S2sProbe(NO_DNS, "ours.example", null, Duration.ofSeconds(1)).withPing(unreachable, ALLOW_ALL,
            Duration.ofSeconds(5)).probe("closed.example", Optional.of("127.0.0.1:1")));
        assertTrue(s.get("ping").startsWith("FAIL Openfire could not set up a server-to-server session to the partner (remote-server-not-found) "
            + "(Openfire: connection refused)"), s.toString());
    }

    @Test
    void wildcardNamesCoverOneLabel() {
        assertTrue(S2sProbe.covers(List.of("*.example.com"), "a.example.com"));
        assertFalse(S2sProbe.covers(List.of("*.example.com"), "a.b.example.com"));
        assertFalse(S2sProbe.covers(List.of("*.example.com"), "example.com"));
        assertTrue(S2sProbe.covers(List.of("Example.COM"), "example.com"));
    }
}
