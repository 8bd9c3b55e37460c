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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The plugin inside a real Openfire, federating over dialback with a real Prosody serving two
 * domains, driven by real XMPP clients; every setting is changed through the plugin's admin pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {
    /** How long a stanza that should arrive may take (the first one sets up S2S and dialback). */
    private static final Duration ARRIVES = Duration.ofSeconds(20);
    /** After a denial has been logged, how long we still watch for the stanza (it was dropped before routing). */
    private static final Duration AFTER_DENIAL = Duration.ofMillis(500);

    private static FederationEnvironment env;
    private static XmppClient alice;
    private static XmppClient carolA;
    private static XmppClient daveB;
    private static XmppClient erin;

    @BeforeAll
    static void startTheWorld() throws Exception {
        if (!FederationEnvironment.available()) {
            return; // every scenario reports itself skipped
        }
        env = FederationEnvironment.start();
        alice = new XmppClient("alice", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
        carolA = new XmppClient("carol", FederationEnvironment.REMOTE_A, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
        daveB = new XmppClient("dave", FederationEnvironment.REMOTE_B, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
        erin = new XmppClient("erin", FederationEnvironment.EJABBERD_DOMAIN, FederationEnvironment.EJABBERD_IP, FederationEnvironment.PASSWORD);
    }

    @AfterAll
    static void stopTheWorld() {
        for (XmppClient c : new XmppClient[] {alice, carolA, daveB, erin}) {
            if (c != null) {
                c.close();
            }
        }
        if (env != null) {
            env.close();
        }
    }

    @BeforeEach
    void forgetEarlierStanzas() {
        Assumptions.assumeTrue(env != null, FederationEnvironment.SKIP_MESSAGE);
        for (XmppClient c : new XmppClient[] {alice, carolA, daveB, erin}) {
            if (c != null) {
                c.clearReceived();
            }
        }
    }

    private static String body() {
        return "e2e-" + UUID.randomUUID();
    }

    private static boolean arrives(XmppClient from, XmppClient to) throws Exception {
        String body = from.send(to.jid, body());
        return to.awaitMessage(body, ARRIVES) != null;
    }

    /**
     * A message that must not arrive: true once Openfire's log shows the plugin denying it (then the
     * message is watched for a little longer), or once a delivery has had all the time it may take
     * ({@link #ARRIVES}, a new S2S connection included) - never sooner.
     */
    private static boolean staysAway(XmppClient from, XmppClient to) throws Exception {
        String denial = "Denied incoming message from " + from.jid.getDomain();
        int deniedBefore = Tools.count(env.openfire.log(), denial);
        String body = from.send(to.jid, body());
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        while (System.nanoTime() < deadline) {
            if (to.awaitMessage(body, Duration.ofMillis(200)) != null) {
                return false;
            }
            if (Tools.count(env.openfire.log(), denial) > deniedBefore) {
                return to.awaitMessage(body, AFTER_DENIAL) == null;
            }
        }
        return true;
    }

    /** Alice's message to {@code to} is refused and Alice is told why. */
    private static StanzaError refusedOutgoing(XmppClient to) throws Exception {
        String id = alice.sendWithId(to.jid, body());
        StanzaError error = alice.awaitMessageError(id, ARRIVES);
        assertNotNull(error, "the local sender gets an error for a denied message");
        assertEquals(StanzaError.Condition.not_allowed, error.getCondition());
        assertTrue(error.getDescriptiveText("en").contains(to.jid.getDomain().toString()), error.getDescriptiveText("en"));
        return error;
    }

    private static void assertTesterShows(String domain, boolean incoming, boolean outgoing) {
        Map<String, Boolean> shown = env.tester(domain);
        assertEquals(incoming, shown.get("INCOMING"), "tester, incoming from " + domain);
        assertEquals(outgoing, shown.get("OUTGOING"), "tester, outgoing to " + domain);
    }

    @Test
    @Order(1)
    void aFreshInstallIsInLockdown() throws Exception {
        assertTesterShows(FederationEnvironment.REMOTE_A, false, false);
        StanzaError error = refusedOutgoing(carolA);
        assertEquals("Federation policy does not allow sending to a.remote.lan (default policy DENY).", error.getDescriptiveText("en"));
        assertTrue(staysAway(carolA, alice));
        assertFalse(env.hasServerSession(FederationEnvironment.REMOTE_A), "lockdown: no S2S session at all");
    }

    @Test
    @Order(2)
    void baselineWithDefaultAllowEverythingCrossesBothWays() throws Exception {
        env.policy(true, "ALLOW", "");
        assertTesterShows(FederationEnvironment.REMOTE_A, true, true);
        assertTrue(arrives(alice, carolA), "message out");
        assertTrue(arrives(carolA, alice), "message in");
        IQ pong = alice.ping(JidCreate.from(FederationEnvironment.REMOTE_A), ARRIVES);
        assertNotNull(pong);
        assertEquals(IQ.Type.result, pong.getType(), "IQ out and its answer in");
        IQ pongIn = carolA.ping(JidCreate.from(OpenfireServer.DOMAIN), ARRIVES);
        assertNotNull(pongIn);
        assertEquals(IQ.Type.result, pongIn.getType(), "IQ in and its answer out");
        alice.presence(carolA.jid, Presence.Type.subscribe);
        assertNotNull(carolA.await(s -> s instanceof Presence p && p.getType() == Presence.Type.subscribe
            && p.getFrom().asBareJid().equals(alice.jid), ARRIVES), "presence subscription request crosses");
        assertTrue(env.hasServerSession(FederationEnvironment.REMOTE_A));
    }

    @Test
    @Order(3)
    void directionRulesLetTrafficThroughOneWayOnly() throws Exception {
        env.policy(true, "DENY", "a.remote.lan,INCOMING");
        assertTesterShows(FederationEnvironment.REMOTE_A, true, false);
        assertTrue(arrives(carolA, alice), "incoming allowed");
        refusedOutgoing(carolA);

        env.exceptions("a.remote.lan,OUTGOING");
        assertTesterShows(FederationEnvironment.REMOTE_A, false, true);
        assertTrue(arrives(alice, carolA), "outgoing allowed");
        assertTrue(staysAway(carolA, alice), "incoming denied");
        IQ answer = carolA.ping(JidCreate.from(OpenfireServer.DOMAIN), ARRIVES);
        assertNotNull(answer, "a denied IQ request is answered when we may send to its domain");
        assertEquals(StanzaError.Condition.service_unavailable, answer.getError().getCondition());

        env.policy(true, "ALLOW", "a.remote.lan,BOTH");
        assertTesterShows(FederationEnvironment.REMOTE_A, false, false);
        refusedOutgoing(carolA);
        assertTrue(staysAway(carolA, alice));
        env.awaitNoServerSession(FederationEnvironment.REMOTE_A);
    }

    @Test
    @Order(4)
    void wildcardsAndExactPatternsCombineByPrecedence() throws Exception {
        env.policy(true, "DENY", "*.remote.lan,INCOMING\nb.remote.lan,OUTGOING");
        assertTesterShows(FederationEnvironment.REMOTE_A, true, false);
        assertTesterShows(FederationEnvironment.REMOTE_B, true, true);
        assertTrue(arrives(carolA, alice), "a: incoming by the wildcard");
        refusedOutgoing(carolA);
        assertTrue(arrives(alice, daveB), "b: outgoing by the exact exception");
        assertTrue(arrives(daveB, alice), "b: incoming by the wildcard, which the exact exception does not cover");
        assertTesterShows("other.lan", false, false);
    }

    @Test
    @Order(5)
    void aChangeTakesEffectOnTheNextStanzaAndClosesSessionsItDenies() throws Exception {
        env.policy(true, "ALLOW", "");
        assertTrue(arrives(alice, carolA));
        assertTrue(arrives(carolA, alice));
        assertTrue(arrives(alice, daveB));
        Await.require(Duration.ofSeconds(20), "an S2S session with a.remote.lan", () -> env.hasServerSession(FederationEnvironment.REMOTE_A));

        env.exceptions("a.remote.lan,BOTH");
        refusedOutgoing(carolA);
        env.awaitNoServerSession(FederationEnvironment.REMOTE_A);
        assertTrue(staysAway(carolA, alice));
        assertTrue(arrives(alice, daveB), "the other domain is not affected");
    }

    @Test
    @Order(6)
    void anEjabberdPeerIsGovernedTheSameWay() throws Exception {
        env.policy(true, "DENY", "ejabberd.lan,INCOMING");
        assertTesterShows(FederationEnvironment.EJABBERD_DOMAIN, true, false);
        assertTrue(arrives(erin, alice), "incoming from ejabberd allowed");
        refusedOutgoing(erin);

        env.exceptions("ejabberd.lan,BOTH");
        assertTrue(arrives(alice, erin), "outgoing to ejabberd allowed");
        assertTrue(arrives(erin, alice));
        IQ pong = alice.ping(JidCreate.from(FederationEnvironment.EJABBERD_DOMAIN), ARRIVES);
        assertNotNull(pong);
        assertEquals(IQ.Type.result, pong.getType());

        env.exceptions("");
        refusedOutgoing(erin);
        assertTrue(staysAway(erin, alice));
        env.awaitNoServerSession(FederationEnvironment.EJABBERD_DOMAIN);
    }

    @Test
    @Order(7)
    void theFederationSwitchStopsAndRestoresAllFederatedTraffic() throws Exception {
        env.policy(false, "ALLOW", "");
        assertTesterShows(FederationEnvironment.REMOTE_B, false, false);
        refusedOutgoing(daveB);
        assertTrue(staysAway(daveB, alice));
        env.awaitNoServerSession(FederationEnvironment.REMOTE_B);

        env.settings(true, "ALLOW");
        assertTrue(arrives(alice, daveB));
        assertTrue(arrives(daveB, alice));
    }

    @Test
    @Order(8)
    void reloadingTheTwentyTimesLeavesNothingBehind() throws Exception {
        env.policy(true, "ALLOW", "b.remote.lan,BOTH");
        for (int i = 0; i < 20; i++) {
            env.openfire.uninstallPlugin();
            assertEquals(0, env.openfire.threads("federation-"), "no plugin thread after unload " + (i + 1));
            env.openfire.installPlugin(env.pluginJar);
        }
        env.admin.login(OpenfireServer.ADMIN_PASSWORD);
        assertEquals(1, env.openfire.threads("federation-"), "one worker thread");
        int denialsBefore = Tools.count(env.openfire.log(), "Denied outgoing message to b.remote.lan");
        String id = alice.sendWithId(daveB.jid, body());
        assertNotNull(alice.awaitMessageError(id, ARRIVES));
        assertNull(alice.awaitMessageError(id, ARRIVES), "exactly one error: one interceptor");
        assertEquals(denialsBefore + 1, Tools.count(env.openfire.log(), "Denied outgoing message to b.remote.lan"), "judged once");
        assertTrue(arrives(alice, carolA), "other domains still flow");

        // one settings listener: a property changed outside the plugin's pages reloads the policy once
        int loadsBefore = Tools.count(env.openfire.log(), "Federation policy loaded");
        env.admin.setSystemProperty("plugin.federation.policy.default", "DENY");
        Await.require(Duration.ofSeconds(20), "the policy to reload",
            () -> Tools.count(env.openfire.log(), "Federation policy loaded") > loadsBefore);
        assertFalse(Await.until(Duration.ofSeconds(3), () -> Tools.count(env.openfire.log(), "Federation policy loaded") > loadsBefore + 1),
            "reloaded more than once: a settings listener was left behind");
        assertTesterShows(FederationEnvironment.REMOTE_A, false, false);
        assertEquals(List.of(), Tools.lines(env.openfire.log(), "ERROR.*(xmppfed|federation)|^\\s+at org\\.xmppfed\\."),
            "no errors from or through the plugin");
    }

    @Test
    @Order(9)
    void theAdminPagesWorkInARealBrowser() throws Exception {
        env.policy(true, "DENY", "");
        java.nio.file.Path shots = java.nio.file.Path.of("target/e2e-screenshots");
        try (Browser browser = new Browser(env.work.resolve("chromium-profile"))) {
            String base = env.openfire.adminUrl();
            browser.open(base + "/login.jsp");
            browser.navigateBy("document.querySelector('input[name=username]').value='admin';"
                + "document.querySelector('input[name=password]').value=" + Browser.quote(OpenfireServer.ADMIN_PASSWORD) + ";"
                + "document.querySelector('input[type=submit], button[type=submit]').click();");

            browser.open(base + "/plugins/federation/settings.jsp");
            assertEquals("Openfire Admin Console: Federation Settings", browser.eval("document.title"));
            assertEquals("Settings", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertTrue(browser.eval("document.body.innerText").contains("Lockdown"), "the lockdown explanation is shown");
            browser.screenshot(shots.resolve("settings.png"));

            browser.open(base + "/plugins/federation/policy.jsp");
            assertEquals("Policy", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            // a bad entry: refused next to the field, input kept
            browser.navigateBy("document.getElementById('pattern').value='carol@a.remote.lan';"
                + "document.querySelector('input[name=save]').click();");
            assertEquals("'carol@a.remote.lan' is an address, not a domain. Enter only the domain part, for example a.remote.lan.",
                browser.eval("document.querySelector('[data-field-error=pattern]').textContent"));
            assertEquals("carol@a.remote.lan", browser.eval("document.getElementById('pattern').value"));
            browser.screenshot(shots.resolve("policy-error.png"));
            // a good one: saved through the CSRF-protected form
            browser.navigateBy("document.getElementById('pattern').value='*.remote.lan';"
                + "document.getElementById('direction').value='INCOMING';"
                + "document.querySelector('input[name=save]').click();");
            assertTrue(browser.eval("document.body.innerText").contains("Exception *.remote.lan added."));
            assertEquals("1", browser.eval("document.querySelectorAll('tr[data-pattern=\"*.remote.lan\"]').length"));
            // the tester shows what the wire does
            browser.open(base + "/plugins/federation/policy.jsp?test=" + FederationEnvironment.REMOTE_A);
            assertEquals("true", browser.eval("document.querySelector('#tester-result tr[data-direction=INCOMING]').dataset.allowed"));
            assertEquals("false", browser.eval("document.querySelector('#tester-result tr[data-direction=OUTGOING]').dataset.allowed"));
            browser.screenshot(shots.resolve("policy-tester.png"));
            assertTrue(arrives(carolA, alice));
            refusedOutgoing(carolA);
            // delete, confirmed on its own page
            browser.open(base + "/plugins/federation/policy.jsp?delete=*.remote.lan");
            browser.screenshot(shots.resolve("policy-delete-confirm.png"));
            browser.navigateBy("document.querySelector('input[name=confirm]').click();");
            assertTrue(browser.eval("document.body.innerText").contains("Exception *.remote.lan deleted."));

            // the event log: the denials and settings changes of the scenarios so far, newest first
            browser.open(base + "/plugins/federation/events.jsp?domain=" + FederationEnvironment.REMOTE_B);
            assertEquals("Openfire Admin Console: Federation Event Log", browser.eval("document.title"));
            assertEquals("Event log", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertTrue(browser.eval("document.body.innerText").contains("Denied outgoing message to " + FederationEnvironment.REMOTE_B),
                "the reload scenario's denial is in the event log");
            browser.screenshot(shots.resolve("events.png"));
            // events are written every two seconds
            Await.require(Duration.ofSeconds(15), "the deletion to appear in the event log",
                () -> env.admin.get("plugins/federation/events.jsp").body().contains("Federation policy exception deleted"));
            browser.open(base + "/plugins/federation/events.jsp");
            assertTrue(browser.eval("document.body.innerText").contains("Federation policy exception deleted"),
                "the settings change just made is logged");
            assertTrue(browser.pageErrors.isEmpty(), "no script errors: " + browser.pageErrors);
        }
    }

    @Test
    @Order(10)
    void settingsSurviveARestartUnloadingRemovesEnforcementReinstallingRestoresIt() throws Exception {
        env.policy(true, "DENY", "a.remote.lan,BOTH");
        env.openfire.restart();
        env.admin.login(OpenfireServer.ADMIN_PASSWORD);
        alice.close();
        alice = new XmppClient("alice", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
        assertTesterShows(FederationEnvironment.REMOTE_A, true, true);
        assertTesterShows(FederationEnvironment.REMOTE_B, false, false);
        assertTrue(arrives(alice, carolA), "allowed after restart");
        refusedOutgoing(daveB);

        env.openfire.uninstallPlugin();
        assertTrue(arrives(alice, daveB), "no enforcement once the plugin is unloaded");
        assertTrue(arrives(daveB, alice));

        env.openfire.installPlugin(env.pluginJar);
        env.admin.login(OpenfireServer.ADMIN_PASSWORD);
        assertTesterShows(FederationEnvironment.REMOTE_B, false, false);
        refusedOutgoing(daveB);
        env.awaitNoServerSession(FederationEnvironment.REMOTE_B);
    }

    /**
     * The way in carries what the engine holds: 100 000 exceptions exported and imported back
     * through the page (CSV and JSON) leave the policy identical; the preview and the apply are
     * timed; federated traffic keeps flowing during the apply; a file above the limit is refused
     * with its size, and nothing changes.
     */
    @Test
    @Order(11)
    void aHundredThousandExceptionsGoOutAndComeBackInThroughThePage() throws Exception {
        env.policy(true, "ALLOW", "");
        String[] directions = {"BOTH", "INCOMING", "OUTGOING"};
        StringBuilder csv = new StringBuilder("pattern,direction\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(i % 10 == 0 ? "*." : "").append("d").append(i).append(".bulk.lan,").append(directions[i % 3]).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        // the first preview after start runs cold code; the second is what an administrator usually waits for
        long t0 = System.nanoTime();
        AdminConsole.Page first = env.admin.postFile("plugins/federation/policy.jsp", "action=import-preview",
            Map.of("format", "CSV", "mode", "REPLACE"), "file", "bulk.csv", file);
        long firstPreviewMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, first.status());
        t0 = System.nanoTime();
        AdminConsole.Page preview = env.admin.postFile("plugins/federation/policy.jsp", "action=import-preview",
            Map.of("format", "CSV", "mode", "REPLACE"), "file", "bulk.csv", file);
        long previewMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, preview.status());
        assertTrue(preview.body().contains("The file has 100,000 valid entries: 100,000 to add, 0 to change, 0 to delete, 0 unchanged."),
            preview.body().substring(0, Math.min(3000, preview.body().length())));
        assertTrue(preview.body().contains("... and 99,800 more"), "the preview shows the first lines and says how many more");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("name=\"importId\" value=\"([0-9a-f]+)\"").matcher(preview.body());
        assertTrue(id.find(), "the preview carries the import's id, not the file");

        // federated traffic while the apply runs: Carol writes to Alice every 20 ms
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean applying = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread traffic = new Thread(() -> {
            for (int n = 0; applying.get() && n < 5_000; n++) {
                try {
                    sent.add(carolA.send(alice.jid, "during-apply-" + n));
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
        traffic.start();
        long t1 = System.nanoTime();
        AdminConsole.Page apply = env.admin.post("plugins/federation/policy.jsp", Map.of("action", "import-apply", "importId", id.group(1)));
        long applyMillis = (System.nanoTime() - t1) / 1_000_000;
        applying.set(false);
        traffic.join(10_000);
        assertEquals(302, apply.status(), apply.body());
        int delivered = 0;
        for (String body : sent) {
            if (alice.awaitMessage(body, Duration.ofSeconds(delivered == 0 ? 20 : 2)) != null) {
                delivered++;
            }
        }
        System.out.printf("Import of 100 000 exceptions: first preview %d ms, preview %d ms, apply %d ms; "
            + "%d of %d messages sent during the apply delivered%n", firstPreviewMillis, previewMillis, applyMillis, delivered, sent.size());
        assertTrue(firstPreviewMillis < 5_000, "first preview in " + firstPreviewMillis + " ms");
        assertTrue(previewMillis < 2_000, "preview in " + previewMillis + " ms");
        assertTrue(applyMillis < 30_000, "apply in " + applyMillis + " ms");
        assertEquals(sent.size(), delivered, "federated traffic kept flowing during the apply");

        String exportedCsv = env.admin.get("plugins/federation/policy-export.jsp?format=csv").body();
        assertEquals(sortedLines(csv.toString()), sortedLines(exportedCsv), "the export is what was imported");
        String exportedJson = env.admin.get("plugins/federation/policy-export.jsp?format=json").body();

        // JSON back in after the list was emptied: the same 100 000 again
        env.exceptions("");
        AdminConsole.Page jsonPreview = env.admin.postFile("plugins/federation/policy.jsp", "action=import-preview",
            Map.of("format", "JSON", "mode", "REPLACE"), "file", "policy.json", exportedJson.getBytes(StandardCharsets.UTF_8));
        java.util.regex.Matcher jsonId = java.util.regex.Pattern.compile("name=\"importId\" value=\"([0-9a-f]+)\"").matcher(jsonPreview.body());
        assertTrue(jsonId.find(), "the JSON export previews as an import");
        assertEquals(302, env.admin.post("plugins/federation/policy.jsp", Map.of("action", "import-apply", "importId", jsonId.group(1))).status());
        assertEquals(sortedLines(exportedCsv), sortedLines(env.admin.get("plugins/federation/policy-export.jsp?format=csv").body()),
            "CSV → JSON → import leaves the policy identical");

        // above the limit: the size and the limit on the page, nothing changed
        byte[] tooLarge = new byte[30 * 1024 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        AdminConsole.Page refused = env.admin.postFile("plugins/federation/policy.jsp", "action=import-preview",
            Map.of("format", "CSV", "mode", "REPLACE"), "file", "huge.csv", tooLarge);
        assertEquals(200, refused.status(), "never an error page");
        assertTrue(refused.body().contains("The file is 30.0 MB; the limit is 25.0 MB. Nothing was imported."), "the size is explained");
        assertEquals(sortedLines(exportedCsv), sortedLines(env.admin.get("plugins/federation/policy-export.jsp?format=csv").body()),
            "nothing changed");
        env.policy(true, "ALLOW", "");
    }

    @Test
    @Order(12)
    void theProbeFindsProsodyAndEjabberdWithoutTlsOfferingDialback() {
        env.policy(true, "ALLOW", "");
        java.util.Map<String, String> s = ProbePage.probe(env.admin, FederationEnvironment.REMOTE_A + " " + FederationEnvironment.EJABBERD_DOMAIN);
        // Prosody advertises dialback (XEP-0220 stream feature)
        assertEquals("PASS dialback offered without TLS", s.get(FederationEnvironment.REMOTE_A + " authentication").strip(), s.toString());
        for (String d : List.of(FederationEnvironment.REMOTE_A, FederationEnvironment.EJABBERD_DOMAIN)) {
            assertTrue(s.get(d + " resolve").startsWith("PASS"), s.toString());
            assertTrue(s.get(d + " connect").startsWith("PASS"), s.toString());
            assertTrue(s.get(d + " stream").startsWith("PASS"), s.toString());
            assertTrue(s.get(d + " starttls").startsWith("WARN not offered"), s.toString());
            assertFalse(s.get(d + " authentication").startsWith("FAIL"), s.toString());
            assertFalse(s.containsKey(d + " tls"), s.toString());
            // the ping through Openfire over its real (dialback) session: Prosody and ejabberd answer it
            assertTrue(s.get(d + " ping").startsWith("PASS answered in"), s.toString());
        }
    }

    @Test
    @Order(13)
    void theProbesPingSaysWhatAnErrorAnswerMeansAndIsNotSentWhereThePolicyRulesItOut() {
        // b.remote.lan (Prosody without mod_ping) answers service-unavailable: the answer came back, so the stream works
        String b = FederationEnvironment.REMOTE_B;
        Map<String, String> s = ProbePage.probe(env.admin, b);
        assertTrue(s.get(b + " ping").startsWith("PASS answered with the error service-unavailable after")
            && s.get(b + " ping").contains("does not support XMPP ping (XEP-0199)"), s.toString());
        String a = FederationEnvironment.REMOTE_A;
        try {
            env.policy(true, "DENY", a + ",INCOMING");
            assertEquals("SKIPPED not run: the default policy (DENY) denies traffic to " + a + ", so this server sends it nothing",
                ProbePage.probe(env.admin, a).get(a + " ping"));
            env.policy(true, "ALLOW", a + ",INCOMING");
            assertEquals("SKIPPED not run: the policy exception " + a + " (INCOMING) denies traffic from " + a + ", so its answer would be dropped",
                ProbePage.probe(env.admin, a).get(a + " ping"));
        } finally {
            env.policy(true, "ALLOW", "");
        }
        assertTrue(ProbePage.probe(env.admin, a).get(a + " ping").startsWith("PASS answered in"), "allowed again: pinged");
    }

    private static List<String> sortedLines(String text) {
        return text.lines().filter(l -> !l.isBlank()).sorted().toList();
    }
}
