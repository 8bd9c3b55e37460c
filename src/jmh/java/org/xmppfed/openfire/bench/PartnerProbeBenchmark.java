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
package org.xmppfed.openfire.bench;

import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.peer.PeerClient;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.probe.FakeXmppServer;
import org.xmppfed.openfire.probe.S2sProbe;
import org.xmppfed.openfire.probe.XmppPing;
import org.xmppfed.openfire.route.StaticRoutes;
import org.xmppfed.openfire.troubleshoot.LocalFacts;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.Troubleshooter;

/**
 * The troubleshooter's own cost of probing 50 partners from the page, in one JVM: three TLS test
 * servers on loopback (STARTTLS required, RSA 2048 certificates), each partner domain routed to one of
 * them, every probe through STARTTLS, a full TLS handshake, the chain checked against a trust store of
 * the Java runtime's CAs (as large as Openfire's), and a ping answered after 20 ms. The servers share the
 * machine, as the partners do in the end-to-end run. Per-step sums are printed after each iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class PartnerProbeBenchmark {
    private static final int PARTNERS = 50;
    private final List<FakeXmppServer> servers = new ArrayList<>();
    private Troubleshooter troubleshooter;
    private List<String> domains;
    private List<S2sProbe.Result> last;

    @Setup
    public void setUp() throws Exception {
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FakeXmppServer.Identity id = FakeXmppServer.Identity.valid("*.example");
            FakeXmppServer s = new FakeXmppServer("127.0.0.1", 0, "partner.example", id);
            servers.add(s);
            ports.add("127.0.0.1:" + s.port());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        javax.net.ssl.TrustManagerFactory f = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        int n = 0;
        for (javax.net.ssl.TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof javax.net.ssl.X509TrustManager x) {
                for (java.security.cert.X509Certificate c : x.getAcceptedIssuers()) {
                    trust.setCertificateEntry("ca" + n++, c);
                }
            }
        }
        domains = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            domains.add("p" + i + ".example");
        }
        XmppPing ping = (from, to, timeout) -> CompletableFuture.supplyAsync(() -> XmppPing.Answer.result(20),
            CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        troubleshooter = new Troubleshooter(new Troubleshooter.Sources() {
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
                throw new UnsupportedOperationException("the probe needs no local facts");
            }

            @Override
            public SrvCheck dns() {
                return new SrvCheck("127.0.0.1:1", Duration.ofMillis(300));
            }

            @Override
            public Optional<String> staticRoute(String domain) {
                return Optional.of(ports.get(Integer.parseInt(domain.substring(1, domain.indexOf('.'))) % 3));
            }

            @Override
            public KeyStore trustStore() {
                return trust;
            }

            @Override
            public String xmppDomain() {
                return "ours.example";
            }

            @Override
            public FederationPolicy policy() {
                return FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of(), java.util.Set.of());
            }

            @Override
            public Optional<XmppPing> ping() {
                return Optional.of(ping);
            }
        }, new PeerClient(Clock.systemUTC()), Clock.systemUTC());
    }

    @Benchmark
    public List<S2sProbe.Result> probeFiftyPartners() {
        last = troubleshooter.probe(domains);
        return last;
    }

    @TearDown(Level.Iteration)
    public void stepSums() {
        if (last == null) {
            return;
        }
        Map<String, long[]> sums = new TreeMap<>();
        for (S2sProbe.Result r : last) {
            if (r.steps().size() != 9 || !r.steps().get(4).verdict().name().equals("PASS")) {
                throw new IllegalStateException("a probe did not get through TLS: " + r);
            }
            for (S2sProbe.Step s : r.steps()) {
                long[] v = sums.computeIfAbsent(s.id(), k -> new long[2]);
                v[0] += s.millis();
                v[1] = Math.max(v[1], s.millis());
            }
        }
        StringBuilder sb = new StringBuilder("  steps (sum / max ms):");
        sums.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v[0]).append('/').append(v[1]));
        System.out.println(sb);
    }

    @TearDown
    public void tearDown() throws Exception {
        troubleshooter.close();
        for (FakeXmppServer s : servers) {
            s.close();
        }
    }
}
