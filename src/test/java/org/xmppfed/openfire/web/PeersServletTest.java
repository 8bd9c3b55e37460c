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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.peer.PeerCluster;

class PeersServletTest {
    private final PageFixture f = new PageFixture();
    private final PeersServlet page = new PeersServlet(() -> f.context);

    private PageFixture.Exchange post(String... kv) throws Exception {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            form.put(kv[i], kv[i + 1]);
        }
        return PageFixture.run(page, "POST", form, true);
    }

    @Test
    void aPeerIsAddedAuditedAndListedWithoutItsSecret() throws Exception {
        PageFixture.Exchange x = post("action", "add", "name", "east", "url", "http://127.0.0.8:9090/plugins/federation/", "secret", "east-secret-0123456789");
        assertEquals("peers.jsp?result=added&name=east", x.redirect);
        assertEquals(List.of("Peer cluster added: east at http://127.0.0.8:9090/plugins/federation (secret set), pushes of settings not accepted"), f.audit);
        String listed = PageFixture.run(page, "GET", Map.of("result", "added", "name", "east"), true).body.toString();
        assertTrue(listed.contains("data-peer=\"east\""), listed);
        assertTrue(listed.contains("Peer cluster east added"), listed);
        assertFalse(listed.contains("east-secret-0123456789"), "the secret is never shown");
        PeerCluster east = f.peers.peers().get(0);
        String edit = PageFixture.run(page, "GET", Map.of("edit", Long.toString(east.id())), true).body.toString();
        assertFalse(edit.contains("east-secret-0123456789"), "not even in the edit form");
        assertTrue(edit.contains("Leave empty to keep the stored secret"), edit);
    }

    @Test
    void everyBadFieldIsReportedNextToItAndNothingIsSaved() throws Exception {
        PageFixture.Exchange x = post("action", "add", "name", "", "url", "https://admin:pw@im2.example.com/plugins/federation", "secret", "short");
        String html = x.body.toString();
        assertTrue(html.contains("data-field-error=\"name\""), html);
        assertTrue(html.contains("data-field-error=\"url\""), html);
        assertTrue(html.contains("data-field-error=\"secret\""), html);
        assertTrue(html.contains("The URL contains a user name or password"), html);
        assertTrue(html.contains("at least 16 characters"), html);
        assertTrue(html.contains("value=\"https://admin:pw@im2.example.com/plugins/federation\""), "the input is kept");
        assertTrue(f.peers.peers().isEmpty());
        assertTrue(f.audit.isEmpty());
    }

    @Test
    void editKeepsTheSecretWhenLeftEmptyAndDeleteAsksFirst() throws Exception {
        PeerCluster east = f.peers.add("east", "http://127.0.0.8:9090/plugins/federation", "east-secret-0123456789");
        post("action", "update", "id", Long.toString(east.id()), "name", "east-2", "url", "http://127.0.0.8:9090/plugins/federation", "secret", "");
        assertEquals("east-secret-0123456789", f.peers.find(east.id()).orElseThrow().secret());
        assertEquals("east-2", f.peers.find(east.id()).orElseThrow().name());
        String confirm = PageFixture.run(page, "GET", Map.of("delete", Long.toString(east.id())), true).body.toString();
        assertTrue(confirm.contains("Delete peer cluster east-2?"), confirm);
        assertEquals(1, f.peers.peers().size(), "asking changes nothing");
        assertEquals("peers.jsp?result=deleted&name=east-2", post("action", "delete", "id", Long.toString(east.id())).redirect);
        assertTrue(f.peers.peers().isEmpty());
    }

    @Test
    void testingAnUnreachablePeerSaysWhy() throws Exception {
        java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
        int closed = s.getLocalPort();
        s.close();
        PeerCluster east = f.peers.add("east", "http://127.0.0.1:" + closed + "/plugins/federation", "east-secret-0123456789");
        String html = post("action", "test", "id", Long.toString(east.id())).body.toString();
        assertTrue(html.contains("Link to east does not work: Could not connect to"), html);
    }

    @Test
    void pushesAreRefusedUnlessTheAdministratorAcceptsThemAndTheChoiceIsKeptAndAudited() throws Exception {
        post("action", "add", "name", "east", "url", "http://127.0.0.8:9090/plugins/federation", "secret", "east-secret-0123456789");
        PeerCluster east = f.peers.peers().get(0);
        assertFalse(east.acceptsPushes(), "off unless ticked");
        String listed = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(listed.contains("data-accepts-pushes=\"false\">not accepted"), listed);
        assertTrue(listed.contains("href=\"peer-sync.jsp?peer=" + east.id() + "\""), "each peer links to its compare and sync page: " + listed);
        assertTrue(listed.contains("The shared secret alone lets a peer read the settings, never change them."), listed);

        post("action", "update", "id", Long.toString(east.id()), "name", "east", "url", "http://127.0.0.8:9090/plugins/federation", "secret", "",
            "acceptPushes", "true");
        assertTrue(f.peers.find(east.id()).orElseThrow().acceptsPushes());
        assertEquals("east-secret-0123456789", f.peers.find(east.id()).orElseThrow().secret(), "the secret stays");
        assertTrue(f.audit.get(1).endsWith(", pushes of settings accepted"), f.audit.toString());
        String edit = PageFixture.run(page, "GET", Map.of("edit", Long.toString(east.id())), true).body.toString();
        assertTrue(edit.contains("name=\"acceptPushes\" value=\"true\" checked"), edit);

        post("action", "update", "id", Long.toString(east.id()), "name", "east", "url", "http://127.0.0.8:9090/plugins/federation", "secret", "");
        assertFalse(f.peers.find(east.id()).orElseThrow().acceptsPushes(), "an unticked box turns it off again");
    }

    @Test
    void aPostWithoutCsrfIsRefused() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "add", "name", "x", "url", "http://a/", "secret", "x".repeat(20)), false);
        assertEquals(403, x.error);
        assertTrue(f.peers.peers().isEmpty());
    }
}
