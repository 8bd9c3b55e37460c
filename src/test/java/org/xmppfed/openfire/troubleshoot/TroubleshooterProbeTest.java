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
package org.xmppfed.openfire.troubleshoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.peer.PeerClient;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.probe.S2sProbe;
import org.xmppfed.openfire.probe.XmppPing;

/** The probe batch: pings sent at once and answered beside the connection steps, never holding the pool. */
class TroubleshooterProbeTest {
    private final List<String> pinged = new CopyOnWriteArrayList<>();

    private Troubleshooter troubleshooter(FederationPolicy policy, Duration pingDelay) {
        XmppPing ping = (from, to, timeout) -> {
            pinged.add(to);
            return CompletableFuture.supplyAsync(() -> XmppPing.Answer.result(pingDelay.toMillis()),
                CompletableFuture.delayedExecutor(pingDelay.toMillis(), TimeUnit.MILLISECONDS));
        };
        return new Troubleshooter(new Troubleshooter.Sources() {
            @Override
            public SettingsSnapshot snapshot(SnapshotContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<PeerCluster> peers() {
                return List.of();
            }

            @Override
            public LocalFacts localFacts() {
                throw new AssertionError("a probe needs no local facts (they read DNS and every user)");
            }

            @Override
            public SrvCheck dns() {
                return new SrvCheck("127.0.0.1:1", Duration.ofMillis(200));
            }

            @Override
            public Optional<String> staticRoute(String domain) {
                return Optional.of("127.0.0.1:1"); // refused at once
            }

            @Override
            public String xmppDomain() {
                return "ours.example";
            }

            @Override
            public FederationPolicy policy() {
                return policy;
            }

            @Override
            public Optional<XmppPing> ping() {
                return Optional.of(ping);
            }
        }, new PeerClient(Clock.systemUTC()), Clock.systemUTC());
    }

    @Test
    void fiftyPingsOfASecondEachTakeAboutASecondNotOneRoundPerEightThreads() {
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            domains.add("p" + i + ".example");
        }
        try (Troubleshooter t = troubleshooter(FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of()), Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            List<S2sProbe.Result> results = t.probe(domains);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(50, results.size());
            assertEquals(50, pinged.size());
            for (S2sProbe.Result r : results) {
                S2sProbe.Step last = r.steps().get(r.steps().size() - 1);
                assertEquals("ping", last.id());
                assertEquals(Verdict.PASS, last.verdict(), last.what().render(Locale.ENGLISH));
            }
            // holding one of the 8 threads per ping would take 7 rounds of a second
            assertTrue(millis < 3500, millis + " ms");
            assertEquals(t.lastProbes(), results);
        }
    }

    @Test
    void nothingIsPingedWhereThePolicyDenies() {
        try (Troubleshooter t = troubleshooter(FederationPolicy.lockdown(), Duration.ZERO)) {
            List<S2sProbe.Result> results = t.probe(List.of("a.example", "b.example"));
            assertEquals(List.of(), pinged);
            results.forEach(r -> assertEquals(Verdict.SKIPPED, r.steps().get(r.steps().size() - 1).verdict()));
        }
    }
}
