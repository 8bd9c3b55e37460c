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
package org.xmppfed.openfire.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.Session;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xmpp.packet.Packet;
import org.xmppfed.openfire.alias.ChatAliasTable;
import org.xmppfed.openfire.alias.ChatNodeAlias;
import org.xmppfed.openfire.alias.PartnerAliases;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.email.MemoryEmailDomainStore;
import org.xmppfed.openfire.email.MemoryEmailSettings;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;

/**
 * The group chat leak corpus: every MUC stanza a federated occupant can receive from a room that is
 * reached under a chat node alias, with email addresses on, through the plugin's real stanza path
 * (policy, email addressing, alias mapping, wired as the plugin wires them). On the wire there must
 * be no native JID of a local user with an email address and no trace of the service's own domain;
 * the room speaks under its alias.
 *
 * <p>The corpus follows XEP-0045's examples (occupant presence with real JIDs in non-anonymous
 * rooms, status codes 100/110/170/201/210/303/307/301/104, nick changes, kicks and bans with actor,
 * room destruction, mediated invitations and declines, voice requests, room configuration and
 * affiliation lists, disco#info with the room info form, disco#items of the service) and what
 * Openfire 5.1.1's MUC sends (read in {@code MUCRoom}, {@code MUCOccupant}, {@code HistoryStrategy},
 * {@code IQOwnerHandler}, {@code IQAdminHandler}: history with {@code <delay from>} naming the room,
 * or in a non-anonymous room the sender's real JID ({@code MUCRoomHistory}), an {@code ofrom} address, the room subject from the room or an occupant,
 * invitations with the legacy {@code jabber:x:conference} element). The end-to-end run
 * ({@code ChatAliasIT}) checks the same on everything Prosody's users really received.
 * Each stanza is instantiated for each local user with an address and in upper case as well.
 */
class MucAliasLeakTest {
    private static final String DOMAIN = "openfire.test";
    private static final String SERVICE = "conference." + DOMAIN;
    private static final String ALIAS = "chat.partners.example";
    private static final String ROOM = "lobby@" + SERVICE;
    private static final String CAROL = "carol@remote.test/pc";
    private static final Map<String, String> MAPPED = new LinkedHashMap<>();

    static {
        MAPPED.put("alice", "Alice.Smith@mail.test");
        MAPPED.put("bob", "bob@mail.test");
    }

    private static EmailFederation email() {
        EmailIndex index = new EmailIndex(DOMAIN);
        Map<String, String> users = new LinkedHashMap<>(MAPPED);
        users.put("frank", null);
        index.replaceAll(users);
        MemoryEmailSettings settings = new MemoryEmailSettings();
        settings.setEnabled(true);
        EmailFederation email = new EmailFederation(new MemoryEmailDomainStore(), settings, index,
            d -> d.equals(DOMAIN) || d.equals(SERVICE), Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));
        email.reload();
        MemoryEmailDomainStore.approveUserDomains(email);
        return email;
    }

    /** The plugin's interceptor with its steps in the plugin's order, and what reaches the wire. */
    private static final class PluginPath {
        final List<Packet> onTheWire = new ArrayList<>();
        final List<Packet> answers = new ArrayList<>();
        final FederationInterceptor interceptor;

        PluginPath(EmailFederation email, ChatAliasTable aliases) {
            ErrorSender errors = new ErrorSender() {
                @Override
                public void toLocal(Packet error, Session session) {
                    answers.add(error);
                }

                @Override
                public void toRemote(Packet error) {
                    answers.add(error);
                }
            };
            PolicyStep policy = new PolicyStep(() -> FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of()), new PolicyCounters(),
                errors, domain -> fail("no session is closed"), EventLog.NONE);
            EmailAddressing addressing = new EmailAddressing(email, errors, this::toOutgoingServerSession, EventLog.NONE);
            ChatAliasMapping mapping = new ChatAliasMapping(() -> aliases, new PartnerAliases(), errors, this::toOutgoingServerSession);
            interceptor = new FederationInterceptor(d -> d.equals(DOMAIN) || d.equals(SERVICE) || aliases.serviceOf(d) != null
                || email.isEmailDomain(d), DOMAIN, List.of(policy, addressing, mapping));
        }

        /** What the MUC service routes through the packet router (no session), then the outgoing server session. */
        void sentByTheRoom(Packet packet) throws PacketRejectedException {
            interceptor.interceptPacket(packet, null, true, false);
            toOutgoingServerSession(packet);
        }

        void toOutgoingServerSession(Packet packet) {
            try {
                interceptor.interceptPacket(packet, mock(OutgoingServerSession.class), false, false);
                onTheWire.add(packet);
            } catch (PacketRejectedException notSent) {
                // replaced by a rerouted copy
            }
        }
    }

    private static Packet parse(String xml) throws Exception {
        Element root = DocumentHelper.parseText(xml).getRootElement();
        return switch (root.getName()) {
            case "message" -> new org.xmpp.packet.Message(root);
            case "presence" -> new org.xmpp.packet.Presence(root);
            default -> new org.xmpp.packet.IQ(root);
        };
    }

    /** One MUC stanza of the corpus, about local user {@code u} (as written in the stanza) from the room. */
    private static List<String[]> corpus(String u, String d) {
        String me = u + "@" + d;
        String other = (u.equalsIgnoreCase("alice") ? "bob" : "alice") + "@" + d;
        String room = ROOM;
        String x = "xmlns='http://jabber.org/protocol/muc#user'";
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"occupant presence with the real JID (non-anonymous room)",
            "<presence from='" + room + "/" + u + "' to='" + CAROL + "'><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://igniterealtime.org/' ver='abc='/>"
                + "<x " + x + "><item affiliation='owner' role='moderator' jid='" + me + "/phone'/></x></presence>"});
        c.add(new String[] {"self-presence on joining: 110, 100, 170, 201, 210",
            "<presence from='" + room + "/carol' to='" + CAROL + "'><x " + x + "><item affiliation='none' role='participant' jid='" + CAROL + "'/>"
                + "<status code='110'/><status code='100'/><status code='170'/><status code='201'/><status code='210'/></x>"
                + "<x xmlns='vcard-temp:x:update'/><status>with " + me + "</status></presence>"});
        c.add(new String[] {"occupant leaves",
            "<presence type='unavailable' from='" + room + "/" + u + "' to='" + CAROL + "'><x " + x + "><item affiliation='member' role='none' jid='" + me + "/phone'/></x></presence>"});
        c.add(new String[] {"nick change: 303",
            "<presence type='unavailable' from='" + room + "/" + u + "' to='" + CAROL + "'><x " + x + "><item affiliation='member' role='participant' jid='" + me + "/phone' nick='" + u + "2'/><status code='303'/></x></presence>"});
        c.add(new String[] {"kick with actor: 307",
            "<presence type='unavailable' from='" + room + "/" + u + "' to='" + CAROL + "'><x " + x + "><item affiliation='none' role='none' jid='" + me + "/phone'>"
                + "<actor nick='boss' jid='" + other + "/desk'/><reason>by " + other + "</reason></item><status code='307'/></x></presence>"});
        c.add(new String[] {"ban: 301",
            "<presence type='unavailable' from='" + room + "/" + u + "' to='" + CAROL + "'><x " + x + "><item affiliation='outcast' role='none' jid='" + me + "'/><status code='301'/></x></presence>"});
        c.add(new String[] {"room destroyed, alternate venue",
            "<presence type='unavailable' from='" + room + "/" + u + "' to='" + CAROL + "'><x " + x + "><item affiliation='none' role='none'/>"
                + "<destroy jid='other@" + SERVICE + "'><reason>moved by " + me + "</reason></destroy></x></presence>"});
        c.add(new String[] {"history as Openfire sends it: delay from the room, ofrom with the real JID",
            "<message type='groupchat' from='" + room + "/" + u + "' to='" + CAROL + "'><body>hi from " + me + "</body>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-05-01T10:00:00Z' from='" + room + "'/>"
                + "<x xmlns='jabber:x:delay' stamp='20260501T10:00:00' from='" + room + "'/>"
                + "<addresses xmlns='http://jabber.org/protocol/address'><address type='ofrom' jid='" + me + "/phone'/></addresses></message>"});
        c.add(new String[] {"history in a non-anonymous room as Openfire sends it: delay from the sender's real JID",
            "<message type='groupchat' from='" + room + "/" + u + "' to='" + CAROL + "'><body>earlier</body>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-05-01T10:00:00.000Z' from='" + me + "/e2e'/></message>"});
        c.add(new String[] {"subject from an occupant",
            "<message type='groupchat' from='" + room + "/" + u + "' to='" + CAROL + "'><subject>Ask " + me + "</subject></message>"});
        c.add(new String[] {"subject from the room itself",
            "<message type='groupchat' from='" + room + "' to='" + CAROL + "'><subject>Room of " + me + "</subject></message>"});
        c.add(new String[] {"group chat message",
            "<message type='groupchat' id='g1' from='" + room + "/" + u + "' to='" + CAROL + "'><body>mail me at xmpp:" + me + " or " + room + "</body></message>"});
        c.add(new String[] {"private message through the room",
            "<message type='chat' from='" + room + "/" + u + "' to='" + CAROL + "'><body>pm</body><x " + x + "/></message>"});
        c.add(new String[] {"mediated invitation as Openfire sends it (with password and jabber:x:conference)",
            "<message from='" + room + "' to='carol@remote.test'><x " + x + "><invite from='" + me + "'><reason>join " + room + "</reason></invite>"
                + "<password>secret</password></x><x xmlns='jabber:x:conference' jid='" + room + "'/></message>"});
        c.add(new String[] {"decline of an invitation",
            "<message from='" + room + "' to='carol@remote.test'><x " + x + "><decline from='" + me + "'><reason>busy</reason></decline></x></message>"});
        c.add(new String[] {"configuration change: 104, 172",
            "<message type='groupchat' from='" + room + "' to='" + CAROL + "'><x " + x + "><status code='104'/><status code='172'/></x></message>"});
        c.add(new String[] {"voice request to a moderator",
            "<message from='" + room + "' to='" + CAROL + "'><x xmlns='jabber:x:data' type='form'><field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#request</value></field>"
                + "<field var='muc#role'><value>participant</value></field><field var='muc#jid' type='jid-single'><value>" + me + "/phone</value></field>"
                + "<field var='muc#roomnick'><value>" + u + "</value></field><field var='muc#request_allow' type='boolean'><value>false</value></field></x></message>"});
        c.add(new String[] {"room configuration form (muc#owner)",
            "<iq type='result' id='c1' from='" + room + "' to='" + CAROL + "'><query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='form'>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
                + "<field var='muc#roomconfig_roomadmins' type='jid-multi'><value>" + me + "</value><value>" + other + "</value></field>"
                + "<field var='muc#roomconfig_roomowners' type='jid-multi'><value>" + me + "</value></field>"
                + "<field var='muc#roomconfig_whois' type='list-single'><value>anyone</value></field></x></query></iq>"});
        c.add(new String[] {"affiliation list (muc#admin)",
            "<iq type='result' id='a1' from='" + room + "' to='" + CAROL + "'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                + "<item affiliation='member' jid='" + me + "' nick='" + u + "'/><item affiliation='owner' jid='" + other + "'/></query></iq>"});
        c.add(new String[] {"room disco#info with the room info form",
            "<iq type='result' id='i1' from='" + room + "' to='" + CAROL + "'><query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='conference' type='text' name='Lobby'/><feature var='http://jabber.org/protocol/muc'/><feature var='muc_nonanonymous'/>"
                + "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/muc#roominfo</value></field>"
                + "<field var='muc#roominfo_contactjid'><value>" + me + "</value></field><field var='muc#roominfo_subject'><value>Ask " + me + "</value></field>"
                + "<field var='x-muc#roominfo_creationdate'><value>20260501T10:00:00</value></field></x></query></iq>"});
        c.add(new String[] {"service disco#items (the rooms)",
            "<iq type='result' id='s1' from='" + SERVICE + "' to='" + CAROL + "'><query xmlns='http://jabber.org/protocol/disco#items'>"
                + "<item jid='" + room + "' name='Lobby of " + me + "'/><item jid='other@" + SERVICE + "' name='Other'/></query></iq>"});
        c.add(new String[] {"room disco#items (the occupants)",
            "<iq type='result' id='o1' from='" + room + "' to='" + CAROL + "'><query xmlns='http://jabber.org/protocol/disco#items'>"
                + "<item jid='" + room + "/" + u + "'/></query></iq>"});
        c.add(new String[] {"an error from the room",
            "<message type='error' id='e1' from='" + room + "/" + u + "' to='" + CAROL + "'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>" + me + " is not here</text></error></message>"});
        // Captured from Openfire 5.1.1 in ChatAliasIT (target/e2e-muc-received-*.xml), names made the corpus's own.
        c.add(new String[] {"captured: subject replayed on joining, with stanza-id, occupant-id and delay",
            "<message xmlns='jabber:client' xml:lang='en' to='" + CAROL + "' from='" + room + "/" + u + "' id='FAAZQ-4' type='groupchat'>"
                + "<subject>Partners welcome, ask " + me + "</subject><stanza-id xmlns='urn:xmpp:sid:0' by='" + room + "' id='959d73b2-9d9b'></stanza-id>"
                + "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='453d92e6eb406a56'></occupant-id>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-12-01T08:37:08.605+00:00' from='" + room + "'/></message>"});
        c.add(new String[] {"captured: occupant presence with vCard update, occupant-id and the real JID",
            "<presence xmlns='jabber:client' xml:lang='en' to='" + CAROL + "' from='" + room + "/" + u + "' id='FAAZQ-2'><priority>0</priority>"
                + "<x xmlns='vcard-temp:x:update'><photo></photo></x><occupant-id xmlns='urn:xmpp:occupant-id:0' id='453d92e6eb406a56'></occupant-id>"
                + "<x " + x + "><item affiliation='owner' jid='" + me + "/e2e' role='moderator'></item></x></presence>"});
        c.add(new String[] {"captured: mediated invitation with stanza-id and occupant-id",
            "<message xmlns='jabber:client' xml:lang='en' to='dave@remote.test' from='" + room + "'><stanza-id xmlns='urn:xmpp:sid:0' by='" + room
                + "' id='da34747a'></stanza-id><occupant-id xmlns='urn:xmpp:occupant-id:0' id='453d92e6'></occupant-id>"
                + "<x " + x + "><invite from='" + me + "'><reason>join the partners</reason></invite></x><x xmlns='jabber:x:conference' jid='" + room + "'/></message>"});
        c.add(new String[] {"captured: the service's disco#info",
            "<iq xmlns='jabber:client' to='" + CAROL + "' from='" + SERVICE + "' id='NXBR8-3' type='result'><query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='conference' name='Public Chatrooms' type='text'/><identity category='directory' name='Public Chatroom Search' type='chatroom'/>"
                + "<feature var='http://jabber.org/protocol/muc'/><feature var='urn:xmpp:channel-search:0:search'/></query></iq>"});
        c.add(new String[] {"the service pings an occupant",
            "<iq type='get' id='p1' from='" + room + "/" + u + "' to='" + CAROL + "'><ping xmlns='urn:xmpp:ping'/></iq>"});
        return c;
    }

    private static Stream<String[]> allCases() {
        List<String[]> all = new ArrayList<>();
        for (String user : MAPPED.keySet()) {
            for (String[] c : corpus(user, DOMAIN)) {
                all.add(new String[] {user + ": " + c[0], c[1]});
            }
            for (String[] c : corpus(user.toUpperCase(Locale.ROOT), DOMAIN.toUpperCase(Locale.ROOT))) {
                all.add(new String[] {user + " in upper case: " + c[0], c[1].replace(SERVICE.toUpperCase(Locale.ROOT), SERVICE)});
            }
        }
        return all.stream();
    }

    private static final ChatAliasTable ALIASES = ChatAliasTable.of(List.of(new ChatNodeAlias(ALIAS, SERVICE)));

    @TestFactory
    Stream<DynamicTest> noMucStanzaReachesAFederatedOccupantWithANativeJidOrTheServiceDomain() {
        EmailFederation email = email();
        return allCases().flatMap(c -> Stream.of(
            DynamicTest.dynamicTest("routed by the room: " + c[0], () -> {
                PluginPath path = new PluginPath(email, ALIASES);
                path.sentByTheRoom(parse(c[1]));
                check(c[1], path);
            }),
            DynamicTest.dynamicTest("past the routers: " + c[0], () -> {
                PluginPath path = new PluginPath(email, ALIASES);
                path.toOutgoingServerSession(parse(c[1]));
                check(c[1], path);
            })));
    }

    @Test
    void theCorpusQuotesTheNativeJidsAndTheServiceDomainItMustHide() {
        List<String[]> cases = allCases().toList();
        assertEquals(2 * 2 * corpus("alice", DOMAIN).size(), cases.size());
        for (String[] c : cases) {
            assertTrue(c[1].contains(SERVICE), "corpus error, no service domain: " + c[0]);
        }
        assertTrue(cases.stream().filter(c -> MAPPED.keySet().stream().anyMatch(u -> c[1].toLowerCase(Locale.ROOT).contains(u + "@" + DOMAIN)))
            .count() >= cases.size() * 3 / 4, "most stanzas quote a native JID");
    }

    private static void check(String before, PluginPath path) throws Exception {
        assertTrue(path.answers.isEmpty(), "the plugin answered instead of passing on: " + path.answers);
        assertEquals(1, path.onTheWire.size(), "one stanza on the wire for " + before);
        Packet sent = path.onTheWire.get(0);
        String after = sent.toXML();
        String lower = after.toLowerCase(Locale.ROOT);
        for (String user : MAPPED.keySet()) {
            assertFalse(lower.contains(user + "@" + DOMAIN), "native JID of " + user + " leaks: " + after);
        }
        assertFalse(lower.contains(SERVICE), "the service domain leaks: " + after);
        assertTrue(sent.getFrom().getDomain().equals(ALIAS), "the room speaks under its alias: " + after);
        for (Map.Entry<String, String> e : MAPPED.entrySet()) {
            if (before.toLowerCase(Locale.ROOT).contains(e.getKey() + "@" + DOMAIN)) {
                assertTrue(lower.contains(e.getValue().toLowerCase(Locale.ROOT)), "the email address instead: " + after);
            }
        }
        parse(after);
    }
}
