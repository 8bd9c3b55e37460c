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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.Occupant;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Chat node aliases inside a real Openfire with a real Prosody: Openfire's group chat service
 * (conference.openfire.lan) gets the alias chat.partners.lan on the plugin's page; Carol and Dave
 * (Prosody) use the room lobby@chat.partners.lan with Smack, Alice (Openfire) uses
 * lobby@conference.openfire.lan. Everything the Prosody side receives carries the alias, never the
 * service's own domain; with email addresses on, never a native JID either.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatAliasIT {
    private static final Duration ARRIVES = Duration.ofSeconds(25);
    private static final String SERVICE = "conference." + OpenfireServer.DOMAIN;
    private static final String ALIAS = FederationEnvironment.CHAT_ALIAS;
    private static final String SUBJECT = "Partners welcome";

    private static FederationEnvironment env;
    private static XmppClient alice;
    private static XmppClient carol;
    private static XmppClient dave;
    private static MultiUserChat aliceRoom;
    private static MultiUserChat carolRoom;

    @BeforeAll
    static void startTheWorld() throws Exception {
        if (!FederationEnvironment.available()) {
            return;
        }
        env = FederationEnvironment.start();
        alice = new XmppClient("alice", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
        carol = new XmppClient("carol", FederationEnvironment.REMOTE_A, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
        dave = new XmppClient("dave", FederationEnvironment.REMOTE_A, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
        env.policy(true, "ALLOW", "");
    }

    @AfterAll
    static void stopTheWorld() throws Exception {
        if (carol != null && dave != null) {
            // What Openfire's MUC really sent the federated side, kept for the leak corpus (MucAliasLeakTest).
            java.nio.file.Files.createDirectories(Path.of("target"));
            java.nio.file.Files.write(Path.of("target/e2e-muc-received-carol.xml"), carol.everythingReceived());
            java.nio.file.Files.write(Path.of("target/e2e-muc-received-dave.xml"), dave.everythingReceived());
        }
        for (XmppClient c : new XmppClient[] {alice, carol, dave}) {
            if (c != null) {
                c.close();
            }
        }
        if (env != null) {
            env.close();
        }
    }

    @BeforeEach
    void needsTheWorld() {
        Assumptions.assumeTrue(env != null, FederationEnvironment.SKIP_MESSAGE);
    }

    private static EntityBareJid room(String domain) {
        try {
            return JidCreate.entityBareFrom("lobby@" + domain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntityFullJid occupant(String domain, String nick) throws Exception {
        return JidCreate.entityFullFrom("lobby@" + domain + "/" + nick);
    }

    private static String body() {
        return "alias-e2e-" + UUID.randomUUID();
    }

    private static AdminConsole.Page addAlias(String alias, String service) {
        return env.admin.post("plugins/federation/aliases.jsp", Map.of("action", "add", "alias", alias, "service", service));
    }

    private static void refused(String alias, String service, String message) {
        String before = aliasesPage().replaceAll("name=\"csrf\" value=\"[^\"]*\"", "");
        AdminConsole.Page r = addAlias(alias, service);
        assertEquals(200, r.status(), "'" + alias + "' is refused, the form shown again");
        assertTrue(r.body().contains(message), "'" + alias + "' is refused with: " + message + "\n" + r.body());
        assertEquals(before, aliasesPage().replaceAll("name=\"csrf\" value=\"[^\"]*\"", ""), "nothing saved for " + alias);
    }

    private static String aliasesPage() {
        return env.admin.get("plugins/federation/aliases.jsp").body();
    }

    private static boolean gatewayLists(String name) {
        return env.admin.get("server-properties.jsp?searchName=xmpp.gateway.domains").body().contains(name);
    }

    private static Message awaitRoomMessage(MultiUserChat room, String body) throws Exception {
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        while (System.nanoTime() < deadline) {
            Message m = room.nextMessage(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (m != null && body.equals(m.getBody())) {
                return m;
            }
        }
        throw new AssertionError("the room message '" + body + "' did not arrive within " + ARRIVES);
    }

    @Test
    @Order(1)
    void thePageRefusesWhatCannotBeAnAliasAndAddsTheAlias() {
        assertTrue(aliasesPage().contains("<option value=\"" + SERVICE + "\""), "Openfire's group chat service is offered");
        refused("10.1.2.3", SERVICE, "is an IP address");
        refused(SERVICE, SERVICE, "is the group chat service's own domain");
        refused(OpenfireServer.DOMAIN, SERVICE, "is a domain of this server");
        refused("xmpp://chat.partners.lan", SERVICE, "is a URL, not a domain");
        refused("lobby@" + ALIAS, SERVICE, "is an address, not a domain");
        refused("chat partners.lan", SERVICE, "contains blanks");
        refused(ALIAS, "nochat.example.com", "is not a group chat service of this server");
        env.exceptions(FederationEnvironment.REMOTE_B + ",BOTH");
        refused(FederationEnvironment.REMOTE_B, SERVICE, "is already in use here as a domain with a policy exception");
        env.exceptions("");

        assertEquals(302, addAlias(" Chat.Partners.LAN ", SERVICE).status(), "the alias is added");
        String page = aliasesPage();
        assertTrue(page.contains("data-alias=\"" + ALIAS + "\" data-service=\"" + SERVICE + "\""), page);
        assertTrue(page.contains("_xmpp-server._tcp." + ALIAS + ". IN SRV 0 5 5269 "), "the SRV record it needs is shown");
        assertTrue(page.contains("DNS:" + ALIAS), "the certificate name it needs is shown");
        refused(ALIAS, SERVICE, "is already an alias (of " + SERVICE + ")");
        Await.require(Duration.ofSeconds(15), "Openfire to accept streams for the alias (xmpp.gateway.domains)", () -> gatewayLists(ALIAS));
        // A second alias of the same service, for the page and the browser scenario.
        assertEquals(302, addAlias(FederationEnvironment.CHAT_ALIAS_2, SERVICE).status());
    }

    @Test
    @Order(2)
    void aFederatedUserJoinsUnderTheAliasAndGetsHistorySubjectAndOccupants() throws Exception {
        aliceRoom = MultiUserChatManager.getInstanceFor(alice.connection()).getMultiUserChat(room(SERVICE));
        aliceRoom.create(Resourcepart.from("alice"));
        FillableForm config = aliceRoom.getConfigurationForm().getFillableForm();
        config.setAnswer("muc#roomconfig_whois", "anyone"); // non-anonymous: occupants see each other's real JID
        aliceRoom.sendConfigurationForm(config);
        aliceRoom.changeSubject(SUBJECT);
        String before = body();
        aliceRoom.sendMessage(before);
        awaitRoomMessage(aliceRoom, before);

        carolRoom = MultiUserChatManager.getInstanceFor(carol.connection()).getMultiUserChat(room(ALIAS));
        // Smack first asks the alias (disco#info) whether it is a group chat service, then joins.
        MucEnterConfiguration enter = carolRoom.getEnterConfigurationBuilder(Resourcepart.from("carol")).requestMaxStanzasHistory(10)
            .timeoutAfter(ARRIVES.toMillis()).build();
        carolRoom.join(enter);
        assertTrue(carolRoom.isJoined(), "Carol is in the room under the alias");
        Message history = awaitRoomMessage(carolRoom, before);
        assertEquals(occupant(ALIAS, "alice"), history.getFrom(), "history comes from the room under the alias");
        DelayInformation delay = history.getExtension(DelayInformation.class);
        assertNotNull(delay, "the history message carries its delay");
        // Openfire names the sender's real JID in the delay of a non-anonymous room (the room JID otherwise).
        assertEquals(alice.connection().getUser().toString(), delay.getFrom(), "the delay names the sender as Openfire does");
        Await.require(ARRIVES, "Carol sees the subject", () -> SUBJECT.equals(carolRoom.getSubject()));
        Await.require(ARRIVES, "Carol sees Alice in the room", () -> carolRoom.getOccupants().contains(uncheckedOccupant(ALIAS, "alice")));

        Await.require(ARRIVES, "Alice sees Carol in the room", () -> aliceRoom.getOccupants().contains(uncheckedOccupant(SERVICE, "carol")));
        Occupant seen = aliceRoom.getOccupant(occupant(SERVICE, "carol"));
        assertEquals(carol.connection().getUser().toString(), seen.getJid().toString(), "local users see the federated occupant's real JID");
    }

    private static EntityFullJid uncheckedOccupant(String domain, String nick) {
        try {
            return occupant(domain, nick);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void groupAndPrivateMessagesGoBothWays() throws Exception {
        String fromCarol = body();
        carolRoom.sendMessage(fromCarol);
        assertEquals(occupant(SERVICE, "carol"), awaitRoomMessage(aliceRoom, fromCarol).getFrom(), "Alice gets Carol's message in the room");
        String fromAlice = body();
        aliceRoom.sendMessage(fromAlice);
        assertEquals(occupant(ALIAS, "alice"), awaitRoomMessage(carolRoom, fromAlice).getFrom(), "Carol gets Alice's message under the alias");

        String privateToAlice = carol.send(occupant(ALIAS, "alice"), body());
        Message atAlice = alice.awaitMessage(privateToAlice, ARRIVES);
        assertNotNull(atAlice, "Alice gets Carol's private message");
        assertEquals(occupant(SERVICE, "carol"), atAlice.getFrom());
        String privateToCarol = alice.send(occupant(SERVICE, "carol"), body());
        Message atCarol = carol.awaitMessage(privateToCarol, ARRIVES);
        assertNotNull(atCarol, "Carol gets Alice's private message");
        assertEquals(occupant(ALIAS, "alice"), atCarol.getFrom(), "a private message comes from the occupant under the alias");
    }

    @Test
    @Order(4)
    void discoOnTheAliasAndOnTheRoomAnswersAsTheService() throws Exception {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(carol.connection());
        DiscoverInfo service = disco.discoverInfo(JidCreate.from(ALIAS));
        assertEquals(ALIAS, service.getFrom().toString());
        assertTrue(service.containsFeature("http://jabber.org/protocol/muc"), "the alias answers as a group chat service");
        DiscoverInfo room = disco.discoverInfo(room(ALIAS));
        assertEquals(room(ALIAS).toString(), room.getFrom().toString());
        assertTrue(room.containsFeature("http://jabber.org/protocol/muc"));
        DiscoverItems rooms = disco.discoverItems(JidCreate.from(ALIAS));
        assertTrue(rooms.getItems().stream().anyMatch(i -> i.getEntityID().equals(room(ALIAS))),
            "the room is listed under the alias: " + rooms.toXML());
    }

    @Test
    @Order(5)
    void anInvitationToAFederatedUserCarriesTheAlias() throws Exception {
        aliceRoom.invite(dave.jid, "join the partners");
        Stanza invitation = dave.await(s -> s instanceof Message m && m.getFrom() != null
            && m.getFrom().asBareJid().equals(room(ALIAS)) && m.toXML().toString().contains("invite"), ARRIVES);
        assertNotNull(invitation, "Dave gets the invitation from the room under the alias");
        String xml = invitation.toXML().toString();
        assertTrue(xml.contains("jid='" + room(ALIAS) + "'") || xml.contains("jid=\"" + room(ALIAS) + "\""),
            "the jabber:x:conference part names the room under the alias: " + xml);
    }

    @Test
    @Order(6)
    void aFederatedUserLeaves() throws Exception {
        carolRoom.leave();
        Await.require(ARRIVES, "Alice sees Carol leave", () -> !aliceRoom.getOccupants().contains(uncheckedOccupant(SERVICE, "carol")));
    }

    @Test
    @Order(7)
    void theFederatedSideNeverSawTheServiceDomain() {
        for (XmppClient c : List.of(carol, dave)) {
            List<String> seen = c.everythingReceived();
            assertFalse(seen.isEmpty());
            for (String xml : seen) {
                assertFalse(xml.toLowerCase(Locale.ROOT).contains(SERVICE), c.jid + " received the service domain in " + xml);
            }
        }
    }

    @Test
    @Order(8)
    void withEmailAddressesOnAFederatedOccupantNeverSeesANativeJid() throws Exception {
        assertEquals(302, env.admin.post("plugins/federation/email.jsp", Map.of("action", "switch", "enabled", "true")).status());
        assertEquals(302, env.admin.post("plugins/federation/email.jsp",
            Map.of("action", "approve", "domain", FederationEnvironment.MAIL_DOMAIN)).status(), "approving the users' email domain");
        Await.require(Duration.ofSeconds(15), "Openfire to accept streams for the email domain", () -> gatewayLists(FederationEnvironment.MAIL_DOMAIN));
        assertTrue(gatewayLists(ALIAS), "email domains and aliases are projected together");
        refused(FederationEnvironment.MAIL_DOMAIN, SERVICE, "is already in use here as an email domain");
        AdminConsole.Page asEmailDomain = env.admin.post("plugins/federation/email.jsp", Map.of("action", "add", "domain", ALIAS));
        assertTrue(asEmailDomain.body().contains(ALIAS + " cannot be an email domain of this server: it is a chat node alias of this server"),
            "the email page refuses the alias as an email domain: " + asEmailDomain.body());
        int carolBefore = carol.everythingReceived().size();
        int daveBefore = dave.everythingReceived().size();

        carolRoom.join(carolRoom.getEnterConfigurationBuilder(Resourcepart.from("carol")).requestMaxStanzasHistory(10)
            .timeoutAfter(ARRIVES.toMillis()).build());
        Await.require(ARRIVES, "Carol sees Alice in the room again", () -> carolRoom.getOccupants().contains(uncheckedOccupant(ALIAS, "alice")));
        Occupant aliceSeen = carolRoom.getOccupant(occupant(ALIAS, "alice"));
        assertNotNull(aliceSeen.getJid(), "the room is not anonymous: Carol sees a real address");
        assertEquals(FederationEnvironment.ALICE_EMAIL.toLowerCase(Locale.ROOT), aliceSeen.getJid().asBareJid().toString(),
            "Alice's email address, not her XMPP address");
        aliceRoom.changeSubject(SUBJECT + " (email)");
        String fromAlice = body();
        aliceRoom.sendMessage(fromAlice);
        awaitRoomMessage(carolRoom, fromAlice);
        aliceRoom.invite(dave.jid, "again");
        assertNotNull(dave.await(s -> s instanceof Message m && m.toXML().toString().contains("again"), ARRIVES), "Dave gets the second invitation");
        ServiceDiscoveryManager.getInstanceFor(carol.connection()).discoverItems(room(ALIAS));
        carolRoom.leave();

        String nativeJid = "alice@" + OpenfireServer.DOMAIN;
        List<String> carolSaw = carol.everythingReceived().subList(carolBefore, carol.everythingReceived().size());
        List<String> daveSaw = dave.everythingReceived().subList(daveBefore, dave.everythingReceived().size());
        assertTrue(daveSaw.stream().anyMatch(x -> x.contains(FederationEnvironment.ALICE_EMAIL.toLowerCase(Locale.ROOT))),
            "the invitation names Alice by her email address: " + daveSaw);
        for (String xml : carolSaw.size() + daveSaw.size() > 0 ? concat(carolSaw, daveSaw) : List.<String>of()) {
            String lower = xml.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains(nativeJid), "a native JID reached the federated side: " + xml);
            assertFalse(lower.contains(SERVICE), "the service domain reached the federated side: " + xml);
        }
        assertEquals(302, env.admin.post("plugins/federation/email.jsp", Map.of("action", "switch", "enabled", "false")).status());
    }

    @Test
    @Order(10)
    void thePolicyDecidesOnThePartnersDomainNotOnTheAlias() throws Exception {
        env.policy(true, "DENY", "");
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(carol.connection());
        boolean answered;
        try {
            disco.discoverInfo(JidCreate.from(ALIAS));
            answered = true;
        } catch (org.jivesoftware.smack.XMPPException.XMPPErrorException | org.jivesoftware.smack.SmackException.NoResponseException refused) {
            answered = false;
        }
        assertFalse(answered, "with default DENY, Carol's domain may not use the group chat under the alias");
        env.policy(true, "DENY", FederationEnvironment.REMOTE_A + ",BOTH");
        assertEquals(ALIAS, disco.discoverInfo(JidCreate.from(ALIAS)).getFrom().toString(),
            "an exception for Carol's domain is all it takes: the alias itself needs none");
        env.policy(true, "ALLOW", "");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    @Order(9)
    void theAliasPageWorksInARealBrowser() throws Exception {
        Path shots = Path.of("target/e2e-screenshots");
        try (Browser browser = new Browser(env.work.resolve("chromium-profile-aliases"))) {
            String base = env.openfire.adminUrl();
            browser.open(base + "/login.jsp");
            browser.navigateBy("document.querySelector('input[name=username]').value='admin';"
                + "document.querySelector('input[name=password]').value=" + Browser.quote(OpenfireServer.ADMIN_PASSWORD) + ";"
                + "document.querySelector('input[type=submit], button[type=submit]').click();");
            browser.open(base + "/plugins/federation/aliases.jsp");
            assertEquals("Openfire Admin Console: Chat Node Aliases", browser.eval("document.title"));
            assertEquals("Chat node aliases", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertEquals("2", browser.eval("document.querySelectorAll('#chat-aliases tr[data-alias]').length"));
            browser.screenshot(shots.resolve("aliases.png"));
            // the MUC service's own domain: refused next to the field, input kept
            browser.navigateBy("document.getElementById('new-alias').value='" + SERVICE + "';"
                + "document.querySelector('#new-alias').form.submit();");
            assertEquals(SERVICE + " is the group chat service's own domain. An alias is an extra name: enter another domain.",
                browser.eval("document.querySelector('[data-field-error=add-alias]').textContent"));
            assertEquals(SERVICE, browser.eval("document.getElementById('new-alias').value"));
            browser.screenshot(shots.resolve("aliases-error.png"));
            browser.open(base + "/plugins/federation/aliases.jsp?edit=" + FederationEnvironment.CHAT_ALIAS_2);
            assertEquals(FederationEnvironment.CHAT_ALIAS_2, browser.eval("document.getElementById('edit-alias-name').value"));
            browser.screenshot(shots.resolve("aliases-edit.png"));
            browser.open(base + "/plugins/federation/aliases.jsp?delete=" + FederationEnvironment.CHAT_ALIAS_2);
            browser.screenshot(shots.resolve("aliases-delete-confirm.png"));
            browser.navigateBy("document.querySelector('input[name=confirm]').click();");
            assertTrue(browser.eval("document.body.innerText").contains("Chat node alias " + FederationEnvironment.CHAT_ALIAS_2 + " deleted."));
            assertEquals("1", browser.eval("document.querySelectorAll('#chat-aliases tr[data-alias]').length"));
            assertTrue(browser.pageErrors.isEmpty(), "no script errors: " + browser.pageErrors);
        }
        Await.require(Duration.ofSeconds(15), "the deleted alias is no longer accepted", () -> !gatewayLists(FederationEnvironment.CHAT_ALIAS_2));
        assertTrue(gatewayLists(ALIAS), "the other alias stays");
    }
}
