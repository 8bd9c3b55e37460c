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
package org.xmppfed.openfire.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.peer.PeerClient;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.RequestSignature;
import org.xmppfed.openfire.peer.SignedRequestCheck;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.troubleshoot.LocalFacts;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotEndpoint;
import org.xmppfed.openfire.troubleshoot.Troubleshooter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Two clusters in one JVM, east serving its snapshot and push endpoints over real HTTP at the plugin's
 * paths: west compares, pushes (refused while east does not accept west's pushes, refused with every
 * reason for entries east cannot take, applied all at once when allowed) and pulls; east's event log
 * names west as registered there. A peer that answers with HTML, a refusal, too much, another
 * document or nothing in time gives a reason, never an exception.
 */
class PeerSyncRoundTripTest {
    private static final String SECRET = "shared-secret-0123456789";
    private final Clock clock = Clock.systemUTC();
    private final TestCluster west = new TestCluster("west.example");
    private final TestCluster east = new TestCluster("east.example");
    /** West as east registered it (whether east accepts its pushes is changed by the tests). */
    private volatile PeerCluster westOnEast = new PeerCluster(1, "west", "http://unused", SECRET, Instant.now(), Instant.now(), false);
    private final List<String> eastEvents = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Troubleshooter westTroubleshooter;
    private Troubleshooter eastTroubleshooter;
    private PeerSync westSync;
    private final CountDownLatch release = new CountDownLatch(1);

    private static final class Sources implements Troubleshooter.Sources {
        private final TestCluster cluster;
        private final List<PeerCluster> peers;

        Sources(TestCluster cluster, List<PeerCluster> peers) {
            this.cluster = cluster;
            this.peers = peers;
        }

        @Override
        public SettingsSnapshot snapshot(SnapshotContext context) {
            return cluster.snapshot();
        }

        @Override
        public List<PeerCluster> peers() {
            return peers;
        }

        @Override
        public LocalFacts localFacts() {
            return new LocalFacts(cluster.domain, "xmpp." + cluster.domain, List.of(), false, "127.0.0.1", 1, -1, Set.of(),
                FederationPolicy.lockdown(), Map.of(), true, Map.of(), org.xmppfed.openfire.route.StaticRoutes.none());
        }

        @Override
        public SrvCheck dns() {
            return new SrvCheck("127.0.0.1:1", Duration.ofMillis(200));
        }
    }

    @BeforeEach
    void start() throws IOException {
        eastTroubleshooter = new Troubleshooter(new Sources(east, List.of()), new PeerClient(clock), clock);
        SignedRequestCheck requests = new SignedRequestCheck(clock);
        SnapshotEndpoint snapshot = new SnapshotEndpoint(requests, () -> List.of(westOnEast), eastTroubleshooter, clock);
        PushEndpoint push = new PushEndpoint(requests, () -> List.of(westOnEast), east.transfer,
            (kind, domain, summary, details, admin) -> eastEvents.add(kind + " | " + domain + " | " + summary + " | " + details + " | " + admin),
            clock);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/plugins/federation/peer-api/snapshot", x -> {
            SnapshotEndpoint.Answer a = snapshot.get(address(x), x.getRequestURI().getRawPath(), header(x, RequestSignature.TIMESTAMP),
                header(x, RequestSignature.NONCE), header(x, RequestSignature.SIGNATURE));
            answer(x, a.status(), "application/json", a.body());
        });
        server.createContext("/plugins/federation/peer-api/push", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            PushEndpoint.Answer a = push.post(address(x), x.getRequestURI().getRawPath(), header(x, RequestSignature.TIMESTAMP),
                header(x, RequestSignature.NONCE), header(x, RequestSignature.SIGNATURE), body);
            answer(x, a.status(), "application/json", a.body());
        });
        server.createContext("/html/peer-api/push", x -> answer(x, 200, "text/html", "<html><body>Login</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/refusing/peer-api/push", x -> answer(x, 401, "application/json", "{\"error\":\"refused\"}".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/huge/peer-api/push", x -> answer(x, 200, "application/json", new byte[PeerClient.MAX_BODY + 1]));
        server.createContext("/other/peer-api/push", x -> answer(x, 200, "application/json", "{\"schema\":1,\"items\":[]}".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/slow/peer-api/push", x -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        westTroubleshooter = new Troubleshooter(new Sources(west, List.of()), new PeerClient(clock), clock);
        westSync = new PeerSync(westTroubleshooter, PeerClient.withTimeouts(clock, Duration.ofSeconds(1), Duration.ofSeconds(2)), west.transfer);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        westTroubleshooter.close();
        eastTroubleshooter.close();
    }

    private static String address(HttpExchange x) {
        return x.getRemoteAddress().getAddress().getHostAddress();
    }

    private static String header(HttpExchange x, String name) {
        return x.getRequestHeaders().getFirst(name);
    }

    private static void answer(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private PeerCluster east(String path) {
        return new PeerCluster(7, "east", "http://127.0.0.1:" + server.getAddress().getPort() + path, SECRET, Instant.now(), Instant.now());
    }

    private static final Set<SyncPart> POLICY_AND_ROUTES = EnumSet.of(SyncPart.POLICY, SyncPart.ROUTES);

    @Test
    void aPushIsRefusedUntilAllowedThenAppliedAndBothSidesAreIdentical() {
        west.policy.saveSettings(true, DefaultPolicy.ALLOW);
        west.policy.add("blocked.example", "BOTH");
        west.routes.add("partner.example", "192.0.2.10");
        east.policy.add("other.example", "INCOMING");
        PeerCluster peer = east("/plugins/federation");

        PeerSync.Comparison before = westSync.compare(peer, POLICY_AND_ROUTES);
        assertTrue(before.reachable());
        assertEquals("east.example", before.peerDomain());
        PartDiff policy = before.diffs().get(0);
        assertEquals(List.of("blocked.example (BOTH)"), policy.onlyHere());
        assertEquals(List.of("other.example (INCOMING)"), policy.onlyThere());
        assertEquals("ALLOW", policy.defaultHere());
        assertEquals("DENY", policy.defaultThere());
        assertEquals(List.of("partner.example (192.0.2.10:5269)"), before.diffs().get(1).onlyHere());

        PeerSync.PushResult refused = westSync.push(peer, POLICY_AND_ROUTES);
        assertNull(refused.problem());
        assertFalse(refused.outcome().applied());
        assertEquals(List.of("This server does not accept pushes of settings from west (the name under which the pushing cluster is registered here). "
            + "To allow them, an administrator of this server edits west under Federation \u2192 Peer clusters and ticks \"Accept pushes of settings "
            + "from this peer\"."), refused.outcome().problemLines(Locale.ENGLISH));
        assertEquals(List.of("other.example INCOMING"), east.exceptions(), "nothing changed");
        assertEquals(1, eastEvents.size());
        assertTrue(eastEvents.get(0).startsWith(EventKind.PUSH_REFUSED + " | null | Federation settings pushed by peer cluster west refused"),
            eastEvents.get(0));

        westOnEast = new PeerCluster(1, "west", "http://unused", SECRET, Instant.now(), Instant.now(), true);
        PeerSync.PushResult applied = westSync.push(peer, POLICY_AND_ROUTES);
        assertNull(applied.problem());
        assertTrue(applied.outcome().applied(), applied.outcome().problemLines(Locale.ENGLISH).toString());
        assertEquals(List.of("Default policy: DENY \u2192 ALLOW", "Policy (default policy and exceptions): 1 \u2192 1 (1 added, 0 changed, 1 removed)",
            "Static routes (by domain): 0 \u2192 1 (1 added, 0 changed, 0 removed)"), applied.outcome().countLines(Locale.ENGLISH));
        assertEquals(west.exceptions(), east.exceptions());
        assertEquals(DefaultPolicy.ALLOW, east.policy.current().defaultPolicy());
        assertEquals(Map.of("partner.example", "192.0.2.10:5269"), east.routes.current().targetsByDomain());
        String event = eastEvents.get(1);
        assertTrue(event.startsWith(EventKind.SETTINGS_CHANGED + " | west.example | Federation settings pushed by peer cluster west (west.example) applied"),
            event);
        assertTrue(event.endsWith(" | peer cluster west"), "the event names the pushing peer as registered on the receiver: " + event);
        assertTrue(westSync.compare(peer, POLICY_AND_ROUTES).same(), "both sides identical after the push");
    }

    @Test
    void aPullMakesOursTheirsAllOrNothing() {
        east.policy.add("from-east.example", "OUTGOING");
        east.routes.add("routed.example", "192.0.2.44:5270");
        west.policy.add("west-only.example", "BOTH");
        TransferOutcome o = westSync.pull(east("/plugins/federation"), POLICY_AND_ROUTES);
        assertTrue(o.applied(), o.problemLines(Locale.ENGLISH).toString());
        assertEquals(List.of("from-east.example OUTGOING"), west.exceptions());
        assertEquals(Map.of("routed.example", "192.0.2.44:5270"), west.routes.current().targetsByDomain());
        assertTrue(eastEvents.isEmpty(), "a pull only reads the peer");

        east.policy.add("west.example", "BOTH"); // east names west itself: west cannot take that
        TransferOutcome refused = westSync.pull(east("/plugins/federation"), POLICY_AND_ROUTES);
        assertFalse(refused.applied());
        assertTrue(refused.problemLines(Locale.ENGLISH).get(0).startsWith("Policy west.example,BOTH: west.example names a domain of this server"),
            refused.problemLines(Locale.ENGLISH).toString());
        assertEquals(List.of("from-east.example OUTGOING"), west.exceptions(), "nothing changed");
    }

    @Test
    void aPushTheReceiverCannotTakeIsRefusedWithItsReasonAndChangesNothingThere() {
        westOnEast = new PeerCluster(1, "west", "http://unused", SECRET, Instant.now(), Instant.now(), true);
        west.policy.add("east.example", "BOTH");
        west.policy.add("fine.example", "BOTH");
        east.policy.add("kept.example", "BOTH");
        PeerSync.PushResult r = westSync.push(east("/plugins/federation"), EnumSet.of(SyncPart.POLICY));
        assertNull(r.problem());
        assertFalse(r.outcome().applied());
        assertEquals(List.of("Policy east.example,BOTH: east.example names a domain of this server (its XMPP domain or a service). "
            + "Policy exceptions are about federated partners, not this server's own names."), r.outcome().problemLines(Locale.ENGLISH));
        assertEquals(List.of("kept.example BOTH"), east.exceptions());
        assertTrue(eastEvents.get(0).startsWith(EventKind.PUSH_REFUSED + " | west.example | "), eastEvents.toString());
        assertTrue(eastEvents.get(0).contains("east.example names a domain of this server"), eastEvents.toString());
    }

    @Test
    void aPeerThatDoesNotAnswerAPushProperlyGivesAReason() {
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/html", "/refusing", "/huge", "/other", "/slow", "/nowhere")) {
            PeerSync.PushResult r = westSync.push(east(path), EnumSet.of(SyncPart.POLICY));
            assertNull(r.outcome(), path);
            assertNotNull(r.problem(), path);
            problems.add(r.problem().render(Locale.ENGLISH));
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        assertEquals(base + "/html/peer-api/push answered with an HTML page, not with settings: the URL probably leads to the admin console's login "
            + "page or another web site. Check the URL, and that the peer runs this plugin in version 1.3.0 or later.", problems.get(0));
        assertTrue(problems.get(1).startsWith(base + "/refusing/peer-api/push refused the request."), problems.get(1));
        assertTrue(problems.get(2).startsWith(base + "/huge/peer-api/push answered with more than 8 MB."), problems.get(2));
        assertTrue(problems.get(3).startsWith(base + "/other/peer-api/push answered with something that is not an answer to a push (no \"applied\" field)"),
            problems.get(3));
        assertEquals(base + "/slow/peer-api/push did not answer within 1 seconds. It may still apply the settings: compare again in a moment "
            + "before pushing again.", problems.get(4));
        assertTrue(problems.get(5).startsWith(base + "/nowhere/peer-api/push does not exist (404)"), problems.get(5));
    }
}
