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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Email address for federation inside a real Openfire with a real Prosody: Prosody's users reach
 * Openfire's users at their email addresses (mail.lan, which Openfire serves only because the
 * plugin makes it accept that domain), and never see the native addresses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailFederationIT {
    private static final Duration ARRIVES = Duration.ofSeconds(25);

    private static FederationEnvironment env;
    private static XmppClient alice;
    private static XmppClient frank;
    private static XmppClient carol;
    /** Everything Carol (on Prosody) received, to search for native addresses. */
    private static final List<String> carolSaw = new ArrayList<>();

    @BeforeAll
    static void startTheWorld() throws Exception {
        if (!FederationEnvironment.available()) {
            return;
        }
        env = FederationEnvironment.start();
        alice = new XmppClient("alice", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
        frank = new XmppClient("frank", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
        carol = new XmppClient("carol", FederationEnvironment.REMOTE_A, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
        env.policy(true, "ALLOW", "");
    }

    @AfterAll
    static void stopTheWorld() {
        for (XmppClient c : new XmppClient[] {alice, frank, carol}) {
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
        alice.clearReceived();
        frank.clearReceived();
        carol.clearReceived();
    }

    private static Jid jid(String s) throws Exception {
        return JidCreate.from(s);
    }

    private static String aliceEmail() {
        return FederationEnvironment.ALICE_EMAIL.toLowerCase(Locale.ROOT);
    }

    /** Carol receives a message with {@code body}; it is remembered for the leak check. */
    private static Message carolGets(String body) throws InterruptedException {
        Message m = carol.awaitMessage(body, ARRIVES);
        assertNotNull(m, "Carol receives '" + body + "'");
        carolSaw.add(m.toXML().toString());
        return m;
    }

    private static Stanza carolAwaits(java.util.function.Predicate<Stanza> match, String what) throws InterruptedException {
        Stanza s = carol.await(match, ARRIVES);
        assertNotNull(s, what);
        carolSaw.add(s.toXML().toString());
        return s;
    }

    private static void switchEmail(boolean on) {
        AdminConsole.Page r = env.admin.post("plugins/federation/email.jsp", Map.of("action", "switch", "enabled", Boolean.toString(on)));
        assertEquals(302, r.status(), "switching email addresses " + (on ? "on" : "off"));
    }

    /** Whether Server → System Properties shows the email domain in xmpp.gateway.domains. */
    private static boolean gatewayListsMailDomain() {
        String page = env.admin.get("server-properties.jsp?searchName=xmpp.gateway.domains").body();
        assertTrue(page.contains("xmpp.gateway.domains"), "the property is on the page");
        return page.contains(FederationEnvironment.MAIL_DOMAIN);
    }

    private static String body() {
        return "email-e2e-" + UUID.randomUUID();
    }

    @Test
    @Order(1)
    void theSwitchIsTurnedOnOnTheEmailPage() {
        String before = env.admin.get("plugins/federation/email.jsp").body();
        assertTrue(before.contains("data-domain=\"" + FederationEnvironment.MAIL_DOMAIN + "\""), "the users' email domain is listed");
        assertTrue(before.contains("frank"), "frank, who has no email address, is listed as federating with his XMPP address");
        switchEmail(true);
        String after = env.admin.get("plugins/federation/email.jsp?result=on").body();
        assertTrue(after.contains("Email addresses are now used for federation"), after);
        // the users' domain is proposed, not served, until the administrator approves it
        assertTrue(after.contains("data-domain=\"" + FederationEnvironment.MAIL_DOMAIN + "\" data-status=\"PROPOSED\""), after);
        assertFalse(after.contains("_xmpp-server._tcp." + FederationEnvironment.MAIL_DOMAIN + "."), "no DNS hint before approval");
        assertFalse(after.contains("data-claim="), "nothing keeps this server from serving mail.lan (its SRV record points here)");
        assertFalse(gatewayListsMailDomain(), "not accepted over S2S before approval");
        AdminConsole.Page approve = env.admin.post("plugins/federation/email.jsp",
            Map.of("action", "approve", "domain", FederationEnvironment.MAIL_DOMAIN));
        assertEquals(302, approve.status(), "approving the users' domain");
        String approved = env.admin.get("plugins/federation/email.jsp?result=approved&domain=" + FederationEnvironment.MAIL_DOMAIN).body();
        assertTrue(approved.contains("Email domain mail.lan approved"), approved);
        assertTrue(approved.contains("data-domain=\"" + FederationEnvironment.MAIL_DOMAIN + "\" data-status=\"SERVED\""));
        assertTrue(approved.contains("_xmpp-server._tcp." + FederationEnvironment.MAIL_DOMAIN + ". IN SRV 0 5 5269 "), "DNS records shown");
        Await.require(Duration.ofSeconds(15), "Openfire to accept streams for the email domain (xmpp.gateway.domains)",
            EmailFederationIT::gatewayListsMailDomain);
    }

    @Test
    @Order(2)
    void aProsodyUserReachesTheLocalUserAtTheEmailAddressBothWays() throws Exception {
        // in: Carol writes to the email address, Alice gets it
        String in = carol.send(jid(aliceEmail()), body());
        Message got = alice.awaitMessage(in, ARRIVES);
        assertNotNull(got, "a message to " + aliceEmail() + " reaches alice");
        // out: Alice answers; Carol sees the email address as sender
        String out = alice.send(carol.jid, body());
        Message m = carolGets(out);
        assertEquals(aliceEmail(), m.getFrom().asBareJid().toString());
        // IQ in and its answer out (Smack answers pings itself)
        IQ pong = carol.ping(jid(aliceEmail() + "/e2e"), ARRIVES);
        assertNotNull(pong, "ping answered");
        assertEquals(IQ.Type.result, pong.getType());
        assertEquals(aliceEmail() + "/e2e", pong.getFrom().toString());
        carolSaw.add(pong.toXML().toString());
    }

    @Test
    @Order(3)
    void presenceSubscriptionsWorkBothWaysWithTheEmailAddress() throws Exception {
        // Carol adds alice by email address; alice sees the request from Carol and approves
        carol.presence(jid(aliceEmail()), Presence.Type.subscribe);
        assertNotNull(alice.await(s -> s instanceof Presence p && p.getType() == Presence.Type.subscribe
            && p.getFrom().asBareJid().equals(carol.jid), ARRIVES), "alice receives Carol's subscription request");
        alice.presence(carol.jid, Presence.Type.subscribed);
        carolAwaits(s -> s instanceof Presence p && p.getType() == Presence.Type.subscribed
            && p.getFrom().asBareJid().toString().equals(aliceEmail()), "Carol's request is approved by " + aliceEmail());
        // Openfire then sends alice's presence itself (not through its routers): still the email address
        carolAwaits(s -> s instanceof Presence p && p.getType() == Presence.Type.available
            && p.getFrom().asBareJid().toString().equals(aliceEmail()), "Carol sees alice online as " + aliceEmail());
        // and alice subscribes to Carol
        alice.presence(carol.jid, Presence.Type.subscribe);
        carolAwaits(s -> s instanceof Presence p && p.getType() == Presence.Type.subscribe
            && p.getFrom().asBareJid().toString().equals(aliceEmail()), "Carol receives alice's request from " + aliceEmail());
        carol.presence(jid(aliceEmail()), Presence.Type.subscribed);
        assertNotNull(alice.await(s -> s instanceof Presence p && p.getType() == Presence.Type.subscribed
            && p.getFrom().asBareJid().equals(carol.jid), ARRIVES), "alice's request is approved");
    }

    @Test
    @Order(4)
    void messagesToTheNativeAddressAreDroppedAndLogged() throws Exception {
        String body = carol.send(alice.jid, body());
        assertTrue(alice.awaitMessage(body, ARRIVES) == null, "a message to alice@openfire.lan does not arrive (watched as long as a delivery may take)");
        Await.require(Duration.ofSeconds(10), "the drop to be logged", () -> Tools.logContains(env.openfire.home.resolve("logs/openfire.log"),
            "addressed to the XMPP address of a user who federates with an email address"));
    }

    @Test
    @Order(5)
    void anUnknownAddressOfTheEmailDomainIsAnsweredWithAnErrorAndNotRelayed() throws Exception {
        String id = carol.sendWithId(jid("nobody@" + FederationEnvironment.MAIL_DOMAIN), body());
        StanzaError error = carol.awaitMessageError(id, ARRIVES);
        assertNotNull(error, "Carol gets an error for nobody@mail.lan");
        assertEquals(StanzaError.Condition.service_unavailable, error.getCondition());
    }

    @Test
    @Order(6)
    void aUserWithoutEmailFederatesWithTheXmppAddress() throws Exception {
        String out = frank.send(carol.jid, body());
        Message m = carolGets(out);
        assertEquals("frank@" + OpenfireServer.DOMAIN, m.getFrom().asBareJid().toString());
        String in = carol.send(frank.jid, body());
        assertNotNull(frank.awaitMessage(in, ARRIVES), "a message to frank's XMPP address arrives");
    }

    @Test
    @Order(7)
    void anEmailChangeTakesEffectWithoutRestart() throws Exception {
        String changed = "a.smith@" + FederationEnvironment.MAIL_DOMAIN;
        AdminConsole.Page r = env.admin.post("user-edit-form.jsp?username=alice",
            Map.of("username", "alice", "name", "alice", "email", changed, "save", "true"));
        assertEquals(302, r.status(), "Openfire's user edit page saves the new address");
        String out = alice.send(carol.jid, body());
        assertEquals(changed, carolGets(out).getFrom().asBareJid().toString());
        String in = carol.send(jid(changed), body());
        assertNotNull(alice.awaitMessage(in, ARRIVES), "the new address reaches alice");
        String id = carol.sendWithId(jid(aliceEmail()), body());
        assertNotNull(carol.awaitMessageError(id, ARRIVES), "the old address is nobody's now");
        AdminConsole.Page back = env.admin.post("user-edit-form.jsp?username=alice",
            Map.of("username", "alice", "name", "alice", "email", FederationEnvironment.ALICE_EMAIL, "save", "true"));
        assertEquals(302, back.status());
    }

    /**
     * A local user whose email address is at the federated partner's domain (a contractor, a typo, an
     * address from the directory) must not take that domain away from everybody else.
     */
    @Test
    @Order(8)
    void aUserWithAnAddressAtThePartnersDomainDoesNotBreakFederationWithIt() throws Exception {
        String partner = FederationEnvironment.REMOTE_A;
        AdminConsole.Page created = env.admin.post("user-create.jsp", Map.of("username", "eve", "name", "Eve",
            "email", "eve@" + partner, "password", FederationEnvironment.PASSWORD, "passwordConfirm", FederationEnvironment.PASSWORD,
            "create", "true"));
        assertEquals(302, created.status(), "Openfire's user page creates eve");
        try {
            Await.require(Duration.ofSeconds(90), "the email page to list " + partner + " as refused",
                () -> env.admin.get("plugins/federation/email.jsp").body().contains(
                    "data-domain=\"" + partner + "\" data-status=\"PROPOSED\""));
            String page = env.admin.get("plugins/federation/email.jsp").body();
            assertTrue(page.contains("data-claim=\"conflict\""), page);
            assertTrue(page.contains("Cannot be served:"), "the reason is on the page");
            assertFalse(page.contains("_xmpp-server._tcp." + partner), "no DNS hint for the partner's domain");
            assertFalse(page.contains("DNS:" + partner), "no certificate name for the partner's domain");
            String trunking = env.admin.get("server-properties.jsp?searchName=xmpp.gateway.domains").body();
            assertFalse(trunking.contains(partner), "Openfire does not serve the partner's domain");
            // approving it anyway is refused with the reason, and changes nothing
            AdminConsole.Page refused = env.admin.post("plugins/federation/email.jsp", Map.of("action", "approve", "domain", partner));
            assertEquals(200, refused.status());
            assertTrue(refused.body().contains(partner + " cannot be an email domain of this server:"), refused.body());
            // federation with the partner keeps working both ways, for alice (by email) and frank (native)
            String out = alice.send(carol.jid, body());
            assertEquals(aliceEmail(), carolGets(out).getFrom().asBareJid().toString());
            String in = carol.send(jid(aliceEmail()), body());
            assertNotNull(alice.awaitMessage(in, ARRIVES), "carol still reaches alice");
            String toCarol = frank.send(carol.jid, body());
            assertNotNull(carolGets(toCarol), "frank still reaches carol");
            // DNS decides for a domain nothing else knows: b.remote.lan's SRV record points at Prosody, not here
            AdminConsole.Page dnsRefused = env.admin.post("plugins/federation/email.jsp", Map.of("action", "add", "domain", FederationEnvironment.REMOTE_B));
            assertTrue(dnsRefused.body().contains("its DNS SRV records (" + FederationEnvironment.REMOTE_B + ":5269) send federated servers to "
                + FederationEnvironment.PROSODY_IP + ", which is not this server."), dnsRefused.body());
            // a name without SRV records in the suite's DNS may be added
            AdminConsole.Page added = env.admin.post("plugins/federation/email.jsp", Map.of("action", "add", "domain", "nosrv.lan"));
            assertEquals(302, added.status(), "a domain DNS sends nowhere else is accepted");
            assertEquals(302, env.admin.post("plugins/federation/email.jsp", Map.of("action", "delete", "domain", "nosrv.lan")).status());
        } finally {
            env.admin.post("user-delete.jsp?username=eve", Map.of("username", "eve", "delete", "true"));
        }
    }

    @Test
    @Order(9)
    void nothingCarolReceivedContainsANativeAddress() throws Exception {
        // alice's native address also in a body, a MUC invitation and extended addressing (XEP-0033)
        String nativeJid = "alice@" + OpenfireServer.DOMAIN;
        String body = "payload-" + UUID.randomUUID() + " write to " + nativeJid + " or " + nativeJid.toUpperCase(Locale.ROOT) + "/e2e";
        org.jivesoftware.smack.packet.Message m = org.jivesoftware.smack.packet.MessageBuilder.buildMessage()
            .to(carol.jid).ofType(org.jivesoftware.smack.packet.Message.Type.chat).setBody(body)
            .addExtension(org.jivesoftware.smack.packet.StandardExtensionElement.builder("x", "http://jabber.org/protocol/muc#user")
                .addElement(org.jivesoftware.smack.packet.StandardExtensionElement.builder("invite", "http://jabber.org/protocol/muc#user")
                    .addAttribute("from", nativeJid + "/e2e").addElement("reason", "join " + nativeJid).build())
                .build())
            .addExtension(org.jivesoftware.smack.packet.StandardExtensionElement.builder("addresses", "http://jabber.org/protocol/address")
                .addElement(org.jivesoftware.smack.packet.StandardExtensionElement.builder("address", "http://jabber.org/protocol/address")
                    .addAttribute("type", "ofrom").addAttribute("jid", nativeJid + "/e2e").build())
                .build())
            .build();
        alice.send(m);
        org.jivesoftware.smack.packet.Stanza got = carol.await(s -> s instanceof org.jivesoftware.smack.packet.Message msg
            && msg.getBody() != null && msg.getBody().startsWith(body.substring(0, 44)), ARRIVES);
        assertNotNull(got, "carol gets the message with the payload");
        String xml = got.toXML().toString();
        assertTrue(xml.contains(aliceEmail()), "the payload carries the email address instead: " + xml);

        // every stanza carol's client ever received, not only the ones the scenarios matched
        List<String> everything = carol.everythingReceived();
        assertTrue(everything.size() >= carolSaw.size());
        for (String stanza : everything) {
            assertFalse(stanza.toLowerCase(Locale.ROOT).contains(nativeJid), stanza);
        }
    }

    @Test
    @Order(10)
    void switchingOffBringsBackNativeAddressesAndSwitchingOnAgainRestoresEmail() throws Exception {
        switchEmail(false);
        Await.require(Duration.ofSeconds(15), "Openfire's trunking settings to be back as they were",
            () -> !gatewayListsMailDomain());
        String out = alice.send(carol.jid, body());
        assertEquals(alice.jid.toString(), carolGets(out).getFrom().asBareJid().toString());
        String in = carol.send(alice.jid, body());
        assertNotNull(alice.awaitMessage(in, ARRIVES), "the XMPP address works again");
        switchEmail(true);
        String again = alice.send(carol.jid, body());
        assertEquals(aliceEmail(), carolGets(again).getFrom().asBareJid().toString());
    }

    @Test
    @Order(11)
    void theEmailPageWorksInARealBrowser() throws Exception {
        Path shots = Path.of("target/e2e-screenshots");
        try (Browser browser = new Browser(env.work.resolve("chromium-profile-email"))) {
            String base = env.openfire.adminUrl();
            browser.open(base + "/login.jsp");
            browser.navigateBy("document.querySelector('input[name=username]').value='admin';"
                + "document.querySelector('input[name=password]').value=" + Browser.quote(OpenfireServer.ADMIN_PASSWORD) + ";"
                + "document.querySelector('input[type=submit], button[type=submit]').click();");
            browser.open(base + "/plugins/federation/email.jsp");
            assertEquals("Openfire Admin Console: Email Address for Federation", browser.eval("document.title"));
            assertEquals("Email addresses", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            browser.screenshot(shots.resolve("email.png"));
            // a bad domain: refused next to the field, input kept
            browser.navigateBy("document.getElementById('new-domain').value='abc.1om';"
                + "document.querySelector('#new-domain').form.submit();");
            assertEquals("The last label '1om' of 'abc.1om' starts with a digit, which top-level domains never do (abc.1om is not valid). Check for a typing mistake.",
                browser.eval("document.querySelector('[data-field-error=domain]').textContent"));
            assertEquals("abc.1om", browser.eval("document.getElementById('new-domain').value"));
            browser.screenshot(shots.resolve("email-error.png"));
            // an administrator-managed domain: added, then deleted after confirmation
            browser.navigateBy("document.getElementById('new-domain').value='Partners.Example';"
                + "document.querySelector('#new-domain').form.submit();");
            assertTrue(browser.eval("document.body.innerText").contains("Email domain partners.example added."));
            assertEquals("1", browser.eval("document.querySelectorAll('tr[data-domain=\"partners.example\"]').length"));
            browser.open(base + "/plugins/federation/email.jsp?delete=partners.example");
            browser.screenshot(shots.resolve("email-delete-confirm.png"));
            browser.navigateBy("document.querySelector('input[name=confirm]').click();");
            assertTrue(browser.eval("document.body.innerText").contains("Email domain partners.example deleted."));
            assertTrue(browser.pageErrors.isEmpty(), "no script errors: " + browser.pageErrors);
        }
    }
}
