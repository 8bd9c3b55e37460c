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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServlet;

import org.junit.jupiter.api.Test;

/**
 * Every page, with a hostile value in every field it reads: the value must come out escaped
 * wherever it is printed (text, attribute, URL), never as markup.
 */
class HostileValuesTest {
    /** Breaks out of text, double- and single-quoted attributes, and carries an ampersand and non-ASCII. */
    private static final String EVIL = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>&amp;é中";

    private final PageFixture f = new PageFixture();

    @Test
    void theSettingsPageEscapesEveryField() throws Exception {
        SettingsServlet page = new SettingsServlet(() -> f.context);
        assertEscaped(PageFixture.run(page, "POST", all("enabled", "defaultPolicy"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("result"), true).body.toString());
    }

    @Test
    void thePolicyPageEscapesEveryField() throws Exception {
        f.policy.add("a.example", "BOTH");
        PolicyServlet page = new PolicyServlet(() -> f.context);
        for (String action : List.of("add", "update", "delete", "import-preview", "import-apply", EVIL)) {
            Map<String, String> form = all("pattern", "direction", "original", "format", "mode", "content", "importId", "filter", "start");
            form.put("action", action);
            assertEscaped(PageFixture.run(page, "POST", form, true).body.toString());
        }
        assertEscaped(PageFixture.run(page, "GET", all("result", "pattern", "count", "edit", "test", "filter", "start"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("delete"), true).body.toString());
        Map<String, String> preview = all("mode");
        preview.putAll(Map.of("action", "import-preview", "format", "CSV", "mode", "MERGE", "content", "a.example," + EVIL + "\n"));
        assertEscaped(PageFixture.run(page, "POST", preview, true).body.toString());
    }

    @Test
    void theRoutesPageEscapesEveryField() throws Exception {
        f.routes.add("a.example", "192.0.2.1");
        RoutesServlet page = new RoutesServlet(() -> f.context);
        for (String action : List.of("settings", "add", "update", "delete", "import-preview", "import-apply", EVIL)) {
            Map<String, String> form = all("enabled", "autoAllow", "domain", "address", "original", "route", "format", "mode", "content", "importId");
            form.put("action", action);
            assertEscaped(PageFixture.run(page, "POST", form, true).body.toString());
        }
        assertEscaped(PageFixture.run(page, "GET", all("result", "route", "count", "edit"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("delete"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", Map.of("edit", "a.example " + EVIL, "delete", EVIL + " 192.0.2.1"), true).body.toString());
        Map<String, String> preview = new HashMap<>(Map.of("action", "import-preview", "format", "CSV", "mode", "MERGE",
            "content", "a.example," + EVIL + "\n" + EVIL + ",192.0.2.1\n"));
        assertEscaped(PageFixture.run(page, "POST", preview, true).body.toString());
    }

    @Test
    void theCompareAndSyncPageEscapesEveryField() throws Exception {
        org.xmppfed.openfire.peer.PeerCluster evil = f.peers.add(EVIL, "http://127.0.0.1:1/plugins/federation", "secret-0123456789-secret");
        PeerSyncServlet page = new PeerSyncServlet(() -> f.context);
        for (String confirm : List.of("push", "pull", EVIL)) {
            Map<String, String> form = all("routes", "aliases", "email-domains");
            form.putAll(Map.of("peer", Long.toString(evil.id()), "confirm", confirm));
            assertEscaped(PageFixture.run(page, "GET", form, true).body.toString());
        }
        for (String action : List.of("push", "pull", EVIL)) {
            Map<String, String> form = all("routes");
            form.putAll(Map.of("peer", Long.toString(evil.id()), "action", action));
            assertEscaped(PageFixture.run(page, "POST", form, true).body.toString());
        }
    }

    @Test
    void thePolicyListViewsEscapeEveryField() throws Exception {
        f.policy.add("*.a.example", "INCOMING");
        f.policy.add("b.example", "BOTH");
        PolicyServlet page = new PolicyServlet(() -> f.context);
        for (String view : List.of("allow", "deny", EVIL)) {
            Map<String, String> get = all("delete", "result", "pattern", "test");
            get.put("view", view);
            assertEscaped(PageFixture.run(page, "GET", get, true).body.toString());
            Map<String, String> post = all("pattern", "direction");
            post.put("view", view);
            post.put("action", "add");
            assertEscaped(PageFixture.run(page, "POST", post, true).body.toString());
        }
    }

    @Test
    void theEmailPageEscapesEveryField() throws Exception {
        f.index.replaceAll(Map.of("mallory", EVIL, "eve", "eve@" + EVIL));
        EmailServlet page = new EmailServlet(() -> f.context);
        for (String action : List.of("switch", "add", "rename", "delete", EVIL)) {
            Map<String, String> form = all("enabled", "domain", "original");
            form.put("action", action);
            assertEscaped(PageFixture.run(page, "POST", form, true).body.toString());
        }
        assertEscaped(PageFixture.run(page, "GET", all("result", "domain", "from", "edit"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("delete"), true).body.toString());
    }

    @Test
    void theEventLogPageEscapesEveryFieldAndEveryStoredValue() throws Exception {
        f.events.insert(java.util.List.of(new org.xmppfed.openfire.events.FederationEvent(java.time.Instant.now(), EVIL,
            org.xmppfed.openfire.events.EventKind.SETTINGS_CHANGED, EVIL, EVIL, EVIL, EVIL, 3)));
        EventsServlet page = new EventsServlet(() -> f.context);
        assertEscaped(PageFixture.run(page, "GET", Map.of(), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("from", "to", "domain", "kind", "node", "start"), true).body.toString());
        Map<String, String> valid = all("node");
        valid.put("start", "0");
        assertEscaped(PageFixture.run(page, "GET", valid, true).body.toString());
    }

    @Test
    void theConnectionsPageEscapesEveryFieldAndEveryValueFromTheNodes() throws Exception {
        org.xmppfed.openfire.connections.S2sSession s = new org.xmppfed.openfire.connections.S2sSession(EVIL, EVIL,
            org.xmppfed.openfire.policy.Direction.INCOMING, EVIL, EVIL, java.util.List.of(EVIL), EVIL, 1, EVIL, EVIL, null, EVIL,
            java.time.Instant.now(), java.time.Instant.now(), 1, 2, 3, 4);
        f.nodes.reports.add(new org.xmppfed.openfire.connections.NodeReport(EVIL, EVIL, EVIL, java.util.List.of(), java.util.List.of(s), null));
        f.nodes.reports.add(org.xmppfed.openfire.connections.NodeReport.unreachable(EVIL, EVIL));
        ConnectionsServlet page = new ConnectionsServlet(() -> f.context);
        assertEscaped(PageFixture.run(page, "GET", all("filter", "sort", "result", "count"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("close"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("closeDomain"), true).body.toString());
        for (String action : List.of("close", "close-domain", "idle", EVIL)) {
            Map<String, String> form = all("session", "domain", "idleMinutes", "filter");
            form.put("action", action);
            PageFixture.Exchange x = PageFixture.run(page, "POST", form, true);
            if (x.redirect == null) {
                assertEscaped(x.body.toString());
            }
        }
    }

    @Test
    void theStatusPageEscapesEveryFieldAndEveryValueFromTheNodes() throws Exception {
        f.nodes.reports.add(0, new org.xmppfed.openfire.connections.NodeReport(EVIL, EVIL, EVIL, java.util.List.of(
            new org.xmppfed.openfire.connections.StatusReason("status.reason.not-listening", java.util.List.of(EVIL), EVIL, true)),
            java.util.List.of(), null));
        f.nodes.reports.add(org.xmppfed.openfire.connections.NodeReport.unreachable(EVIL, EVIL));
        StatusServlet page = new StatusServlet(() -> f.context);
        assertEscaped(PageFixture.run(page, "GET", all("result", "token"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", Map.of("token", "new-token"), true).body.toString());
        Map<String, String> form = all("confirmed");
        form.put("action", EVIL);
        assertEscaped(PageFixture.run(page, "POST", form, true).body.toString());
    }

    @Test
    void theSecurityPageEscapesEveryField() throws Exception {
        SecurityServlet page = new SecurityServlet(() -> f.context);
        for (String action : List.of("save", "close", EVIL)) {
            Map<String, String> form = all("tls", "strictCertificates", "externalIncoming", "externalOutgoing", "dialback", "secretAction", "secret");
            form.put("action", action);
            String html = PageFixture.run(page, "POST", form, true).body.toString();
            if (!html.isEmpty()) {
                assertEscaped(html);
            }
        }
        Map<String, String> tooShort = new HashMap<>(Map.of("action", "save", "tls", "OPTIONAL", "dialback", "true", "secretAction", "set",
            "secret", EVIL.substring(0, 12)));
        assertEscaped(PageFixture.run(page, "POST", tooShort, true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("result", "count", "confirm"), true).body.toString());
    }

    @Test
    void theCertificatesPageEscapesEveryFieldAndEveryCertificateValue() throws Exception {
        f.requiredNames.add(new org.xmppfed.openfire.certs.RequiredName(EVIL, EVIL));
        f.certificates.installSelfSigned(org.xmppfed.openfire.certs.KeyType.EC_P256, true);
        f.certificates.requestSigning(org.xmppfed.openfire.certs.KeyType.EC_P256, true);
        f.certificateStores.trusted.put(EVIL, new org.xmppfed.openfire.certs.TestSigner(EVIL.replace(",", "")).certificate);
        CertificatesServlet page = new CertificatesServlet(() -> f.context);
        assertEscaped(PageFixture.run(page, "GET", Map.of(), true).body.toString());
        for (String action : List.of("csr", "reply", "selfsigned", "trust", "untrust", EVIL)) {
            Map<String, String> form = all("keyType", "xmppAddr", "pem", "alias", "replace");
            form.put("action", action);
            PageFixture.Exchange x = PageFixture.run(page, "POST", form, true);
            if (x.redirect == null) { // removing the hostile alias succeeds: nothing to render
                assertEscaped(x.body.toString());
            }
        }
        assertEscaped(PageFixture.run(page, "GET", all("result", "confirm", "alias"), true).body.toString());
        Map<String, String> untrust = all("alias");
        untrust.put("confirm", "untrust");
        assertEscaped(PageFixture.run(page, "GET", untrust, true).body.toString());
    }

    @Test
    void theChatAliasPageEscapesEveryField() throws Exception {
        f.aliases.add("chat.partners.example", "conference.openfire.test");
        AliasServlet page = new AliasServlet(() -> f.context);
        for (String action : List.of("add", "edit", "delete", EVIL)) {
            Map<String, String> form = all("alias", "service", "original");
            form.put("action", action);
            assertEscaped(PageFixture.run(page, "POST", form, true).body.toString());
        }
        Map<String, String> badService = all("service");
        badService.putAll(Map.of("action", "add", "alias", "chat2.partners.example"));
        assertEscaped(PageFixture.run(page, "POST", badService, true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("result", "alias", "service", "edit"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", all("delete"), true).body.toString());
    }

    @Test
    void thePeerClustersPageEscapesEveryFieldAndEveryStoredValue() throws Exception {
        f.peers.add(EVIL.substring(0, 40), "http://127.0.0.1:1/" + java.net.URLEncoder.encode(EVIL, java.nio.charset.StandardCharsets.UTF_8), "s".repeat(20));
        String id = Long.toString(f.peers.peers().get(0).id());
        PeersServlet page = new PeersServlet(() -> f.context);
        for (String action : List.of("add", "update", "delete", "test", EVIL)) {
            Map<String, String> form = all("name", "url", "secret", "id");
            form.put("action", action);
            assertEscaped(PageFixture.run(page, "POST", form, true).body.toString());
        }
        assertEscaped(PageFixture.run(page, "GET", all("result", "name", "edit", "delete"), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", Map.of("edit", id), true).body.toString());
        assertEscaped(PageFixture.run(page, "GET", Map.of("delete", id), true).body.toString());
        assertEscaped(PageFixture.run(page, "POST", Map.of("action", "test", "id", id), true).body.toString());
    }

    @Test
    void theTroubleshooterPageEscapesEveryFieldAndEveryReportedValue() throws Exception {
        f.policy.add("evil.example", "BOTH");
        f.peers.add(EVIL.substring(0, 40), "http://127.0.0.1:1/plugins/federation", "s".repeat(20));
        TroubleshooterServlet page = new TroubleshooterServlet(() -> f.context);
        assertEscaped(PageFixture.run(page, "GET", all("result"), true).body.toString());
        Map<String, String> run = all("x");
        run.put("action", "run");
        assertEscaped(PageFixture.run(page, "POST", run, true).body.toString());
        assertEscaped(PageFixture.run(page, "POST", all("action"), true).body.toString());
        Map<String, String> probe = all("domains", "exceptions");
        probe.put("action", "probe");
        assertEscaped(PageFixture.run(page, "POST", probe, true).body.toString());
        Map<String, String> probeClosed = new HashMap<>(Map.of("action", "probe", "domains", "evil.example"));
        String probed = PageFixture.run(page, "POST", probeClosed, true).body.toString();
        assertEscaped(probed);
        assertTrue(probed.contains("data-probe=\"evil.example\""), "the probe ran and its steps are shown");
    }

    private static Map<String, String> all(String... fields) {
        Map<String, String> m = new HashMap<>();
        for (String field : fields) {
            m.put(field, EVIL);
        }
        return m;
    }

    private static void assertEscaped(String html) {
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("\"'>"), "no attribute is broken out of");
        assertFalse(html.contains("&amp;é"), "an ampersand is escaped, not passed through");
        assertTrue(html.contains("</html>"), "the page rendered whole");
        assertNoTemplateSource(html);
    }

    /** Nothing of a template's own text (comments, directives, expressions) reaches the page. */
    static void assertNoTemplateSource(String html) {
        for (String source : new String[] {"Licensed under", "<%--", "--%>", "@*", "*@", "@param", "@import", "@template", "@if", "@for", "${"}) {
            assertFalse(html.contains(source), "template source '" + source + "' on the page");
        }
    }
}
