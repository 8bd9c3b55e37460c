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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.peer.PeerClient;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.RequestSignature;
import org.xmppfed.openfire.peer.SignedRequestCheck;
import org.xmppfed.openfire.policy.FederationPolicy;

import com.sun.net.httpserver.HttpServer;

/**
 * Two clusters in one JVM: B serves its signed snapshot over real HTTP at the plugin's path, A's
 * troubleshooter fetches and compares it. Identical → every cross-cluster row passes; one setting
 * changed on B → exactly that row fails; a wrong secret → the link row fails and B counts a refusal.
 */
class PeerRoundTripTest {
    private static final String SECRET = "shared-secret-0123456789";
    private HttpServer server;
    private final AtomicReference<List<SnapshotItem>> bItems = new AtomicReference<>(Snapshots.items(Snapshots.exceptions(100)));
    private Troubleshooter a;
    private Troubleshooter b;
    private SnapshotEndpoint bEndpoint;
    private final List<PeerCluster> aPeers = new ArrayList<>();
    private final List<String> servedSchemas = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final class Sources implements Troubleshooter.Sources {
        final String domain;
        final AtomicReference<List<SnapshotItem>> items;
        final List<PeerCluster> peers;

        Sources(String domain, AtomicReference<List<SnapshotItem>> items, List<PeerCluster> peers) {
            this.domain = domain;
            this.items = items;
            this.peers = peers;
        }

        @Override
        public SettingsSnapshot snapshot(SnapshotContext context) {
            List<SnapshotItem> all = new ArrayList<>(items.get());
            all.add(SnapshotItem.value("security.dialback-secret.keyed", context.digest().apply("the-dialback-secret")));
            return Snapshots.cluster(domain, all, Snapshots.node(domain + "-node", true));
        }

        @Override
        public List<PeerCluster> peers() {
            return peers;
        }

        @Override
        public LocalFacts localFacts() {
            return new LocalFacts(domain, "xmpp." + domain, List.of(), false, "127.0.0.1", 1, -1, Set.of(), FederationPolicy.lockdown(),
                Map.of(), true, Map.of(), org.xmppfed.openfire.route.StaticRoutes.none());
        }

        @Override
        public SrvCheck dns() {
            return new SrvCheck("127.0.0.1:1", Duration.ofMillis(200));
        }
    }

    @BeforeEach
    void start() throws IOException {
        Clock clock = Clock.systemUTC();
        List<PeerCluster> bPeers = List.of(new PeerCluster(1, "cluster-a", "http://unused", SECRET, Instant.now(), Instant.now()));
        b = new Troubleshooter(new Sources("b.example", bItems, bPeers), new PeerClient(clock), clock);
        bEndpoint = new SnapshotEndpoint(new SignedRequestCheck(clock), () -> bPeers, b, clock);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/plugins/federation/peer-api/snapshot", x -> {
            SnapshotEndpoint.Answer answer = bEndpoint.get(x.getRemoteAddress().getAddress().getHostAddress(), x.getRequestURI().getRawPath(),
                x.getRequestHeaders().getFirst(RequestSignature.TIMESTAMP), x.getRequestHeaders().getFirst(RequestSignature.NONCE),
                x.getRequestHeaders().getFirst(RequestSignature.SIGNATURE), x.getRequestHeaders().getFirst(SnapshotJson.SCHEMA_HEADER));
            servedSchemas.add(new String(answer.body(), 0, Math.min(12, answer.body().length), java.nio.charset.StandardCharsets.UTF_8));
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.start();
        a = new Troubleshooter(new Sources("a.example", new AtomicReference<>(Snapshots.items(Snapshots.exceptions(100))), aPeers),
            new PeerClient(clock), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        a.close();
        b.close();
    }

    private PeerCluster bAs(String secret) {
        return new PeerCluster(1, "cluster-b", "http://127.0.0.1:" + server.getAddress().getPort() + "/plugins/federation", secret,
            Instant.now(), Instant.now());
    }

    private static List<Check> crossCluster(Report r) {
        return r.checks().stream().filter(c -> c.id().startsWith("item.") || c.id().startsWith("peer.") || c.id().startsWith("cluster.")).toList();
    }

    @Test
    void identicalClustersPassAndOneChangeFailsExactlyItsRow() {
        aPeers.add(bAs(SECRET));
        List<Check> same = crossCluster(a.run());
        assertTrue(same.size() > 8, same.toString());
        same.forEach(c -> assertEquals(Verdict.PASS, c.verdict(), c.id()));
        assertTrue(same.stream().anyMatch(c -> c.id().equals("item.security.dialback-secret.keyed")), "keyed digests compare equal with the shared secret");

        bItems.set(Snapshots.with(bItems.get(), SnapshotItem.value("email.switch", "on")));
        List<Check> changed = crossCluster(a.run());
        for (Check c : changed) {
            assertEquals(c.id().equals("item.email.switch") ? Verdict.FAIL : Verdict.PASS, c.verdict(), c.id());
        }
        Check row = changed.stream().filter(c -> c.id().equals("item.email.switch")).findFirst().orElseThrow();
        String shown = row.evidence().toString();
        assertTrue(shown.contains("[off]") && shown.contains("[on]"), shown);
    }

    @Test
    void aWrongSecretFailsTheLinkRowAndTheServingSideCountsTheRefusal() {
        aPeers.add(bAs("not-the-shared-secret-000"));
        Check link = a.run().checks().stream().filter(c -> c.id().equals("peer.link")).findFirst().orElseThrow();
        assertEquals(Verdict.FAIL, link.verdict());
        assertTrue(link.evidence().get(0).what().render(Locale.ENGLISH).contains("refused the request"));
        assertEquals(1L, bEndpoint.refusals().get(SignedRequestCheck.Refusal.BAD_SIGNATURE));
    }

    @Test
    void thisPluginAsksForTheCompactSchemaAndAPluginThatDoesNotAskGetsTheFirst() throws Exception {
        aPeers.add(bAs(SECRET));
        crossCluster(a.run()).forEach(c -> assertEquals(Verdict.PASS, c.verdict(), c.id()));
        assertEquals(List.of("{\"schema\":2,"), servedSchemas);
        // a reader of schema 1 only (plugin 1.3.0 before the compact schema) sends no header and reads what it gets
        PeerClient.Reply old = new PeerClient(Clock.systemUTC()).get(bAs(SECRET), Troubleshooter.SNAPSHOT_ENDPOINT);
        assertTrue(new String(old.body(), java.nio.charset.StandardCharsets.UTF_8).startsWith("{\"schema\":1,"));
        assertEquals(100, SnapshotJson.read(old.body()).item("policy.exceptions").orElseThrow().entries().size());
    }
}
