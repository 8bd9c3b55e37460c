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

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.xmppfed.openfire.adapter.TestStanzas.message;
import static org.xmppfed.openfire.adapter.TestStanzas.ping;
import static org.mockito.Mockito.spy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.IncomingServerSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.email.MemoryEmailDomainStore;
import org.xmppfed.openfire.email.MemoryEmailSettings;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyException;

/**
 * Email address for federation on the stanza path, driven through {@link FederationInterceptor}
 * exactly as Openfire calls it: {@code incoming=true, processed=false} before routing (with the
 * sender's client session, or an incoming server session for federated stanzas) and
 * {@code incoming=false, processed=false} when a stanza is handed to an outgoing server session.
 *
 * <p>Fixture: XMPP domain {@code openfire.test} (plus {@code conference.openfire.test}); alice
 * federates as {@code alice.smith@mail.test}, bob as {@code bob@mail.test}, frank has no address.
 */
class EmailAddressingTest {
    private static final String XMPP_DOMAIN = "openfire.test";
    private static final LocalDomains LOCAL_DOMAINS = d -> d.equals(XMPP_DOMAIN) || d.equals("conference." + XMPP_DOMAIN);
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static final JID ALICE = new JID("alice@openfire.test/phone");
    private static final JID ALICE_EMAIL = new JID("alice.smith@mail.test/phone");
    private static final JID BOB = new JID("bob@openfire.test/laptop");
    private static final JID FRANK = new JID("frank@openfire.test/pc");
    private static final JID CAROL = new JID("carol@remote.test/pc");
    private static final JID ROOM = new JID("room@conference.openfire.test/nick");
    private static final JID NOBODY = new JID("nobody@mail.test");

    // ---- test doubles ----

    // ---- fixture ----

    private final MemoryEmailDomainStore domainStore = new MemoryEmailDomainStore();
    private final MemoryEmailSettings settings = new MemoryEmailSettings();
    private final EmailIndex index = new EmailIndex(XMPP_DOMAIN);
    private final AtomicReference<FederationPolicy> policy =
        new AtomicReference<>(FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of()));
    private final PolicyCounters counters = new PolicyCounters();
    private final RecordingSender sender = new RecordingSender();
    private final List<String> closed = new ArrayList<>();
    /** Copies handed to the reroute consumer (instead of {@code RemoteRouting::route}). */
    private final List<Packet> rerouted = new ArrayList<>();
    /** What the reroute consumer does; records by default, replaced by tests that route back in. */
    private Consumer<Packet> reroute = rerouted::add;
    private final ClientSession aliceSession = mock(ClientSession.class);
    private final IncomingServerSession fromRemote = mock(IncomingServerSession.class);
    private final OutgoingServerSession toRemote = mock(OutgoingServerSession.class);
    /** The events the email handling recorded: kind, remote domain and summary. */
    private final List<String> emailEvents = new ArrayList<>();
    private final EventLog emailLog = (kind, domain, summary, details, admin) -> emailEvents.add(kind + " " + domain + " " + summary);
    private EmailFederation email;
    private FederationInterceptor interceptor;

    @BeforeEach
    void setUp() {
        Map<String, String> users = new HashMap<>();
        users.put("alice", "Alice.Smith@mail.test");
        users.put("bob", "bob@mail.test");
        users.put("frank", null);
        index.replaceAll(users);
        domainStore.insert("mail.test", T0, true); // approved by the administrator
        wire(index);
        settings.setEnabled(true);
        email.reload();
    }

    /** A real EmailFederation over {@code idx}, and the interceptor with EmailAddressing wired in. */
    private void wire(EmailIndex idx) {
        email = new EmailFederation(domainStore, settings, idx, LOCAL_DOMAINS::isLocal, Clock.fixed(T0, ZoneOffset.UTC));
        EmailAddressing addressing = new EmailAddressing(email, sender, p -> reroute.accept(p), emailLog);
        interceptor = interceptor(sender, addressing);
    }

    /** The plugin's interceptor with the policy step, then the email step, as the plugin wires them. */
    private FederationInterceptor interceptor(ErrorSender errors, EmailAddressing addressing) {
        EmailFederation e = email;
        return new FederationInterceptor(d -> LOCAL_DOMAINS.isLocal(d) || e.isEmailDomain(d), XMPP_DOMAIN, List.of(
            new PolicyStep(policy::get, counters, errors, closed::add, EventLog.NONE),
            addressing));
    }

    /** Openfire before routing: a local stanza (with the sender's client session, or none from a service). */
    private void beforeRouting(Packet p, Session session) throws PacketRejectedException {
        interceptor.interceptPacket(p, session, true, false);
    }

    /** Openfire before routing a stanza that arrived over server-to-server. */
    private void arrives(Packet p) throws PacketRejectedException {
        interceptor.interceptPacket(p, fromRemote, true, false);
    }

    /** Openfire handing a stanza to an outgoing server-to-server session. */
    private void delivered(Packet p) throws PacketRejectedException {
        interceptor.interceptPacket(p, toRemote, false, false);
    }

    /** How many events the email handling recorded (dropped, refused or held-back stanzas). */
    private int emailLogLines() {
        return emailEvents.size();
    }

    private static Presence presence(Presence.Type type, JID from, JID to) {
        Presence p = new Presence(type);
        p.setFrom(from);
        p.setTo(to);
        return p;
    }

    /** Available presence: no type attribute. */
    private static Presence available(JID from, JID to) {
        Presence p = new Presence();
        p.setFrom(from);
        p.setTo(to);
        return p;
    }

    private static Element child(Packet p, String name, String namespace) {
        for (Element e : p.getElement().elements()) {
            if (e.getName().equals(name) && e.getNamespaceURI().equals(namespace)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + " xmlns='" + namespace + "'> in " + p.toXML());
    }

    private void denyAllBut(String domain) {
        policy.set(FederationPolicy.of(true, DefaultPolicy.DENY, List.of(PolicyException.of(domain, Direction.BOTH, T0))));
    }

    // ---- 1. outbound before routing ----

    @Test
    void outboundMessageGoesOutWithTheEmailAddressAsSenderAndInItsPayload() throws Exception {
        // fixture
        Message m = message(ALICE, CAROL);
        m.setBody("Mail alice@openfire.test or Alice@OpenFire.test/desk or bob@openfire.test; "
            + "frank@openfire.test and alice@openfire.test.example stay as they are.");
        m.addChildElement("x", "jabber:x:conference")
            .addAttribute("jid", "room@conference.openfire.test")
            .addAttribute("reason", "alice@openfire.test invites you");
        m.addChildElement("delay", "urn:xmpp:delay")
            .addAttribute("from", "alice@openfire.test")
            .addAttribute("stamp", "2024-05-01T09:00:00Z");
        m.addChildElement("addresses", "http://jabber.org/protocol/address")
            .addElement("address").addAttribute("type", "ofrom").addAttribute("jid", "alice@openfire.test/phone");

        // execute
        beforeRouting(m, aliceSession);

        // verify
        assertEquals(ALICE_EMAIL, m.getFrom());
        assertEquals(CAROL, m.getTo());
        assertEquals("Mail alice.smith@mail.test or alice.smith@mail.test/desk or bob@mail.test; "
            + "frank@openfire.test and alice@openfire.test.example stay as they are.", m.getBody());
        Element invite = child(m, "x", "jabber:x:conference");
        assertEquals("room@conference.openfire.test", invite.attributeValue("jid"), "a room is not a user");
        assertEquals("alice.smith@mail.test invites you", invite.attributeValue("reason"));
        Element delay = child(m, "delay", "urn:xmpp:delay");
        assertEquals("alice.smith@mail.test", delay.attributeValue("from"));
        assertEquals("2024-05-01T09:00:00Z", delay.attributeValue("stamp"));
        assertEquals("alice.smith@mail.test/phone",
            child(m, "addresses", "http://jabber.org/protocol/address").element("address").attributeValue("jid"));
        assertEquals("m1", m.getID());
        assertTrue(rerouted.isEmpty());
        assertTrue(sender.nothingSent());
        assertEquals(1, counters.byDomain().get("remote.test").allowedOutgoing(), "the policy judged it first");
    }

    @Test
    void outboundIqAndPresenceOfAUserWithAnAddressAreRewrittenToo() throws Exception {
        IQ iq = ping(ALICE, CAROL, IQ.Type.get);
        Presence available = available(ALICE, CAROL.asBareJID());
        available.setStatus("reach me as alice@openfire.test");

        beforeRouting(iq, aliceSession);
        beforeRouting(available, aliceSession);

        assertEquals(ALICE_EMAIL, iq.getFrom());
        assertEquals(ALICE_EMAIL, available.getFrom());
        assertEquals("reach me as alice.smith@mail.test", available.getStatus());
    }

    @Test
    void outboundStanzasOfEntitiesWithoutAnAddressAreUnchanged() throws Exception {
        Message fromFrank = message(FRANK, CAROL);
        fromFrank.setBody("I am frank@openfire.test");
        String frankBefore = fromFrank.toXML();
        Presence fromRoom = available(ROOM, CAROL);
        String roomBefore = fromRoom.toXML();

        beforeRouting(fromFrank, mock(ClientSession.class));
        beforeRouting(fromRoom, null);

        assertEquals(frankBefore, fromFrank.toXML());
        assertEquals(roomBefore, fromRoom.toXML());
        assertTrue(sender.nothingSent());
    }

    // ---- 2. subscriptions keep the native sender before routing ----

    @Test
    void outboundSubscriptionPresencesKeepTheNativeSenderBeforeRouting() throws Exception {
        for (Presence.Type type : List.of(Presence.Type.subscribe, Presence.Type.subscribed,
            Presence.Type.unsubscribe, Presence.Type.unsubscribed)) {
            Presence p = presence(type, ALICE.asBareJID(), CAROL.asBareJID());
            p.setStatus("from alice@openfire.test");
            String before = p.toXML();

            assertDoesNotThrow(() -> beforeRouting(p, aliceSession), type.name());

            assertEquals(before, p.toXML(), type + " must reach Openfire's roster handling as sent");
        }
        assertTrue(rerouted.isEmpty());
        assertTrue(sender.nothingSent());
    }

    @Test
    void theSubscriptionCopyOpenfireSendsOutIsRewrittenAtDelivery() {
        Presence subscribe = presence(Presence.Type.subscribe, ALICE.asBareJID(), CAROL.asBareJID());

        assertThrows(PacketRejectedException.class, () -> delivered(subscribe));

        assertEquals(1, rerouted.size());
        Presence copy = (Presence) rerouted.get(0);
        assertEquals(Presence.Type.subscribe, copy.getType());
        assertEquals(new JID("alice.smith@mail.test"), copy.getFrom());
        assertEquals(CAROL.asBareJID(), copy.getTo());
    }

    // ---- 3. at delivery to a server-to-server session ----

    @Test
    void atDeliveryAStanzaWithTheNativeSenderIsReplacedByOneRewrittenCopy() {
        Message m = message(ALICE, CAROL);
        m.setBody("this is alice@openfire.test");
        String before = m.toXML();

        assertThrows(PacketRejectedException.class, () -> delivered(m));

        assertEquals(before, m.toXML(), "the original stays untouched");
        assertEquals(1, rerouted.size());
        Message copy = (Message) rerouted.get(0);
        assertNotSame(m, copy);
        assertEquals(ALICE_EMAIL, copy.getFrom());
        assertEquals(CAROL, copy.getTo());
        assertEquals("m1", copy.getID());
        assertEquals("this is alice.smith@mail.test", copy.getBody());
        assertTrue(sender.nothingSent());
    }

    @Test
    void atDeliveryACleanStanzaIsSentWithoutReroute() throws Exception {
        Message rewritten = message(ALICE_EMAIL, CAROL);
        Message fromFrank = message(FRANK, CAROL);
        Presence fromRoom = available(ROOM, CAROL);

        delivered(rewritten);
        delivered(fromFrank);
        delivered(fromRoom);

        assertTrue(rerouted.isEmpty());
        assertEquals(ALICE_EMAIL, rewritten.getFrom());
    }

    @Test
    void atDeliveryANativeAddressInThePayloadAloneAlsoCausesAReroute() {
        // A room's presence relayed past the routers, naming alice's full JID in the item.
        Presence p = available(ROOM, CAROL);
        p.addChildElement("x", "http://jabber.org/protocol/muc#user")
            .addElement("item").addAttribute("affiliation", "member").addAttribute("role", "participant")
            .addAttribute("jid", "alice@openfire.test/phone");

        assertThrows(PacketRejectedException.class, () -> delivered(p));

        assertEquals("alice@openfire.test/phone",
            child(p, "x", "http://jabber.org/protocol/muc#user").element("item").attributeValue("jid"), "original untouched");
        assertEquals(1, rerouted.size());
        Packet copy = rerouted.get(0);
        assertEquals(ROOM, copy.getFrom(), "the room keeps its own address");
        assertEquals("alice.smith@mail.test/phone",
            child(copy, "x", "http://jabber.org/protocol/muc#user").element("item").attributeValue("jid"));
    }

    @Test
    void aRerouteThatComesStraightBackThroughTheInterceptorDoesNotLoop() {
        List<Boolean> secondPassRejected = new ArrayList<>();
        reroute = copy -> {
            rerouted.add(copy);
            // Openfire routes the copy synchronously to the same outgoing session.
            try {
                delivered(copy);
                secondPassRejected.add(false);
            } catch (PacketRejectedException e) {
                secondPassRejected.add(true);
            }
        };
        Message m = message(ALICE, CAROL);

        assertThrows(PacketRejectedException.class, () -> delivered(m));

        assertEquals(1, rerouted.size(), "exactly one copy, once");
        assertEquals(List.of(false), secondPassRejected, "the clean copy passes the second time");
        assertEquals(ALICE_EMAIL, rerouted.get(0).getFrom());
    }

    @Test
    void aCopyThatIsStillDirtyInsideTheRerouteIsDroppedNotRoutedAgain() {
        Message m = message(ALICE, CAROL);
        List<Boolean> secondPassRejected = new ArrayList<>();
        reroute = copy -> {
            rerouted.add(copy);
            // Simulates a rewrite that left a native address: the original comes back.
            try {
                delivered(m);
                secondPassRejected.add(false);
            } catch (PacketRejectedException e) {
                secondPassRejected.add(true);
            }
        };

        assertThrows(PacketRejectedException.class, () -> delivered(m));

        assertEquals(1, rerouted.size(), "no second reroute from inside the first");
        assertEquals(List.of(true), secondPassRejected, "the dirty stanza is dropped");

        // The marker ends with the reroute: the next dirty stanza is rerouted again, not dropped.
        reroute = rerouted::add;
        Message next = message(ALICE, CAROL);
        next.setID("m2");
        assertThrows(PacketRejectedException.class, () -> delivered(next));
        assertEquals(2, rerouted.size());
        assertEquals("m2", rerouted.get(1).getID());
        assertEquals(ALICE_EMAIL, rerouted.get(1).getFrom());
    }

    @Test
    void aFailingRerouteRejectsTheStanzaAndEndsTheRerouteMarker() {
        reroute = copy -> {
            throw new IllegalStateException("no route");
        };

        assertThrows(PacketRejectedException.class, () -> delivered(message(ALICE, CAROL)));

        reroute = rerouted::add;
        assertThrows(PacketRejectedException.class, () -> delivered(message(ALICE, CAROL)));
        assertEquals(1, rerouted.size(), "after a failed reroute the next stanza is rerouted, not dropped as dirty");
    }

    @Test
    void deliveryOfProcessedStanzasAndOnClientSessionsIsNotJudged() throws Exception {
        Message m = message(ALICE, CAROL);

        interceptor.interceptPacket(m, toRemote, false, true);
        interceptor.interceptPacket(message(CAROL, ALICE), aliceSession, false, false);

        assertTrue(rerouted.isEmpty());
        assertEquals(ALICE, m.getFrom());
    }

    // ---- 4. inbound to an email address ----

    @Test
    void inboundToAnEmailAddressIsDeliveredToItsOwner() throws Exception {
        Message m = message(CAROL, new JID("alice.smith@mail.test/res"));
        Message upper = message(CAROL, new JID("ALICE.SMITH@MAIL.TEST/res"));
        Presence subscribe = presence(Presence.Type.subscribe, CAROL.asBareJID(), new JID("bob@mail.test"));

        arrives(m);
        arrives(upper);
        arrives(subscribe);

        assertEquals(new JID("alice@openfire.test/res"), m.getTo());
        assertEquals(CAROL, m.getFrom());
        assertEquals("hello", m.getBody());
        assertEquals(new JID("alice@openfire.test/res"), upper.getTo());
        assertEquals(new JID("bob@openfire.test"), subscribe.getTo());
        assertTrue(sender.nothingSent());
        assertEquals(3, counters.byDomain().get("remote.test").allowedIncoming());
        assertNull(counters.byDomain().get("mail.test"), "an email domain is ours, not a remote domain");
    }

    @Test
    void inboundToAnEmailAddressWrittenInCapitalsOnTheWireIsDelivered() throws Exception {
        // As parsed from the stream without stringprep: the address keeps its capitals.
        Element raw = DocumentHelper.createElement("message");
        raw.addAttribute("from", "carol@remote.test/pc");
        raw.addAttribute("to", "ALICE.SMITH@MAIL.TEST/res");
        raw.addAttribute("type", "chat");
        raw.addElement("body").setText("hi");
        Message m = new Message(raw, true);
        assertEquals("MAIL.TEST", m.getTo().getDomain(), "precondition: capitals kept");

        arrives(m);

        assertEquals("alice@openfire.test/res", m.getTo().toString());
    }

    @Test
    void anEmailAddressInTheXmppDomainReachesItsOwner() throws Exception {
        index.put("ab", "a.b@openfire.test");
        Message m = message(CAROL, new JID("a.b@openfire.test/res"));
        Message out = message(new JID("ab@openfire.test/pc"), CAROL);

        arrives(m);
        beforeRouting(out, mock(ClientSession.class));

        assertEquals(new JID("ab@openfire.test/res"), m.getTo());
        assertEquals(new JID("a.b@openfire.test/pc"), out.getFrom());
        assertThrows(PacketRejectedException.class, () -> arrives(message(CAROL, new JID("ab@openfire.test"))),
            "ab's native address is hidden");
    }

    @Test
    void anAddressThatIsAnotherUsersNativeJidIsNotUsed() throws Exception {
        index.put("carl", "frank@openfire.test");
        Message toFrank = message(CAROL, new JID("frank@openfire.test/pc"));
        Message fromCarl = message(new JID("carl@openfire.test/pc"), CAROL);

        arrives(toFrank);
        beforeRouting(fromCarl, mock(ClientSession.class));

        assertEquals(new JID("frank@openfire.test/pc"), toFrank.getTo(), "frank keeps his own address");
        assertEquals(new JID("carl@openfire.test/pc"), fromCarl.getFrom(), "carl federates with his native JID");
    }

    // ---- 5. inbound to a hidden native address ----

    @Test
    void inboundToTheNativeAddressOfAUserWithAnEmailAddressIsDroppedAndLogged() {
        Message m = message(CAROL, ALICE);

        assertThrows(PacketRejectedException.class, () -> arrives(m));

        assertEquals(ALICE, m.getTo(), "not redirected");
        assertTrue(sender.nothingSent(), "dropped silently: the native address must not be confirmed");
        assertTrue(rerouted.isEmpty());
        assertEquals(List.of("NATIVE_ADDRESS_DROPPED " + CAROL.getDomain() + " Dropped message from " + CAROL.getDomain()
            + ": addressed to the XMPP address of a user who federates with an email address"), emailEvents, "one event");
    }

    @Test
    void inboundIqToAHiddenNativeAddressIsNotAnsweredEither() {
        assertThrows(PacketRejectedException.class, () -> arrives(ping(CAROL, new JID("bob@openfire.test"), IQ.Type.get)));
        assertThrows(PacketRejectedException.class,
            () -> arrives(presence(Presence.Type.subscribe, CAROL.asBareJID(), new JID("bob@openfire.test"))));

        assertTrue(sender.nothingSent());
        assertEquals(2, emailEvents.size());
        assertTrue(emailEvents.stream().allMatch(e -> e.startsWith("NATIVE_ADDRESS_DROPPED " + CAROL.getDomain() + " ")), emailEvents.toString());
    }

    @Test
    void inboundToAUserWithoutAnAddressPassesUnchanged() throws Exception {
        Message m = message(CAROL, FRANK);
        String before = m.toXML();

        arrives(m);

        assertEquals(before, m.toXML());
        assertTrue(sender.nothingSent());
        assertEquals(0, emailLogLines());
    }

    // ---- 6. inbound to an address nobody has ----

    @Test
    void inboundMessageToAnUnknownEmailAddressIsAnsweredServiceUnavailable() {
        Message m = message(CAROL, NOBODY);

        assertThrows(PacketRejectedException.class, () -> arrives(m));

        assertEquals(1, sender.toRemote.size());
        assertTrue(sender.toLocal.isEmpty());
        Message error = (Message) sender.toRemote.get(0);
        assertEquals(Message.Type.error, error.getType());
        assertEquals(NOBODY, error.getFrom());
        assertEquals(CAROL, error.getTo());
        assertEquals("m1", error.getID());
        assertEquals(PacketError.Condition.service_unavailable, error.getError().getCondition());
        assertEquals(NOBODY, m.getTo(), "never relayed to another user");
        assertEquals(1, emailLogLines());
    }

    @Test
    void inboundIqToAnUnknownEmailAddressIsAnsweredWithTheChildCopied() {
        IQ iq = ping(CAROL, NOBODY, IQ.Type.get);

        assertThrows(PacketRejectedException.class, () -> arrives(iq));

        assertEquals(1, sender.toRemote.size());
        IQ error = (IQ) sender.toRemote.get(0);
        assertEquals(IQ.Type.error, error.getType());
        assertEquals("iq1", error.getID());
        assertEquals(NOBODY, error.getFrom());
        assertEquals(CAROL, error.getTo());
        assertEquals(PacketError.Condition.service_unavailable, error.getError().getCondition());
        assertNotNull(error.getChildElement());
        assertEquals("ping", error.getChildElement().getName());
        assertEquals("urn:xmpp:ping", error.getChildElement().getNamespaceURI());
    }

    @Test
    void inboundSubscribeToAnUnknownEmailAddressIsAnsweredUnsubscribed() {
        Presence subscribe = presence(Presence.Type.subscribe, CAROL.asBareJID(), NOBODY);

        assertThrows(PacketRejectedException.class, () -> arrives(subscribe));

        assertEquals(1, sender.toRemote.size());
        Presence answer = (Presence) sender.toRemote.get(0);
        assertEquals(Presence.Type.unsubscribed, answer.getType());
        assertEquals(NOBODY, answer.getFrom());
        assertEquals(CAROL.asBareJID(), answer.getTo());
    }

    @Test
    void otherStanzasToAnUnknownEmailAddressAreDroppedWithoutAnswer() {
        assertThrows(PacketRejectedException.class, () -> arrives(available(CAROL, NOBODY)));
        assertThrows(PacketRejectedException.class, () -> arrives(presence(Presence.Type.probe, CAROL.asBareJID(), NOBODY)));
        assertThrows(PacketRejectedException.class, () -> arrives(ping(CAROL, NOBODY, IQ.Type.result)));
        Message bounce = message(CAROL, NOBODY);
        bounce.setType(Message.Type.error);
        assertThrows(PacketRejectedException.class, () -> arrives(bounce), "an error is never answered");

        assertTrue(sender.nothingSent());
    }

    @Test
    void inboundIqToTheEmailDomainItselfIsAnswered() {
        JID domain = new JID("mail.test");

        assertThrows(PacketRejectedException.class, () -> arrives(ping(CAROL, domain, IQ.Type.get)));
        assertThrows(PacketRejectedException.class, () -> arrives(message(CAROL, domain)), "never relayed");

        assertEquals(1, sender.toRemote.size());
        IQ error = (IQ) sender.toRemote.get(0);
        assertEquals(IQ.Type.error, error.getType());
        assertEquals(domain, error.getFrom());
        assertEquals(CAROL, error.getTo());
        assertEquals(PacketError.Condition.service_unavailable, error.getError().getCondition());
    }

    @Test
    void anEmailDomainWithoutUsersIsStillOursAndAnswered() {
        domainStore.insert("old-mail.test", T0, true);
        email.reload();
        Message m = message(CAROL, new JID("someone@old-mail.test"));

        assertThrows(PacketRejectedException.class, () -> arrives(m));

        assertEquals(1, sender.toRemote.size());
        assertEquals(new JID("someone@old-mail.test"), sender.toRemote.get(0).getFrom());
    }

    // ---- 7. local to local ----

    @Test
    void aLocalStanzaToAnEmailAddressGoesToItsOwner() throws Exception {
        Message m = message(ALICE, new JID("bob@mail.test"));
        Message withResource = message(ALICE, new JID("bob@mail.test/laptop"));

        beforeRouting(m, aliceSession);
        beforeRouting(withResource, aliceSession);

        assertEquals(new JID("bob@openfire.test"), m.getTo());
        assertEquals(BOB, withResource.getTo());
        assertEquals(ALICE, m.getFrom(), "native addresses stay valid between local users");
        assertTrue(sender.nothingSent());
        assertTrue(counters.byDomain().isEmpty(), "local traffic is not judged by the policy");
    }

    @Test
    void aLocalStanzaToANativeAddressOrAServiceIsUnchanged() throws Exception {
        Message toBob = message(ALICE, BOB);
        toBob.setBody("alice@openfire.test here");
        Message toRoom = message(ALICE, ROOM.asBareJID());
        String bobBefore = toBob.toXML();
        String roomBefore = toRoom.toXML();

        beforeRouting(toBob, aliceSession);
        beforeRouting(toRoom, aliceSession);

        assertEquals(bobBefore, toBob.toXML());
        assertEquals(roomBefore, toRoom.toXML());
    }

    @Test
    void aLocalMessageToAnUnknownEmailAddressIsAnsweredThroughTheSendersSession() {
        Message m = message(ALICE, NOBODY);

        assertThrows(PacketRejectedException.class, () -> beforeRouting(m, aliceSession));

        assertTrue(sender.toRemote.isEmpty());
        assertEquals(1, sender.toLocal.size());
        assertSame(aliceSession, sender.viaSession.get(0));
        Message error = (Message) sender.toLocal.get(0);
        assertEquals(Message.Type.error, error.getType());
        assertEquals(NOBODY, error.getFrom());
        assertEquals(ALICE, error.getTo());
        assertEquals("m1", error.getID());
        assertEquals(PacketError.Condition.service_unavailable, error.getError().getCondition());
    }

    @Test
    void aLocalIqFromAServiceToAnUnknownEmailAddressIsAnsweredByUs() {
        IQ iq = ping(ROOM, NOBODY, IQ.Type.get);

        assertThrows(PacketRejectedException.class, () -> beforeRouting(iq, null));

        assertEquals(1, sender.toLocal.size());
        assertNull(sender.viaSession.get(0));
        IQ error = (IQ) sender.toLocal.get(0);
        assertEquals(IQ.Type.error, error.getType());
        assertEquals(ROOM, error.getTo());
        assertEquals(PacketError.Condition.service_unavailable, error.getError().getCondition());
    }

    /**
     * A rejected IQ from a local client session is answered by Openfire's IQ router itself (with
     * the error attached to the exception on 5.x), so the plugin must not send a second answer
     * (RFC 6120 8.2.3: exactly one).
     */
    @Test
    void aLocalClientIqToAnUnknownEmailAddressIsAnsweredOnceByOpenfiresIqRouter() {
        IQ iq = ping(ALICE, NOBODY, IQ.Type.get);

        assertThrows(PacketRejectedException.class, () -> beforeRouting(iq, aliceSession));

        assertTrue(sender.toLocal.isEmpty(),
            "Openfire's IQ router answers a rejected client IQ; a second answer would be wrong, got " + sender.toLocal);
    }

    // ---- 8. switched off ----

    @Test
    void switchedOffNothingIsRewrittenAnywhere() throws Exception {
        email.setEnabled(false);
        Message out = message(ALICE, CAROL);
        out.setBody("alice@openfire.test");
        String outBefore = out.toXML();
        Message atDelivery = message(ALICE, CAROL);
        Message toNative = message(CAROL, ALICE);
        Message local = message(ALICE, BOB);

        beforeRouting(out, aliceSession);
        delivered(atDelivery);
        arrives(toNative);
        beforeRouting(local, aliceSession);

        assertFalse(settings.enabled());
        assertEquals(outBefore, out.toXML());
        assertTrue(rerouted.isEmpty());
        assertEquals(ALICE, toNative.getTo(), "the native address is reachable again");
        assertEquals(BOB, local.getTo());
        assertTrue(sender.nothingSent());
        assertEquals(0, emailLogLines());
    }

    @Test
    void switchedOffTheEmailDomainIsARemoteDomainJudgedByThePolicy() throws Exception {
        email.setEnabled(false);
        denyAllBut("remote.test");
        Message m = message(ALICE, new JID("bob@mail.test"));
        Message inbound = message(CAROL, new JID("alice.smith@mail.test/res"));

        assertThrows(PacketRejectedException.class, () -> beforeRouting(m, aliceSession));

        assertEquals(new JID("bob@mail.test"), m.getTo(), "not redirected to bob");
        assertEquals(1, counters.byDomain().get("mail.test").deniedOutgoing());
        Message error = (Message) sender.toLocal.get(0);
        assertEquals(PacketError.Condition.not_allowed, error.getError().getCondition());
        assertEquals("Federation policy does not allow sending to mail.test (default policy DENY).", error.getError().getText());

        // with the policy allowing it, the stanza goes to mail.test as it is
        policy.set(FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of()));
        Message again = message(ALICE, new JID("bob@mail.test"));
        beforeRouting(again, aliceSession);
        assertEquals(new JID("bob@mail.test"), again.getTo());
        assertEquals(1, counters.byDomain().get("mail.test").allowedOutgoing());
        // and a federated stanza to it is not ours to deliver
        arrives(inbound);
        assertEquals(new JID("alice.smith@mail.test/res"), inbound.getTo());
    }

    // ---- 9. switched on, user list not read yet ----

    @Test
    void untilTheUserListIsReadFederatedTrafficIsHeldBackAndLocalTrafficFlows() throws Exception {
        EmailIndex unread = new EmailIndex(XMPP_DOMAIN);
        wire(unread);
        email.reload();
        assertFalse(email.ready());

        Message out = message(ALICE, CAROL);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(out, aliceSession), "fail closed");
        assertEquals(ALICE, out.getFrom());
        assertThrows(PacketRejectedException.class, () -> delivered(message(ALICE, CAROL)));
        assertTrue(rerouted.isEmpty());
        Message in = message(CAROL, new JID("alice.smith@mail.test/res"));
        assertThrows(PacketRejectedException.class, () -> arrives(in));
        assertEquals(new JID("alice.smith@mail.test/res"), in.getTo());
        assertThrows(PacketRejectedException.class, () -> arrives(ping(CAROL, NOBODY, IQ.Type.get)));
        assertTrue(sender.nothingSent(), "nobody is known yet, so nobody is refused by name");

        Message local = message(ALICE, BOB);
        beforeRouting(local, aliceSession);
        beforeRouting(message(ALICE, ROOM.asBareJID()), aliceSession);
        assertEquals(BOB, local.getTo());

        // once read, the same traffic flows with email addresses
        Map<String, String> users = new HashMap<>();
        users.put("alice", "alice.smith@mail.test");
        unread.replaceAll(users);
        Message later = message(ALICE, CAROL);
        beforeRouting(later, aliceSession);
        assertEquals(ALICE_EMAIL, later.getFrom());
    }

    // ---- 10. the policy comes first ----

    @Test
    void anInboundStanzaThePolicyDeniesIsNotRedirected() {
        policy.set(FederationPolicy.of(true, DefaultPolicy.DENY, List.of()));
        Message m = message(CAROL, new JID("alice.smith@mail.test/res"));

        assertThrows(PacketRejectedException.class, () -> arrives(m));

        assertEquals(new JID("alice.smith@mail.test/res"), m.getTo(), "to is not rewritten");
        assertEquals(1, counters.byDomain().get("remote.test").deniedIncoming());
        assertEquals(List.of("remote.test"), closed);
        assertTrue(sender.nothingSent());
        assertEquals(0, emailLogLines(), "denied by the policy, not by the email handling");
    }

    @Test
    void anOutboundStanzaThePolicyDeniesIsNotRewritten() {
        policy.set(FederationPolicy.of(true, DefaultPolicy.DENY, List.of()));
        Message m = message(ALICE, CAROL);
        m.setBody("alice@openfire.test");

        assertThrows(PacketRejectedException.class, () -> beforeRouting(m, aliceSession));
        assertThrows(PacketRejectedException.class, () -> delivered(message(ALICE, CAROL)));

        assertEquals(ALICE, m.getFrom());
        assertEquals("alice@openfire.test", m.getBody());
        assertTrue(rerouted.isEmpty(), "a stanza the policy stops at delivery is not rerouted");
        Message bounce = (Message) sender.toLocal.get(0);
        assertEquals(ALICE, bounce.getTo(), "the bounce goes to the native sender");
        assertEquals(PacketError.Condition.not_allowed, bounce.getError().getCondition());
    }

    // ---- 11. a fault in the email handling ----

    @Test
    void aFaultInTheEmailHandlingDeniesFederatedStanzasButNotLocalOnes() throws Exception {
        EmailIndex broken = spy(index);
        doThrow(new IllegalStateException("index broken")).when(broken).ownerOf(anyString());
        doThrow(new IllegalStateException("index broken")).when(broken).federationAddress(anyString());
        wire(broken);
        email.reload();

        Message out = message(ALICE, CAROL);
        PacketRejectedException e = assertThrows(PacketRejectedException.class, () -> beforeRouting(out, aliceSession));
        assertEquals("Federation plugin unavailable", e.getMessage());
        assertThrows(PacketRejectedException.class, () -> arrives(message(CAROL, new JID("alice.smith@mail.test/res"))));
        assertThrows(PacketRejectedException.class, () -> arrives(message(CAROL, FRANK)));
        assertThrows(PacketRejectedException.class, () -> delivered(message(ALICE, CAROL)));
        assertTrue(rerouted.isEmpty());

        Message local = message(ALICE, BOB);
        Message localToEmail = message(ALICE, new JID("bob@mail.test"));
        beforeRouting(local, aliceSession);
        beforeRouting(localToEmail, aliceSession);
        assertEquals(BOB, local.getTo());
        assertEquals(new JID("bob@mail.test"), localToEmail.getTo(), "routed unchanged");
        assertTrue(sender.nothingSent());
    }

    @Test
    void aFaultWhileAnsweringAnUnknownAddressStillRejects() {
        ErrorSender failing = new ErrorSender() {
            @Override
            public void toLocal(Packet error, Session session) {
                throw new IllegalStateException("router down");
            }

            @Override
            public void toRemote(Packet error) {
                throw new IllegalStateException("router down");
            }
        };
        EmailAddressing addressing = new EmailAddressing(email, failing, rerouted::add, emailLog);
        interceptor = interceptor(failing, addressing);

        Message m = message(CAROL, NOBODY);
        PacketRejectedException e = assertThrows(PacketRejectedException.class, () -> arrives(m));

        assertEquals("Federation plugin unavailable", e.getMessage());
        assertEquals(NOBODY, m.getTo(), "never relayed");
    }
}
