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
package org.xmppfed.openfire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xmppfed.openfire.peer.RequestSignature;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Two independent Openfire deployments, each with the plugin (west: openfire.lan on 127.0.0.5, east:
 * east.lan on 127.0.0.8), and the suite's BIND: each is registered as the other's peer through the
 * pages; identical settings pass every cross-cluster row; each compared setting changed on one side
 * fails exactly its row with both values; compare and sync through the pages: a push refused while
 * the receiver does not accept west's pushes (nothing changed), applied when it does (every row
 * passes again, the receiver's event log names west as registered there), refused with its reason
 * for an exception naming the receiver's own domain (nothing changed), a pull, static routes pushed
 * and removed, the page in Chromium; the snapshot endpoint refuses forged, replayed, expired
 * and wrong-secret requests alike; DNS rows for names with missing, wrong-port, unresolvable and
 * foreign records; the JSON download parsed; the pages in Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerClustersIT {
    private static final String WEST_IP = "127.0.0.5";
    private static final String EAST_IP = "127.0.0.8";
    private static final String EAST_DOMAIN = "east.lan";
    private static final String SECRET = "peer-secret-e2e-0123456789";
    private static final Pattern ROW = Pattern.compile("<tr data-check=\"([^\"]*)\" data-verdict=\"([A-Z]+)\">(.*?)</tr>\\s*(?=<tr data-check|</tbody>)",
        Pattern.DOTALL);

    private static Path work;
    private static DnsServer dns;
    private static OpenfireServer west;
    private static OpenfireServer east;
    private static AdminConsole westAdmin;
    private static AdminConsole eastAdmin;

    /** One row of a report page: verdict and its HTML (evidence, action). */
    record Row(String verdict, String html) {
    }

    @BeforeAll
    static void startTwoDeployments() throws Exception {
        if (!FederationEnvironment.available()) {
            return;
        }
        Path installation = FederationEnvironment.openfireHome();
        Path jar = Path.of("target/federation.jar").toAbsolutePath();
        work = Files.createTempDirectory("federation-peers-e2e-");
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put(OpenfireServer.DOMAIN, WEST_IP);
        hosts.put(EAST_DOMAIN, EAST_IP);
        dns = DnsServer.start(work.resolve("dns"), hosts, List.of(
            "_xmpp-server._tcp.mail-port IN SRV 0 5 5270 openfire.lan.",
            "_xmpp-server._tcp.mail-unresolved IN SRV 0 5 5269 nowhere.lan.",
            "_xmpp-server._tcp.mail-foreign IN SRV 0 5 5269 foreign.lan.",
            "foreign IN A 127.0.0.99"));
        west = new OpenfireServer(installation, work.resolve("west"), WEST_IP, OpenfireServer.DOMAIN, Map.of("alice", "secret-e2e"), Map.of());
        east = new OpenfireServer(installation, work.resolve("east"), EAST_IP, EAST_DOMAIN, Map.of("erin", "secret-e2e"), Map.of());
        CompletableFuture<AdminConsole> w = CompletableFuture.supplyAsync(() -> prepare(west, jar));
        CompletableFuture<AdminConsole> e = CompletableFuture.supplyAsync(() -> prepare(east, jar));
        westAdmin = w.join();
        eastAdmin = e.join();
    }

    private static AdminConsole prepare(OpenfireServer server, Path jar) {
        try {
            server.start();
            AdminConsole admin = new AdminConsole(server.adminUrl());
            admin.login(OpenfireServer.ADMIN_PASSWORD);
            admin.setSystemProperty("plugin.federation.dns.server", DnsServer.ADDRESS + ":53");
            admin.setSystemProperty("plugin.federation.public-addresses", server.address);
            server.installPlugin(jar);
            settings(admin, true, "DENY");
            return admin;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @AfterAll
    static void stopTwoDeployments() {
        for (AutoCloseable c : new AutoCloseable[] {west, east, dns}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the others are closed anyway
                }
            }
        }
        if (work != null && System.getenv("FEDERATION_E2E_KEEP") == null) {
            Tools.deleteTree(work);
        }
    }

    @BeforeEach
    void requireOpenfire() {
        Assumptions.assumeTrue(westAdmin != null, FederationEnvironment.SKIP_MESSAGE);
    }

    // ----- helpers, used as an administrator uses the pages

    private static void settings(AdminConsole admin, boolean enabled, String defaultPolicy) {
        assertEquals(302, admin.post("plugins/federation/settings.jsp",
            Map.of("enabled", Boolean.toString(enabled), "defaultPolicy", defaultPolicy)).status(), "saving the settings");
    }

    /** Makes the static routes exactly {@code csv} (domain,address lines) through the routes page's import. */
    private static void staticRoutes(AdminConsole admin, String csv) {
        AdminConsole.Page r = admin.post("plugins/federation/routes.jsp",
            Map.of("action", "import-apply", "format", "CSV", "mode", "REPLACE", "content", "domain,address\n" + csv));
        assertEquals(302, r.status(), "importing the static routes: " + r.body());
    }

    private static AdminConsole.Page addPeer(AdminConsole admin, String name, String url, String secret) {
        return admin.post("plugins/federation/peers.jsp", Map.of("action", "add", "name", name, "url", url, "secret", secret));
    }

    private static String idOf(AdminConsole admin, String name) {
        Matcher m = Pattern.compile("data-peer=\"" + Pattern.quote(name) + "\">.*?name=\"id\" value=\"(\\d+)\"", Pattern.DOTALL)
            .matcher(admin.get("plugins/federation/peers.jsp").body());
        assertTrue(m.find(), "peer " + name + " listed");
        return m.group(1);
    }

    private static String testLink(AdminConsole admin, String name) {
        return admin.post("plugins/federation/peers.jsp", Map.of("action", "test", "id", idOf(admin, name))).body();
    }

    /** Runs the troubleshooter on west through its page; rows by check id (the last one wins for repeated ids). */
    private static Map<String, Row> run(AdminConsole admin) {
        AdminConsole.Page page = admin.post("plugins/federation/troubleshooter.jsp", Map.of("action", "run"));
        assertEquals(200, page.status());
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(page.body());
        while (m.find()) {
            rows.put(m.group(1), new Row(m.group(2), m.group(3)));
        }
        assertFalse(rows.isEmpty(), page.body());
        return rows;
    }

    private static boolean crossCluster(String id) {
        return id.startsWith("peer.") || id.startsWith("cluster.") || id.startsWith("item.");
    }

    /** Every cross-cluster row passes except {@code failing}, which fails; returns the rows. */
    private static Map<String, Row> onlyFailing(String... failing) {
        Map<String, Row> rows = run(westAdmin);
        List<String> expected = List.of(failing);
        for (Map.Entry<String, Row> r : rows.entrySet()) {
            if (crossCluster(r.getKey())) {
                assertEquals(expected.contains(r.getKey()) ? "FAIL" : "PASS", r.getValue().verdict(), r.getKey() + ": " + r.getValue().html());
            }
        }
        for (String f : failing) {
            assertTrue(rows.containsKey(f), "row " + f + " is shown");
        }
        return rows;
    }

    // ----- the scenarios

    @Test
    @Order(1)
    void badPeerInputIsRefusedWithItsReasonAndNothingIsSaved() {
        String credentials = addPeer(westAdmin, "east", "http://admin:pw@" + EAST_IP + ":9090/plugins/federation", SECRET).body();
        assertTrue(credentials.contains("data-field-error=\"url\"") && credentials.contains("user name or password"), credentials);
        String scheme = addPeer(westAdmin, "east", "ftp://" + EAST_IP + "/plugins/federation", SECRET).body();
        assertTrue(scheme.contains("does not start with http:// or https://"), scheme);
        String shortSecret = addPeer(westAdmin, "east", "http://" + EAST_IP + ":9090/plugins/federation", "fifteen-chars-x").body();
        assertTrue(shortSecret.contains("data-field-error=\"secret\"") && shortSecret.contains("at least 16 characters"), shortSecret);
        assertTrue(westAdmin.get("plugins/federation/peers.jsp").body().contains("No peer cluster is registered."));
        // saved, but the link test says why it does not work: nothing listening, the admin console's login instead of the plugin
        assertEquals(302, addPeer(westAdmin, "closed", "http://" + EAST_IP + ":9999/plugins/federation", SECRET).status());
        assertTrue(testLink(westAdmin, "closed").contains("Could not connect to http://" + EAST_IP + ":9999/plugins/federation/peer-api/snapshot"));
        assertEquals(302, addPeer(westAdmin, "console", "http://" + EAST_IP + ":9090", SECRET).status());
        String console = testLink(westAdmin, "console");
        assertTrue(console.contains("http://" + EAST_IP + ":9090/peer-api/snapshot does not exist (404)"), console);
        assertEquals(302, addPeer(westAdmin, "login", "http://" + EAST_IP + ":9090/plugins/nothing-here", SECRET).status());
        String login = testLink(westAdmin, "login");
        assertTrue(login.contains("answered with a redirect to") && login.contains("login.jsp"), login);
        for (String name : List.of("closed", "console", "login")) {
            assertEquals(302, westAdmin.post("plugins/federation/peers.jsp", Map.of("action", "delete", "id", idOf(westAdmin, name))).status());
        }
    }

    @Test
    @Order(2)
    void eachIsRegisteredAsTheOthersPeerAndTheLinksWork() {
        assertEquals(302, addPeer(westAdmin, "east", "http://" + EAST_IP + ":9090/plugins/federation", SECRET).status());
        assertEquals(302, addPeer(eastAdmin, "west", "http://" + WEST_IP + ":9090/plugins/federation/", SECRET).status());
        String w = testLink(westAdmin, "east");
        assertTrue(w.contains("Link to east works") && w.contains("with the settings of east.lan"), w);
        String e = testLink(eastAdmin, "west");
        assertTrue(e.contains("Link to west works") && e.contains("with the settings of openfire.lan"), e);
        assertFalse(westAdmin.get("plugins/federation/peers.jsp?edit=" + idOf(westAdmin, "east")).body().contains(SECRET), "never shown back");
    }

    @Test
    @Order(3)
    void identicalSettingsPassEveryCrossClusterRow() {
        Map<String, Row> rows = onlyFailing();
        for (String id : List.of("peer.link", "cluster.federation-active", "cluster.plugin-version", "item.policy.switch", "item.policy.default",
            "item.policy.exceptions", "item.email.switch", "item.email.domains", "item.security.tls", "item.security.client-certificate",
            "item.security.sasl-in", "item.security.sasl-out", "item.security.dialback", "item.security.dialback-secret")) {
            assertTrue(rows.containsKey(id), "row " + id);
        }
        assertEquals("PASS", rows.get("local.s2s-listener").verdict(), rows.get("local.s2s-listener").html());
        assertEquals("PASS", rows.get("dns.xmpp-server.openfire.lan").verdict(), rows.get("dns.xmpp-server.openfire.lan").html());
        assertTrue(rows.get("cluster.federation-active").html().contains("peer east"));
    }

    /** A change on east, the row it must fail with both values, and the change back. */
    private record Change(String row, Runnable apply, Runnable revert, String here, String there) {
    }

    private static Runnable property(String key, String value) {
        return () -> eastAdmin.setSystemProperty(key, value);
    }

    @Test
    @Order(4)
    void eachComparedSettingChangedOnOneSideFailsExactlyItsRowWithBothValues() {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change("item.policy.default", () -> settings(eastAdmin, true, "ALLOW"), () -> settings(eastAdmin, true, "DENY"), "DENY", "ALLOW"));
        changes.add(new Change("item.security.tls", property("xmpp.server.tls.policy", "required"), property("xmpp.server.tls.policy", "optional"),
            "optional", "required"));
        changes.add(new Change("item.security.client-certificate", property("xmpp.server.cert.policy", "needed"),
            property("xmpp.server.cert.policy", "disabled"), "disabled", "needed"));
        changes.add(new Change("item.security.dialback", property("xmpp.server.dialback.enabled", "false"),
            property("xmpp.server.dialback.enabled", "true"), "on", "off"));
        changes.add(new Change("item.security.sasl-in", property("sasl.mechs", "PLAIN,SCRAM-SHA-1"),
            () -> eastAdmin.post("server-properties.jsp", Map.of("action", "delete", "key", "sasl.mechs")), "on", "off"));
        changes.add(new Change("item.security.sasl-out", property("plugin.federation.security.external.outgoing", "false"),
            property("plugin.federation.security.external.outgoing", "true"), "on", "off"));
        changes.add(new Change("item.security.dialback-secret", property("plugin.federation.security.dialback.secret", "a-dialback-secret"),
            () -> eastAdmin.post("server-properties.jsp", Map.of("action", "delete", "key", "plugin.federation.security.dialback.secret")),
            "not set", "digest "));
        changes.add(new Change("item.email.switch", () -> assertEquals(302, eastAdmin.post("plugins/federation/email.jsp",
            Map.of("action", "switch", "enabled", "true")).status()), () -> assertEquals(302, eastAdmin.post("plugins/federation/email.jsp",
            Map.of("action", "switch", "enabled", "false")).status()), "off", "on"));
        changes.add(new Change("item.email.domains", () -> assertEquals(302, eastAdmin.post("plugins/federation/email.jsp",
            Map.of("action", "add", "domain", "extra-mail.lan")).status()), () -> assertEquals(302, eastAdmin.post("plugins/federation/email.jsp",
            Map.of("action", "delete", "domain", "extra-mail.lan")).status()), "0 entries", "extra-mail.lan"));
        for (Change c : changes) {
            c.apply().run();
            Row row = onlyFailing(c.row()).get(c.row());
            assertTrue(row.html().contains(c.here()) && row.html().contains(c.there()), c.row() + " shows both values: " + row.html());
            assertTrue(row.html().contains("this cluster (openfire.lan)") && row.html().contains("peer east"), row.html());
            c.revert().run();
        }
        onlyFailing();
    }

    @Test
    @Order(5)
    void theSwitchOffFailsItsRowAndTheActiveNodeRow() {
        settings(eastAdmin, false, "DENY");
        Row row = onlyFailing("item.policy.switch", "cluster.federation-active").get("item.policy.switch");
        assertTrue(row.html().contains("on") && row.html().contains("off"), row.html());
        settings(eastAdmin, true, "DENY");
        onlyFailing();
    }

    @Test
    @Order(6)
    void aDifferentExceptionListShowsTheDifferenceAndTheSameListPassesAgain() {
        assertEquals(302, eastAdmin.post("plugins/federation/policy.jsp", Map.of("action", "import-apply", "format", "CSV", "mode", "REPLACE",
            "content", "pattern,direction\npartner.lan,BOTH\nboth-sides.lan,INCOMING\n")).status());
        assertEquals(302, westAdmin.post("plugins/federation/policy.jsp", Map.of("action", "import-apply", "format", "CSV", "mode", "REPLACE",
            "content", "pattern,direction\nboth-sides.lan,OUTGOING\nwest-only.lan,BOTH\n")).status());
        Row row = onlyFailing("item.policy.exceptions").get("item.policy.exceptions");
        assertTrue(row.html().contains("1 only here: west-only.lan"), row.html());
        assertTrue(row.html().contains("1 only here: partner.lan"), row.html());
        assertTrue(row.html().contains("both-sides.lan: OUTGOING \u2192 INCOMING"), row.html());
        // the same list on both sides (exported here, imported there): the row passes again
        String exported = westAdmin.get("plugins/federation/policy-export.jsp?format=CSV").body();
        assertEquals(302, eastAdmin.post("plugins/federation/policy.jsp", Map.of("action", "import-apply", "format", "CSV", "mode", "REPLACE",
            "content", exported)).status(), exported);
        onlyFailing();
    }

    // ----- compare and sync: push and pull (1.3.0)

    private static String exceptionsOf(AdminConsole admin) {
        return admin.get("plugins/federation/policy-export.jsp?format=CSV").body();
    }

    private static void addException(AdminConsole admin, String pattern, String direction) {
        AdminConsole.Page r = admin.post("plugins/federation/policy.jsp", Map.of("action", "add", "pattern", pattern, "direction", direction));
        assertEquals(302, r.status(), "adding " + pattern + ": " + r.body());
    }

    private static void deleteException(AdminConsole admin, String pattern) {
        assertEquals(302, admin.post("plugins/federation/policy.jsp", Map.of("action", "delete", "pattern", pattern)).status());
    }

    /**
     * Pushes or pulls (action) through west's compare and sync page with east, the policy and {@code parts}, as the
     * administrator does: the confirmation (which carries the form and its CSRF token), then its button; the page shown after.
     */
    private static String westSyncs(String action, String... parts) {
        String id = idOf(westAdmin, "east");
        Map<String, String> form = new LinkedHashMap<>(Map.of("action", action, "peer", id));
        StringBuilder query = new StringBuilder("peer=" + id + "&confirm=" + action);
        for (String p : parts) {
            form.put(p, "on");
            query.append('&').append(p).append("=on");
        }
        AdminConsole.Page page = westAdmin.post("plugins/federation/peer-sync.jsp?" + query, form);
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    /** East's event log page for {@code kind}, once it shows {@code text} (events are written every 2 s). */
    private static String eventOn(AdminConsole admin, String kind, String text) {
        Await.require(Duration.ofSeconds(20), kind + " event " + text,
            () -> admin.get("plugins/federation/events.jsp?kind=" + kind).body().contains(text));
        return admin.get("plugins/federation/events.jsp?kind=" + kind).body();
    }

    private static void eastAcceptsPushesFromWest(boolean accept) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("action", "update", "id", idOf(eastAdmin, "west"), "name", "west",
            "url", "http://" + WEST_IP + ":9090/plugins/federation", "secret", ""));
        if (accept) {
            form.put("acceptPushes", "true");
        }
        assertEquals(302, eastAdmin.post("plugins/federation/peers.jsp", form).status());
        assertTrue(eastAdmin.get("plugins/federation/peers.jsp").body().contains("data-accepts-pushes=\"" + accept + "\""));
    }

    @Test
    @Order(7)
    void aPushIsRefusedWhileTheReceiverDoesNotAcceptPushesAndNothingChanges() {
        addException(westAdmin, "push-me.lan", "INCOMING");
        Row row = onlyFailing("item.policy.exceptions").get("item.policy.exceptions");
        assertTrue(row.html().contains("1 only here: push-me.lan"), row.html());
        String eastBefore = exceptionsOf(eastAdmin);

        String page = westSyncs("push");
        assertTrue(page.contains("east refused the push and changed nothing (1 reasons):"), page);
        assertTrue(page.contains("This server does not accept pushes of settings from west"), page);
        assertEquals(eastBefore, exceptionsOf(eastAdmin), "nothing changed on east");
        onlyFailing("item.policy.exceptions");
        String refused = eventOn(eastAdmin, "PUSH_REFUSED", "Federation settings pushed by peer cluster west refused");
        assertTrue(refused.contains("<td>peer cluster west</td>"), refused);
    }

    @Test
    @Order(8)
    void aPushThroughThePageMakesEveryRowPassAndTheReceiverNamesThePusher() {
        eastAcceptsPushesFromWest(true);
        String id = idOf(westAdmin, "east");
        String compared = westAdmin.get("plugins/federation/peer-sync.jsp?peer=" + id).body();
        assertTrue(compared.contains("<li>push-me.lan (INCOMING)</li>"), compared);
        String confirm = westAdmin.get("plugins/federation/peer-sync.jsp?peer=" + id + "&confirm=push").body();
        assertTrue(confirm.contains("<li>Policy (default policy and exceptions): 1 added, 0 changed, 0 removed"), confirm);
        assertFalse(exceptionsOf(eastAdmin).contains("push-me.lan"), "asking changes nothing");

        String page = westSyncs("push");
        assertTrue(page.contains("east applied this server's settings:"), page);
        assertTrue(page.contains("1 added, 0 changed, 0 removed)</li>"), page);
        assertTrue(page.contains("id=\"sync-identical\""), "compared again: identical now: " + page);
        assertTrue(exceptionsOf(eastAdmin).contains("push-me.lan,INCOMING"));
        onlyFailing();
        String applied = eventOn(eastAdmin, "SETTINGS_CHANGED", "Federation settings pushed by peer cluster west (openfire.lan) applied");
        assertTrue(applied.contains("<td>peer cluster west</td>"), "the receiver's event names the pusher as registered there: " + applied);
        assertTrue(applied.contains("(1 added, 0 changed, 0 removed)"), "with the counts: " + applied);
        String pushed = eventOn(westAdmin, "SETTINGS_PUSHED", "Federation settings pushed to peer cluster east");
        assertTrue(pushed.contains("<td>admin</td>"), pushed);
    }

    @Test
    @Order(9)
    void aPushTheReceiverCannotTakeIsRefusedWithItsReasonAndChangesNothing() {
        addException(westAdmin, EAST_DOMAIN, "BOTH"); // a partner for west, east itself for east
        String eastBefore = exceptionsOf(eastAdmin);
        String page = westSyncs("push");
        assertTrue(page.contains("east refused the push and changed nothing (1 reasons):"), page);
        assertTrue(page.contains("Policy east.lan,BOTH: east.lan names a domain of this server (its XMPP domain or a service)."), page);
        assertEquals(eastBefore, exceptionsOf(eastAdmin), "nothing changed on east");
        eventOn(eastAdmin, "PUSH_REFUSED", "east.lan names a domain of this server");
        // east's own policy page refuses the same exception with the same reason
        AdminConsole.Page own = eastAdmin.post("plugins/federation/policy.jsp", Map.of("action", "add", "pattern", EAST_DOMAIN, "direction", "BOTH"));
        assertTrue(own.body().contains("east.lan names a domain of this server"), own.body());
        deleteException(westAdmin, EAST_DOMAIN);
        onlyFailing();
    }

    @Test
    @Order(10)
    void aPullBringsThePeersPolicyHereAndEveryRowPassesAgain() {
        settings(eastAdmin, true, "ALLOW");
        addException(eastAdmin, "pulled.lan", "OUTGOING");
        Row row = onlyFailing("item.policy.default", "item.policy.exceptions").get("item.policy.exceptions");
        assertTrue(row.html().contains("1 only here: pulled.lan"), row.html());
        String confirm = westAdmin.get("plugins/federation/peer-sync.jsp?peer=" + idOf(westAdmin, "east") + "&confirm=pull").body();
        assertTrue(confirm.contains("<li>Default policy: DENY \u2192 ALLOW</li>"), confirm);

        String page = westSyncs("pull");
        assertTrue(page.contains("The settings of east were applied here:"), page);
        assertTrue(page.contains("<li>Default policy: DENY \u2192 ALLOW</li>"), page);
        assertTrue(exceptionsOf(westAdmin).contains("pulled.lan,OUTGOING"));
        onlyFailing();
        eventOn(westAdmin, "SETTINGS_CHANGED", "Federation settings pulled from peer cluster east");
        // back to DENY on both sides (the other scenarios expect it)
        settings(eastAdmin, true, "DENY");
        settings(westAdmin, true, "DENY");
        onlyFailing();
    }

    @Test
    @Order(11)
    void staticRoutesArePushedWhenChosenAndRemovedTheSameWay() {
        staticRoutes(westAdmin, "routed-partner.lan,127.0.0.9:5269\nrouted-partner.lan,127.0.0.10:5270\n");
        onlyFailing("item.routes");
        String id = idOf(westAdmin, "east");
        assertTrue(westAdmin.get("plugins/federation/peer-sync.jsp?peer=" + id).body().contains("id=\"sync-identical\""),
            "without routes chosen only the policy is compared, and it is the same");
        String routes = westAdmin.get("plugins/federation/peer-sync.jsp?peer=" + id + "&routes=on").body();
        assertTrue(routes.contains("<li>routed-partner.lan (127.0.0.10:5270 127.0.0.9:5269)</li>"), routes);
        String page = westSyncs("push", "routes");
        assertTrue(page.contains("<li>Static routes (by domain): 0 \u2192 1 (1 added, 0 changed, 0 removed)</li>"), page);
        onlyFailing();
        staticRoutes(westAdmin, "");
        onlyFailing("item.routes");
        assertTrue(westSyncs("push", "routes").contains("<li>Static routes (by domain): 1 \u2192 0 (0 added, 0 changed, 1 removed)</li>"));
        onlyFailing();
    }

    @Test
    @Order(12)
    void theCompareAndSyncPageWorksInARealBrowser() throws Exception {
        addException(westAdmin, "browser.lan", "BOTH");
        Path shots = Path.of("target/e2e-screenshots");
        try (Browser browser = new Browser(work.resolve("chromium-profile-sync"))) {
            String base = west.adminUrl();
            browser.open(base + "/login.jsp");
            browser.navigateBy("document.querySelector('input[name=username]').value='admin';"
                + "document.querySelector('input[name=password]').value=" + Browser.quote(OpenfireServer.ADMIN_PASSWORD) + ";"
                + "document.querySelector('input[type=submit], button[type=submit]').click();");
            browser.open(base + "/plugins/federation/peers.jsp");
            assertEquals("false", browser.eval("document.querySelector('tr[data-peer=\"east\"] td[data-accepts-pushes]').dataset.acceptsPushes"),
                "nobody allowed east's pushes here");
            browser.navigateBy("document.querySelector('tr[data-peer=\"east\"] a.sync-link').click();");
            assertEquals("Peer clusters", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertEquals("false", browser.eval("document.querySelector('tr[data-part=\"policy\"]').dataset.same"));
            assertTrue(browser.eval("document.querySelector('[data-details=\"policy\"]').innerText").contains("browser.lan (BOTH)"));
            browser.screenshot(shots.resolve("peer-sync.png"));
            browser.navigateBy("document.getElementById('sync-push').click();");
            assertEquals("push", browser.eval("document.getElementById('sync-confirm').dataset.direction"));
            browser.screenshot(shots.resolve("peer-sync-confirm.png"));
            browser.navigateBy("document.getElementById('sync-confirm-yes').click();");
            assertTrue(browser.eval("document.body.innerText").contains("east applied this server's settings"),
                browser.eval("document.body.innerText"));
            assertEquals("true", browser.eval("document.querySelector('tr[data-part=\"policy\"]').dataset.same"));
            browser.screenshot(shots.resolve("peer-sync-pushed.png"));
            assertTrue(browser.pageErrors.isEmpty(), "no script errors: " + browser.pageErrors);
        }
        assertTrue(exceptionsOf(eastAdmin).contains("browser.lan,BOTH"));
        onlyFailing();
    }

    private static HttpResponse<String> snapshotRequest(String secret, long time, String nonce) throws Exception {
        String path = "/plugins/federation/peer-api/snapshot";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + EAST_IP + ":9090" + path)).timeout(Duration.ofSeconds(10)).GET();
        if (secret != null) {
            b.header(RequestSignature.TIMESTAMP, Long.toString(time)).header(RequestSignature.NONCE, nonce)
                .header(RequestSignature.SIGNATURE, RequestSignature.sign(secret, "GET", path, time, nonce, new byte[0]));
        }
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(20)
    void forgedReplayedExpiredAndWrongSecretRequestsAreRefusedAlikeRevealingNothing() throws Exception {
        long now = Instant.now().getEpochSecond();
        String nonce = RequestSignature.nonce();
        HttpResponse<String> valid = snapshotRequest(SECRET, now, nonce);
        assertEquals(200, valid.statusCode(), "a signed request needs no admin login");
        assertTrue(valid.body().startsWith("{\"schema\":1,\"xmppDomain\":\"east.lan\""), valid.body());
        List<HttpResponse<String>> refused = List.of(
            snapshotRequest(null, 0, null),                                              // unsigned
            snapshotRequest("forged-secret-0123456789", now, RequestSignature.nonce()),  // wrong secret
            snapshotRequest(SECRET, now, nonce),                                          // replayed
            snapshotRequest(SECRET, now - 3600, RequestSignature.nonce()));              // expired
        for (HttpResponse<String> r : refused) {
            assertEquals(401, r.statusCode());
            assertEquals("{\"error\":\"refused\"}", r.body(), "the same answer whatever the reason");
        }
        String eastPage = eastAdmin.get("plugins/federation/troubleshooter.jsp").body();
        Matcher m = Pattern.compile("data-refused=\"(\\d+)\"").matcher(eastPage);
        assertTrue(m.find());
        assertTrue(Integer.parseInt(m.group(1)) >= 4, eastPage);
        assertTrue(Tools.logContains(east.log(), "Refused a settings snapshot request"), "logged");
    }

    @Test
    @Order(21)
    void dnsRowsSayWhatIsWrongWithEachName() {
        // The email domains this server answers for are checked like the XMPP domain. mail-foreign.lan is accepted
        // while its address counts as ours, then no longer (so its row warns).
        westAdmin.setSystemProperty("plugin.federation.public-addresses", WEST_IP + ",127.0.0.99");
        assertEquals(302, westAdmin.post("plugins/federation/email.jsp", Map.of("action", "switch", "enabled", "true")).status());
        for (String d : List.of("mail-missing.lan", "mail-port.lan", "mail-unresolved.lan", "mail-foreign.lan")) {
            AdminConsole.Page added = westAdmin.post("plugins/federation/email.jsp", Map.of("action", "add", "domain", d));
            assertTrue(added.status() == 302 || added.body().contains(d), d + ": " + added.body());
        }
        westAdmin.setSystemProperty("plugin.federation.public-addresses", WEST_IP);
        Map<String, Row> rows = run(westAdmin);
        assertEquals("PASS", rows.get("dns.xmpp-server.openfire.lan").verdict());
        assertEquals("FAIL", rows.get("dns.xmpp-server.mail-missing.lan").verdict());
        assertTrue(rows.get("dns.xmpp-server.mail-missing.lan").html().contains("_xmpp-server._tcp.mail-missing.lan. IN SRV 0 5 5269 openfire.lan."));
        assertEquals("FAIL", rows.get("dns.xmpp-server.mail-port.lan").verdict());
        assertTrue(rows.get("dns.xmpp-server.mail-port.lan").html().contains("port differs"));
        assertEquals("FAIL", rows.get("dns.xmpp-server.mail-unresolved.lan").verdict());
        assertTrue(rows.get("dns.xmpp-server.mail-unresolved.lan").html().contains("no A or AAAA"));
        assertEquals("WARN", rows.get("dns.xmpp-server.mail-foreign.lan").verdict());
        assertTrue(rows.get("dns.xmpp-server.mail-foreign.lan").html().contains("127.0.0.99"));
        // our own stream headers: the XMPP domain is named before and after STARTTLS; an email domain only before
        Row own = rows.get("local.stream-header.openfire.lan");
        assertEquals("PASS", own.verdict(), own.html());
        assertTrue(own.html().contains("header after STARTTLS from openfire.lan"), own.html());
        Row mail = rows.get("local.stream-header.mail-port.lan");
        assertEquals("WARN", mail.verdict(), mail.html());
        assertTrue(mail.html().contains("header before STARTTLS from mail-port.lan") && mail.html().contains("header after STARTTLS from openfire.lan")
            && mail.html().contains("RFC 6120 section 4.7.1"), mail.html());
    }

    @Test
    @Order(22)
    void partnerProbesJudgeEachStep() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create("Federation E2E probe CA");
        TestCertificateAuthority.Issued expired = ca.issueExpired("expired.lan");
        TestCertificateAuthority.Issued wrongName = ca.issue("somebody-else.lan");
        try (org.xmppfed.openfire.probe.FakeXmppServer e = new org.xmppfed.openfire.probe.FakeXmppServer("127.0.0.9", 5269, "expired.lan",
                 new org.xmppfed.openfire.probe.FakeXmppServer.Identity(expired.key(), expired.certificate()));
             org.xmppfed.openfire.probe.FakeXmppServer w = new org.xmppfed.openfire.probe.FakeXmppServer("127.0.0.10", 5269, "wrong-name.lan",
                 new org.xmppfed.openfire.probe.FakeXmppServer.Identity(wrongName.key(), wrongName.certificate()))) {
            // static routes (Federation > Static routes) for the partners DNS does not know
            staticRoutes(westAdmin, "expired.lan,127.0.0.9:5269\nwrong-name.lan,127.0.0.10:5269\nclosed.lan,127.0.0.8:5999\n");
            long start = System.nanoTime();
            Map<String, String> s = ProbePage.probe(westAdmin, "east.lan expired.lan wrong-name.lan closed.lan");
            long millis = (System.nanoTime() - start) / 1_000_000;
            // the other Openfire, found through DNS SRV: TLS offered, its self-signed certificate not trusted here; after TLS it
            // advertises no authentication to a server that presented no certificate
            assertTrue(s.get("east.lan resolve").startsWith("PASS") && s.get("east.lan resolve").contains("127.0.0.8:5269"), s.toString());
            assertTrue(s.get("east.lan stream").startsWith("PASS"), s.toString());
            assertTrue(s.get("east.lan starttls").startsWith("PASS"), s.toString());
            assertTrue(s.get("east.lan tls").startsWith("PASS TLSv1."), s.toString());
            assertTrue(s.get("east.lan certificate").startsWith("FAIL") && s.get("east.lan certificate").contains("not trusted"), s.toString());
            assertTrue(s.get("east.lan certificate-name").startsWith("PASS"), s.toString());
            assertTrue(s.get("east.lan authentication").startsWith("WARN") && s.get("east.lan authentication").contains("without a certificate"), s.toString());
            assertTrue(s.get("expired.lan authentication").startsWith("PASS"), s.toString());
            assertTrue(s.get("expired.lan resolve").contains("static route 127.0.0.9:5269"), s.toString());
            assertTrue(s.get("expired.lan certificate").startsWith("FAIL") && s.get("expired.lan certificate").contains("expired on"), s.toString());
            assertTrue(s.get("wrong-name.lan certificate-name").startsWith("FAIL")
                && s.get("wrong-name.lan certificate-name").contains("the certificate names somebody-else.lan, not wrong-name.lan"), s.toString());
            assertTrue(s.get("closed.lan connect").startsWith("FAIL"), s.toString());
            assertFalse(s.containsKey("closed.lan stream"));
            // the ping through Openfire: east.lan is denied by the default policy (DENY), so nothing is sent; the routed
            // domains are allowed (routes are allowed automatically), so Openfire tries and says why it failed
            assertEquals("SKIPPED not run: the default policy (DENY) denies traffic to east.lan, so this server sends it nothing",
                s.get("east.lan ping"), s.toString());
            assertTrue(s.get("closed.lan ping").startsWith("FAIL Openfire could not set up a server-to-server session to the partner "
                + "(remote-server-not-found)"), s.toString());
            assertTrue(s.get("closed.lan ping").contains("Openfire: "), "Openfire's own reason: " + s.get("closed.lan ping"));
            for (String fake : List.of("expired.lan", "wrong-name.lan")) {
                // a test server that stops after the stream features: no session, so no answer
                assertTrue(s.get(fake + " ping").startsWith("FAIL"), s.toString());
            }
            System.out.println("Probed 4 partners through the page in " + millis + " ms");
        } finally {
            staticRoutes(westAdmin, "");
        }
    }

    @Test
    @Order(23)
    void fiftyPartnersAreProbedWithTlsAndAPingEachWithinTheTarget() throws Exception {
        // 50 partner domains served by a real Prosody on 127.0.0.6 (TLS offered, certificate from a throw-away CA that
        // west trusts): every probe goes through STARTTLS and a full TLS handshake, and its ping through real
        // server-to-server sessions both ways (TLS; dialback from west, whose own certificate Prosody does not trust,
        // SASL EXTERNAL back)
        TestCertificateAuthority ca = TestCertificateAuthority.create("Federation E2E partners CA");
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            partners.add("p" + i + ".lan");
        }
        Path pki = work.resolve("partners-pki");
        Files.createDirectories(pki);
        TestCertificateAuthority.writePem(ca.issue(partners.toArray(String[]::new)), pki.resolve("partners.crt"), pki.resolve("partners.key"));
        Map<String, Path> certificates = new LinkedHashMap<>();
        Map<String, Path> keys = new LinkedHashMap<>();
        partners.forEach(p -> {
            certificates.put(p, pki.resolve("partners.crt"));
            keys.put(p, pki.resolve("partners.key"));
        });
        AdminConsole.Page trust = westAdmin.postFile("plugins/federation/certificates.jsp", "x=1", Map.of("action", "trust"), "file", "partners-ca.der",
            ca.certificate.getEncoded());
        assertEquals(302, trust.status(), "importing the partners' authority: " + trust.body());
        StringBuilder routes = new StringBuilder();
        partners.forEach(p -> routes.append(p).append(",127.0.0.6:5269\n"));
        ProsodyServer.Tls tls = ProsodyServer.Tls.offered(ca.writeCertificatePem(pki.resolve("ca.pem")), certificates, keys);
        try {
            staticRoutes(westAdmin, routes.toString());
            try (ProsodyServer prosody = ProsodyServer.start(work.resolve("partners-prosody"), "127.0.0.6", partners, Map.of(), dns.resolvConf(), tls)) {
                allHostsLoaded(prosody, partners.size());
                // the first probes after Openfire started: 50 new server-to-server sessions set up for the pings
                probeFifty(partners, "Probed 50 partners through the page (new sessions, first run after start)");
                // the same again: the sessions exist now, so the pings only cross them
                probeFifty(partners, "Probed the 50 partners again (sessions exist)");
            }
            // Prosody restarted: its sessions are gone, Openfire sets up 50 new ones again, now warmed up
            Await.require(Duration.ofSeconds(60), "Openfire to see the partners' sessions closed",
                () -> !westAdmin.get("plugins/federation/connections.jsp").body().contains("data-domain=\"p"));
            try (ProsodyServer prosody = ProsodyServer.start(work.resolve("partners-prosody-2"), "127.0.0.6", partners, Map.of(), dns.resolvConf(),
                     tls)) {
                allHostsLoaded(prosody, partners.size());
                probeFifty(partners, "Probed the 50 partners after their server restarted (new sessions)");
            }
        } finally {
            staticRoutes(westAdmin, "");
        }
    }

    /** Prosody listens before it has set up its virtual hosts (TLS contexts one host after the other): the run starts after. */
    private static void allHostsLoaded(ProsodyServer prosody, int hosts) {
        Await.require(Duration.ofSeconds(60), "Prosody to load the certificates of its " + hosts + " hosts",
            () -> Tools.lines(prosody.log, "tls\tinfo\tCertificates loaded").size() >= hosts);
    }

    /** Probes the partners through the page and checks every one got through TLS and its ping; prints the times. */
    private static void probeFifty(List<String> partners, String what) {
        Map<String, Long> times = new LinkedHashMap<>();
        long start = System.nanoTime();
        Map<String, String> all = ProbePage.probeTimed(westAdmin, String.join(" ", partners), times);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(what + " in " + millis + " ms; " + ProbePage.stepTimes(times));
        for (String p : partners) {
            assertTrue(all.get(p + " tls").startsWith("PASS TLSv1."), p + ": " + all.get(p + " tls"));
            assertTrue(all.get(p + " certificate").startsWith("PASS valid and trusted"), p + ": " + all.get(p + " certificate"));
            assertTrue(all.get(p + " certificate-name").startsWith("PASS"), p + ": " + all.get(p + " certificate-name"));
            assertTrue(all.get(p + " ping").startsWith("PASS answered in"), p + ": " + all.get(p + " ping"));
        }
    }

    @Test
    @Order(24)
    void theJsonDownloadIsTheSameReport() throws Exception {
        AdminConsole.Page json = westAdmin.get("plugins/federation/troubleshooter-report.jsp");
        assertEquals(200, json.status());
        Map<String, String> verdicts = new LinkedHashMap<>();
        String overall = null;
        try (JsonParser p = new JsonFactory().createParser(json.body())) {
            String id = null;
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.VALUE_STRING && depth == 1 && p.getCurrentName().equals("verdict")) {
                    overall = p.getText();
                } else if (t == JsonToken.VALUE_STRING && depth == 3 && p.getCurrentName().equals("id")) {
                    id = p.getText();
                } else if (t == JsonToken.VALUE_STRING && depth == 3 && p.getCurrentName().equals("verdict")) {
                    verdicts.put(id, p.getText());
                }
            }
        }
        assertEquals("FAIL", overall);
        assertEquals("FAIL", verdicts.get("dns.xmpp-server.mail-missing.lan"));
        assertEquals("PASS", verdicts.get("item.policy.exceptions"));
        assertEquals("PASS", verdicts.get("peer.link"));
        String text = westAdmin.get("plugins/federation/troubleshooter-report.jsp?format=text").body();
        assertTrue(text.contains("FAIL dns.xmpp-server.mail-missing.lan"), text);
    }

    @Test
    @Order(25)
    void theCommandLinePrintsTheReportAndExitsWithItsVerdict() throws Exception {
        // as an administrator runs it on the server: the plugin's own library jar, as Openfire extracted it
        Path lib = west.home.resolve("plugins/federation/lib/federation-lib.jar");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", lib.toString(),
            "org.xmppfed.openfire.cli.TroubleshootCommand", "--url", west.adminUrl(), "--user", "admin");
        pb.environment().put("FEDERATION_ADMIN_PASSWORD", OpenfireServer.ADMIN_PASSWORD);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("FAIL dns.xmpp-server.mail-missing.lan"), out);
        assertTrue(out.contains("PASS peer.link"), out);
        pb.environment().put("FEDERATION_ADMIN_PASSWORD", "wrong-password");
        Process wrong = pb.start();
        String refused = new String(wrong.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(wrong.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(3, wrong.exitValue(), refused);
        assertTrue(refused.contains("Login to " + west.adminUrl() + " as admin failed"), refused);
    }

    @Test
    @Order(30)
    void thePagesWorkInARealBrowser() throws Exception {
        Path shots = Path.of("target/e2e-screenshots");
        try (Browser browser = new Browser(work.resolve("chromium-profile-peers"))) {
            String base = west.adminUrl();
            browser.open(base + "/login.jsp");
            browser.navigateBy("document.querySelector('input[name=username]').value='admin';"
                + "document.querySelector('input[name=password]').value=" + Browser.quote(OpenfireServer.ADMIN_PASSWORD) + ";"
                + "document.querySelector('input[type=submit], button[type=submit]').click();");
            browser.open(base + "/plugins/federation/peers.jsp");
            assertEquals("Peer clusters", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertEquals("1", browser.eval("document.querySelectorAll('tr[data-peer=\"east\"]').length"));
            browser.navigateBy("document.querySelector('tr[data-peer=\"east\"] input[name=test]').click();");
            assertTrue(browser.eval("document.body.innerText").contains("Link to east works"));
            browser.screenshot(shots.resolve("peers.png"));
            browser.open(base + "/plugins/federation/troubleshooter.jsp");
            assertEquals("Troubleshooter", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            browser.navigateBy("document.getElementById('run-checks').click();");
            assertEquals("FAIL", browser.eval("document.getElementById('report-summary').dataset.verdict"));
            assertEquals("PASS", browser.eval("document.querySelector('tr[data-check=\"item.policy.default\"]').dataset.verdict"));
            browser.screenshot(shots.resolve("troubleshooter.png"));
            assertTrue(browser.pageErrors.isEmpty(), "no script errors: " + browser.pageErrors);
        }
    }
}
