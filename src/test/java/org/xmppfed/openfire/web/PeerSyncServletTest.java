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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.sync.OutcomeJson;
import org.xmppfed.openfire.sync.SyncPart;
import org.xmppfed.openfire.sync.TransferOutcome;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;
import org.xmppfed.openfire.troubleshoot.SnapshotJson;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The "compare and sync" page against a peer served over real HTTP: the differences listed, the
 * confirmation saying what will change, the push's answer and the pull's result shown, audited, and
 * every POST refused without its CSRF token.
 */
class PeerSyncServletTest {
    private final PageFixture f = new PageFixture();
    private final PeerSyncServlet page = new PeerSyncServlet(() -> f.context);
    private HttpServer server;
    private final AtomicReference<String> pushed = new AtomicReference<>();
    private final AtomicReference<byte[]> pushAnswer = new AtomicReference<>();
    private PeerCluster east;

    @BeforeEach
    void peer() throws IOException {
        SettingsSnapshot peerSettings = new SettingsSnapshot(SettingsSnapshot.SCHEMA, "east.example", "1.3.0", "5.1.1", List.of(
            SnapshotItem.value("policy.default", "ALLOW"),
            SnapshotItem.entries("policy.exceptions", Map.of("peer-only.example", "BOTH", "both.example", "INCOMING"))), List.of());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/plugins/federation/peer-api/snapshot", x -> answer(x, SnapshotJson.write(peerSettings)));
        server.createContext("/plugins/federation/peer-api/push", x -> {
            pushed.set(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(x, pushAnswer.get());
        });
        server.start();
        east = f.peers.add("east", "http://127.0.0.1:" + server.getAddress().getPort() + "/plugins/federation", "east-secret-0123456789");
        f.policy.add("local.example", "BOTH");
        f.policy.add("both.example", "OUTGOING");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange x, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private String get(String... kv) throws IOException {
        return PageFixture.run(page, "GET", form(kv), true).body.toString();
    }

    private static Map<String, String> form(String... kv) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theDifferencesAreListedAndTheConfirmationSaysWhatChanges() throws Exception {
        String html = get("peer", Long.toString(east.id()));
        assertTrue(html.contains("data-part=\"policy\" data-same=\"false\""), html);
        assertTrue(html.contains("<li>local.example (BOTH)</li>"), html);
        assertTrue(html.contains("<li>peer-only.example (BOTH)</li>"), html);
        assertTrue(html.contains("<li>both.example: OUTGOING \u2192 INCOMING</li>"), html);
        assertTrue(html.contains("data-default-here=\"DENY\" data-default-there=\"ALLOW\""), html);
        assertTrue(html.contains("id=\"sync-push\"") && html.contains("Push ours to east"), html);
        assertTrue(html.contains("id=\"sync-pull\"") && html.contains("Pull east&#39;s into ours"), html);

        String push = get("peer", Long.toString(east.id()), "confirm", "push");
        assertTrue(push.contains("data-direction=\"push\""), push);
        assertTrue(push.contains("<li>Default policy: ALLOW \u2192 DENY</li>"), push);
        assertTrue(push.contains("<li>Policy (default policy and exceptions): 1 added, 1 changed, 1 removed (2 in all afterwards)</li>"), push);
        String pull = get("peer", Long.toString(east.id()), "confirm", "pull");
        assertTrue(pull.contains("<li>Default policy: DENY \u2192 ALLOW</li>"), pull);
        assertTrue(pull.contains("<li>Policy (default policy and exceptions): 1 added, 1 changed, 1 removed (2 in all afterwards)</li>"), pull);
        assertEquals(null, pushed.get(), "asking changes nothing");
        assertTrue(f.audit.isEmpty());
    }

    @Test
    void aPushSendsOurSettingsAndShowsWhatThePeerAnswered() throws Exception {
        pushAnswer.set(OutcomeJson.write(TransferOutcome.applied(List.of(new TransferOutcome.PartCount(SyncPart.POLICY, 2, 2, 1, 1, 1)),
            "ALLOW", "DENY")));
        String html = PageFixture.run(page, "POST", form("action", "push", "peer", Long.toString(east.id())), true).body.toString();
        assertTrue(pushed.get().contains("[\"BOTH\",\"local.example\"]"), "exceptions grouped by direction (schema 2): " + pushed.get());
        assertTrue(pushed.get().contains("\"policy.default\""), pushed.get());
        assertFalse(pushed.get().contains("dialback"), "only the chosen parts travel: " + pushed.get());
        assertTrue(html.contains("east applied this server's settings:"), html);
        assertTrue(html.contains("<li>Policy (default policy and exceptions): 2 \u2192 2 (1 added, 1 changed, 1 removed)</li>"), html);
        assertEquals(List.of("Federation settings pushed to peer cluster east: policy: Default policy: ALLOW \u2192 DENY; "
            + "Policy (default policy and exceptions): 2 \u2192 2 (1 added, 1 changed, 1 removed)"), f.audit);
    }

    @Test
    void aRefusedPushShowsEveryReason() throws Exception {
        pushAnswer.set(OutcomeJson.write(TransferOutcome.refused(List.of(
            org.xmppfed.openfire.sync.SyncProblem.general("sync.refused.not-accepted", "west")))));
        String html = PageFixture.run(page, "POST", form("action", "push", "peer", Long.toString(east.id())), true).body.toString();
        assertTrue(html.contains("east refused the push and changed nothing (1 reasons):"), html);
        assertTrue(html.contains("This server does not accept pushes of settings from west"), html);
        assertTrue(f.audit.get(0).startsWith("Push of federation settings to peer cluster east refused by the peer"), f.audit.toString());
    }

    @Test
    void aPullMakesOurPolicyThePeersAndIsAudited() throws Exception {
        String html = PageFixture.run(page, "POST", form("action", "pull", "peer", Long.toString(east.id())), true).body.toString();
        assertTrue(html.contains("The settings of east were applied here:"), html);
        assertEquals(DefaultPolicy.ALLOW, f.policy.current().defaultPolicy());
        assertEquals(List.of("both.example INCOMING", "peer-only.example BOTH"),
            f.policy.current().exceptions().stream().map(e -> e.pattern() + " " + e.direction()).sorted().toList());
        assertTrue(html.contains("id=\"sync-identical\""), "compared again after the pull: " + html);
        assertTrue(f.audit.get(0).startsWith("Federation settings pulled from peer cluster east: policy: "), f.audit.toString());
    }

    @Test
    void anUnreachablePeerIsNamedWithTheReasonAndOffersNoActions() throws Exception {
        server.stop(0);
        String html = get("peer", Long.toString(east.id()));
        assertTrue(html.contains("The settings of east could not be read: Could not connect to"), html);
        assertFalse(html.contains("id=\"sync-push\""), html);
        String push = PageFixture.run(page, "POST", form("action", "push", "peer", Long.toString(east.id())), true).body.toString();
        assertTrue(push.contains("The push to east failed: Could not connect to"), push);
        assertTrue(f.audit.get(0).startsWith("Push of federation settings to peer cluster east failed"), f.audit.toString());
    }

    @Test
    void postsWithoutCsrfAndUnknownPeersChangeNothing() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", form("action", "pull", "peer", Long.toString(east.id())), false);
        assertEquals(403, x.error);
        assertEquals(DefaultPolicy.DENY, f.policy.current().defaultPolicy());
        assertEquals("peers.jsp", PageFixture.run(page, "GET", form("peer", "999"), true).redirect);
        assertEquals("peers.jsp", PageFixture.run(page, "GET", form("peer", "<x>"), true).redirect);
    }
}
