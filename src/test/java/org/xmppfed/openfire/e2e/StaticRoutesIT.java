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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Static routes on the wire. Openfire resolves the remote domains through the suite's DNS server
 * (no DNS override), where {@code a.remote.lan} has an SRV record pointing at the first Prosody
 * (127.0.0.6). A second Prosody serves the same domain on 127.0.0.8 with a user, grace, whom only
 * it knows: a message that reaches grace went through the route to 127.0.0.8. Nothing listens on
 * 127.0.0.9, the route that is down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaticRoutesIT {
    private static final Duration ARRIVES = Duration.ofSeconds(20);
    private static final String DOMAIN = FederationEnvironment.REMOTE_A;
    private static final String SECOND_PROSODY_IP = "127.0.0.8";
    private static final String DOWN = "127.0.0.9:5269";
    private static final String UP = SECOND_PROSODY_IP + ":5269";
    private static final String VIA_UP = "Connecting to " + DOMAIN + " by static route " + UP;

    private static FederationEnvironment env;
    private static ProsodyServer second;
    private static XmppClient alice;
    private static XmppClient carol;
    private static XmppClient grace;

    @BeforeAll
    static void startTheWorld() throws Exception {
        if (!FederationEnvironment.available()) {
            return;
        }
        env = FederationEnvironment.start(false, true);
        second = ProsodyServer.start(env.work.resolve("prosody-second"), SECOND_PROSODY_IP, List.of(DOMAIN),
            Map.of("grace", FederationEnvironment.PASSWORD), env.dns.resolvConf());
        alice = new XmppClient("alice", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
        carol = new XmppClient("carol", DOMAIN, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
        grace = new XmppClient("grace", DOMAIN, SECOND_PROSODY_IP, FederationEnvironment.PASSWORD);
    }

    @AfterAll
    static void stopTheWorld() {
        for (AutoCloseable c : new AutoCloseable[] {alice, carol, grace, second}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing the others matters more
                }
            }
        }
        if (env != null) {
            env.close();
        }
    }

    @BeforeEach
    void forgetEarlierStanzas() {
        Assumptions.assumeTrue(env != null, FederationEnvironment.SKIP_MESSAGE);
        alice.clearReceived();
        carol.clearReceived();
        grace.clearReceived();
    }

    private static String body() {
        return "e2e-" + UUID.randomUUID();
    }

    private static boolean arrives(XmppClient from, XmppClient to) throws Exception {
        String body = from.send(to.jid, body());
        return to.awaitMessage(body, ARRIVES) != null;
    }

    /** Makes the routes exactly {@code csv} (domain,address lines) through the page's import. */
    private static void routes(String csv) {
        AdminConsole.Page r = env.admin.post("plugins/federation/routes.jsp",
            Map.of("action", "import-apply", "format", "CSV", "mode", "REPLACE", "content", "domain,address\n" + csv));
        assertEquals(302, r.status(), "importing the routes: " + r.body());
    }

    private static void routeSettings(boolean enabled, boolean autoAllow) {
        AdminConsole.Page r = env.admin.post("plugins/federation/routes.jsp",
            Map.of("action", "settings", "enabled", Boolean.toString(enabled), "autoAllow", Boolean.toString(autoAllow)));
        assertEquals(302, r.status(), "saving the route settings: " + r.body());
    }

    private static final Pattern SESSION_CSRF = Pattern.compile("csrf=([A-Za-z0-9]+)");

    /** Closes every S2S session with {@code domain} through Openfire's own Server Sessions page. */
    private static void closeSessions(String domain) {
        String page = env.admin.get("server-session-summary.jsp").body();
        Matcher m = SESSION_CSRF.matcher(page);
        if (!m.find()) {
            return; // no session listed, nothing to close
        }
        env.admin.get("server-session-summary.jsp?hostname=" + domain + "&close=true&csrf=" + m.group(1));
        env.awaitNoServerSession(domain);
    }

    @Test
    @Order(1)
    void aRouteThatIsDownIsPassedOverOnEveryReconnect() throws Exception {
        env.policy(true, "DENY", ""); // lockdown: the routed domain is allowed by its route alone
        routes(DOMAIN + "," + DOWN + "\n" + DOMAIN + "," + UP + "\n");
        int reconnects = 12;
        for (int i = 1; i <= reconnects; i++) {
            int viaUpBefore = Tools.count(env.openfire.log(), VIA_UP);
            assertTrue(arrives(alice, grace), "attempt " + i + ": the message reaches grace, whom only the second Prosody (the live route) knows");
            assertTrue(Tools.count(env.openfire.log(), VIA_UP) > viaUpBefore, "attempt " + i + " opened a new connection by the live route");
            closeSessions(DOMAIN);
        }
        assertEquals(0, Tools.count(env.openfire.log(), "by static route " + DOWN), "never connected by the route that is down");
        int connections = Tools.count(env.openfire.log(), VIA_UP);
        int triedDownFirst = Tools.lines(env.openfire.log(), Pattern.quote(VIA_UP) + " \\(tried \\[" + Pattern.quote(DOWN)).size();
        System.err.println("Static routes: " + reconnects + " reconnects, " + connections + " connections by the live route "
            + "(sessions and dialback verifications), the route that is down tried first " + triedDownFirst + " times");
        // and the other way: grace answers, and Openfire verifies her server's dialback key through the route as well
        assertTrue(arrives(grace, alice), "grace's reply reaches alice");
        assertNull(carol.awaitMessage("never", Duration.ofMillis(1)));
        assertEquals(List.of(), Tools.lines(env.openfire.log(), "ERROR.*(xmppfed|federation)|^\\s+at org\\.xmppfed\\."), "no errors from the plugin");
    }

    @Test
    @Order(2)
    void routedDomainsAreAllowedAutomaticallyUnlessThatIsSwitchedOff() throws Exception {
        env.policy(true, "DENY", "");
        routes(DOMAIN + "," + UP + "\n");
        String tester = env.admin.get("plugins/federation/policy.jsp?test=" + DOMAIN).body();
        assertTrue(tester.contains("Static route (domains with static routes are allowed automatically)"), "the tester names the route as the rule");
        assertEquals(Map.of("INCOMING", true, "OUTGOING", true), env.tester(DOMAIN));
        assertTrue(arrives(alice, grace));

        routeSettings(true, false);
        assertEquals(Map.of("INCOMING", false, "OUTGOING", false), env.tester(DOMAIN), "the policy decides again");
        String id = alice.sendWithId(grace.jid, body());
        StanzaError error = alice.awaitMessageError(id, ARRIVES);
        assertNotNull(error, "denied by the policy: the sender is told");
        assertEquals(StanzaError.Condition.not_allowed, error.getCondition());

        env.exceptions(DOMAIN + ",BOTH\n");
        assertTrue(arrives(alice, grace), "allowed by its exception, still connected by its route");
        routeSettings(true, true);
    }

    @Test
    @Order(3)
    void withRoutesThatDoNotAnswerTheConnectionFailsAndDnsIsNotAsked() throws Exception {
        env.policy(true, "DENY", DOMAIN + ",BOTH\n");
        // carol's server is what DNS names for the domain, and it is up; the only route is down
        int closedBefore = Tools.count(env.openfire.log(), "-> " + DOMAIN + ": its static routes changed");
        routes(DOMAIN + "," + DOWN + "\n");
        Await.require(Duration.ofSeconds(10), "the changed routes to close the outgoing session by the old route",
            () -> Tools.count(env.openfire.log(), "-> " + DOMAIN + ": its static routes changed") > closedBefore);
        int failuresBefore = Tools.count(env.openfire.log(), "No static route of " + DOMAIN + " answered");
        String body = body();
        String id = alice.sendWithId(carol.jid, body);
        StanzaError error = alice.awaitMessageError(id, Duration.ofSeconds(60));
        assertNotNull(error, "the local sender gets an error stanza");
        System.err.println("Static routes: error when no route answers: " + error.getCondition());
        assertNull(carol.awaitMessage(body, Duration.ofSeconds(3)), "nothing went to the server DNS names");
        assertTrue(Tools.count(env.openfire.log(), "No static route of " + DOMAIN + " answered") > failuresBefore);
        List<String> lines = Tools.lines(env.openfire.log(), "No static route of " + Pattern.quote(DOMAIN) + " answered.*" + Pattern.quote(DOWN));
        assertFalse(lines.isEmpty(), "the log line names the routes tried");
        Await.require(Duration.ofSeconds(15), "the route failure in the event log",
            () -> env.admin.get("plugins/federation/events.jsp?domain=" + DOMAIN).body().contains("No static route of " + DOMAIN + " answered"));
    }

    @Test
    @Order(4)
    void withoutRoutesOrWithRoutesSwitchedOffDnsIsUsedAgain() throws Exception {
        env.policy(true, "DENY", DOMAIN + ",BOTH\n");
        routes(DOMAIN + "," + DOWN + "\n");
        routeSettings(false, true);
        assertTrue(arrives(alice, carol), "routes switched off: DNS finds carol's server");
        assertTrue(env.admin.get("plugins/federation/routes.jsp").body().contains("data-address=\"" + DOWN + "\""), "the route is kept");
        routeSettings(true, true);
        routes("");
        assertTrue(arrives(alice, carol), "routes removed: DNS finds carol's server");
        assertTrue(arrives(carol, alice));
    }

    @Test
    @Order(5)
    void badRoutesOnThePageAreRefusedWithTheirMessageAndNothingIsSaved() {
        routes(DOMAIN + "," + UP + "\n");
        Map<String, String> bad = Map.of(
            "xmpp://" + DOMAIN, "is a URL",
            DOMAIN + ":0", "does not exist",
            DOMAIN + ":65536", "does not exist",
            DOMAIN + ":abc", "is not a port number",
            "carol@" + DOMAIN, "is an XMPP address",
            "xmpp ." + DOMAIN, "contains blanks",
            DOMAIN + "/path", "contains a /",
            "", "Enter an address",
            UP, "already has the route");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            AdminConsole.Page r = env.admin.post("plugins/federation/routes.jsp", Map.of("action", "add", "domain", DOMAIN, "address", b.getKey()));
            assertEquals(200, r.status(), b.getKey());
            assertTrue(r.body().contains(b.getValue()), b.getKey() + ": " + b.getValue());
            assertTrue(r.body().contains("Nothing was saved"), b.getKey());
        }
        AdminConsole.Page own = env.admin.post("plugins/federation/routes.jsp", Map.of("action", "add", "domain", OpenfireServer.DOMAIN, "address", UP));
        assertTrue(own.body().contains(OpenfireServer.DOMAIN + " is a domain of this server"), own.body());
        String csv = env.admin.get("plugins/federation/routes-export.jsp?format=csv").body();
        assertEquals("domain,address\n" + DOMAIN + "," + UP + "\n", csv, "only the one good route is stored");
    }

    @Test
    @Order(6)
    void theRoutesPageAndTheListViewsInARealBrowser() throws Exception {
        env.policy(true, "DENY", "*.remote.lan,INCOMING\n" + FederationEnvironment.REMOTE_B + ",BOTH\n");
        routes(DOMAIN + "," + DOWN + "\n" + DOMAIN + "," + UP + "\n");
        Path shots = Path.of("target/e2e-screenshots");
        try (Browser browser = new Browser(env.work.resolve("chromium-profile"))) {
            String base = env.openfire.adminUrl();
            browser.open(base + "/login.jsp");
            browser.navigateBy("document.querySelector('input[name=username]').value='admin';"
                + "document.querySelector('input[name=password]').value=" + Browser.quote(OpenfireServer.ADMIN_PASSWORD) + ";"
                + "document.querySelector('input[type=submit], button[type=submit]').click();");

            browser.open(base + "/plugins/federation/routes.jsp");
            assertEquals("Openfire Admin Console: Federation Static Routes", browser.eval("document.title"));
            assertEquals("Static routes", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertEquals("2", browser.eval("document.querySelectorAll('#routes tr[data-domain=\"" + DOMAIN + "\"]').length"));
            browser.screenshot(shots.resolve("routes.png"));
            browser.navigateBy("document.getElementById('domain').value='partner.lan';"
                + "document.getElementById('address').value='xmpp://partner.lan:5269';"
                + "document.querySelector('input[name=save][value=\"Add route\"]').click();");
            assertTrue(browser.eval("document.querySelector('[data-field-error=address]').textContent").contains("is a URL"));
            assertEquals("xmpp://partner.lan:5269", browser.eval("document.getElementById('address').value"), "the input is kept");
            browser.screenshot(shots.resolve("routes-error.png"));
            browser.navigateBy("document.getElementById('address').value='[::1]:5270';"
                + "document.querySelector('input[name=save][value=\"Add route\"]').click();");
            assertTrue(browser.eval("document.body.innerText").contains("Route partner.lan \u2192 [::1]:5270 added."));
            browser.open(base + "/plugins/federation/routes.jsp?delete=" + java.net.URLEncoder.encode("partner.lan [::1]:5270", "UTF-8"));
            browser.screenshot(shots.resolve("routes-delete-confirm.png"));
            browser.navigateBy("document.querySelector('input[name=confirm]').click();");
            assertTrue(browser.eval("document.body.innerText").contains("Route partner.lan \u2192 [::1]:5270 deleted."));

            browser.open(base + "/plugins/federation/policy.jsp?view=allow");
            assertEquals("Policy", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertEquals("1", browser.eval("document.querySelectorAll('#list-domains tr[data-domain=\"" + FederationEnvironment.REMOTE_B + "\"]').length"));
            assertEquals("1", browser.eval("document.querySelectorAll('[data-misfit=\"*.remote.lan\"]').length"),
                "the wildcard one-direction exception is named, not dropped");
            browser.screenshot(shots.resolve("policy-allow-list.png"));
            browser.open(base + "/plugins/federation/policy.jsp?view=deny");
            assertEquals("1", browser.eval("document.querySelectorAll('#view-default-mismatch').length"), "a Deny default is not a deny list");
            browser.screenshot(shots.resolve("policy-deny-list-mismatch.png"));
            assertTrue(browser.pageErrors.isEmpty(), "no script errors: " + browser.pageErrors);
        }
        assertTrue(env.admin.get("plugins/federation/policy-export.jsp?format=csv").body().contains("*.remote.lan,INCOMING"),
            "viewing the lists changed nothing");
    }
}
