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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.Session;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.address.packet.MultipleAddresses;
import org.jivesoftware.smackx.caps.packet.CapsExtension;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.packet.GroupChatInvitation;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.nick.packet.Nick;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xhtmlim.packet.XHTMLExtension;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.email.MemoryEmailDomainStore;
import org.xmppfed.openfire.email.MemoryEmailSettings;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;

/**
 * The product rule on a corpus of real-world stanzas, through the plugin's own per-stanza path:
 * while the switch is on, no native JID of a local user who has a usable email address leaves for
 * a federated domain, neither as sender nor anywhere in the payload; users without a usable address
 * keep their native JID, unchanged.
 *
 * <p>Each stanza is parsed into a Tinder packet and handed to {@link FederationInterceptor} with
 * the policy step and {@link EmailAddressing}, wired as the plugin wires them, the way Openfire
 * hands it over:
 * <ul>
 * <li><b>sent by a local entity</b>: before routing ({@code incoming=true, processed=false}, with
 * the user's client session, or none for the MUC room), then to the federated domain's outgoing
 * server session ({@code incoming=false}); the sender is the prepared address Openfire stamps on
 * what a client sends;</li>
 * <li><b>routed past the routers</b> (server-generated presence, subscription copies, archived and
 * forwarded stanzas): to the outgoing server session only, with the sender as its producer wrote
 * it (Tinder keeps a {@code from} attribute as written).</li>
 * </ul>
 * The copy the plugin reroutes instead of a stanza that still names a native JID goes through the
 * outgoing server session again, as Openfire's routing table hands it there. What passes the
 * outgoing server session goes on the wire, and that is what is checked: exactly one stanza, with
 * every native JID of a user with an address replaced by the address and nothing else changed.
 *
 * <p>The corpus has two halves. {@link #xepCorpus()} instantiates hand-written templates that
 * follow the examples of the XEPs concerned (RFC 6121 presence and subscriptions, XEP-0144 roster
 * item exchange, XEP-0045 MUC presence, mediated invitations and declines, admin lists and
 * configuration forms, XEP-0249 direct invitations, XEP-0033 extended addressing, XEP-0054 vCard
 * and XEP-0292 vCard4, XEP-0203 delay, XEP-0297 forwarding, XEP-0280 carbons, XEP-0313 MAM,
 * XEP-0163 PEP, XEP-0071 XHTML-IM, XEP-0166 Jingle, XEP-0065 bytestreams) plus message bodies that
 * quote an address in the ways people write them. {@link #smackCorpus()} builds stanzas with
 * Smack's own stanza and extension classes and takes their {@code toXML()}, so the XML is what a
 * Smack client produces. Every template is instantiated for each user with an address, with the
 * native JID in lower, capitalised and upper case, and with a different resource per user; in a
 * share of them the sender is a local user without an address (or the MUC room), so the address
 * occurs in the payload only.
 */
class NativeJidLeakTest {
    private static final String DOMAIN = "openfire.test";
    /** Users with a usable address: username to the address as the user provider gives it. */
    private static final Map<String, String> MAPPED = new LinkedHashMap<>();
    /** Users whose native JID must stay: no address, malformed address, a shared one (twice). */
    private static final List<String> UNMAPPED = List.of("frank", "gina", "henry", "ivan");
    private static final Map<String, String> RESOURCES = Map.of(
        "alice", "phone", "bob", "Laptop.x7Ka", "chris.o-brien", "Home Office", "zoe_k", "gajim.QW3e");

    static {
        MAPPED.put("alice", "Alice.Smith@mail.test");
        MAPPED.put("bob", "bob@mail.test");
        MAPPED.put("chris.o-brien", "Chris.OBrien@Corp.Example");
        MAPPED.put("zoe_k", "zoe@mail.test");
    }

    private static final ClientSession CLIENT_SESSION = mock(ClientSession.class);
    private static final OutgoingServerSession TO_REMOTE = mock(OutgoingServerSession.class);

    // ---- the stanza path, as the plugin runs it ----

    private static EmailFederation federation(boolean enabled) {
        EmailIndex index = new EmailIndex(DOMAIN);
        Map<String, String> users = new LinkedHashMap<>(MAPPED);
        users.put("frank", null);
        users.put("gina", "gina(at)mail.test");
        users.put("henry", "shared@mail.test");
        users.put("ivan", "shared@mail.test");
        index.replaceAll(users);
        MemoryEmailSettings settings = new MemoryEmailSettings();
        settings.setEnabled(enabled);
        EmailFederation email = new EmailFederation(new MemoryEmailDomainStore(), settings, index,
            NativeJidLeakTest::openfireServes, Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
        email.reload();
        MemoryEmailDomainStore.approveUserDomains(email);
        return email;
    }

    /** The names Openfire itself answers for: the XMPP domain and the MUC service. */
    private static boolean openfireServes(String domain) {
        return domain.equals(DOMAIN) || domain.equals("conference." + DOMAIN);
    }

    /**
     * The plugin's interceptor (policy step, then email step; the policy allows everything) for one
     * stanza, and what it lets through to the federated domain.
     */
    private static final class PluginPath {
        /** What passed the outgoing server session: what goes on the wire. */
        final List<Packet> onTheWire = new ArrayList<>();
        /** Answers the plugin routed (error stanzas), to anybody. */
        final List<Packet> answers = new ArrayList<>();
        final FederationInterceptor interceptor;

        PluginPath(EmailFederation email) {
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
            PolicyStep policy = new PolicyStep(() -> FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of()),
                new PolicyCounters(), errors, domain -> fail("no session is closed: " + domain),
                EventLog.NONE);
            // The reroute goes where RemoteRouting.route sends it: to the outgoing server session.
            EmailAddressing addressing = new EmailAddressing(email, errors, this::toOutgoingServerSession,
                EventLog.NONE);
            interceptor = new FederationInterceptor(d -> openfireServes(d) || email.isEmailDomain(d), DOMAIN,
                List.of(policy, addressing));
        }

        /** A stanza of a local user (client session) or of the MUC room (no session), as Openfire routes it. */
        void sentByLocalEntity(Packet packet) throws PacketRejectedException {
            JID from = packet.getFrom();
            Session session = from != null && from.getNode() != null && DOMAIN.equals(from.getDomain()) ? CLIENT_SESSION : null;
            interceptor.interceptPacket(packet, session, true, false);
            toOutgoingServerSession(packet);
        }

        /** Openfire handing a stanza to the federated domain's outgoing server session. */
        void toOutgoingServerSession(Packet packet) {
            try {
                interceptor.interceptPacket(packet, TO_REMOTE, false, false);
                onTheWire.add(packet);
            } catch (PacketRejectedException notSent) {
                // replaced by a rerouted copy, or dropped: either way not on the wire
            }
        }
    }

    private static Packet parse(String xml) throws Exception {
        Element root = DocumentHelper.parseText(xml).getRootElement();
        return switch (root.getName()) {
            case "message" -> new org.xmpp.packet.Message(root);
            case "presence" -> new org.xmpp.packet.Presence(root);
            case "iq" -> new org.xmpp.packet.IQ(root);
            default -> throw new IllegalArgumentException("not a stanza: " + xml);
        };
    }

    // ---- the tests ----

    @TestFactory
    Stream<DynamicNode> noStanzaOfTheCorpusLeavesWithANativeJid() throws Exception {
        List<Case> corpus = corpus();
        EmailFederation email = federation(true);
        long xep = corpus.stream().filter(c -> c.source.equals("xep")).count();
        String size = corpus.size() + " stanzas (" + xep + " from XEP templates, " + (corpus.size() - xep) + " built with Smack)";
        return Stream.of(
            container("sent by a local entity", "before routing, then to the outgoing server session, " + size, corpus,
                c -> () -> {
                    Packet packet = parse(c.xml);
                    String before = packet.toXML();
                    PluginPath plugin = new PluginPath(email);
                    plugin.sentByLocalEntity(packet);
                    check(before, plugin);
                }),
            container("routed past the routers", "to the outgoing server session only, " + size, corpus,
                c -> () -> {
                    Packet packet = parse(c.pastTheRoutersXml);
                    String before = packet.toXML();
                    PluginPath plugin = new PluginPath(email);
                    plugin.toOutgoingServerSession(packet);
                    assertEquals(before, packet.toXML(), "the stanza handed over stays as it was (a copy is rerouted)");
                    check(before, plugin);
                }));
    }

    private static DynamicContainer container(String path, String how, List<Case> corpus, Function<Case, Executable> run) {
        return DynamicContainer.dynamicContainer(path + ": " + how, corpus.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> {
            try {
                run.apply(c).execute();
            } catch (AssertionError e) {
                throw new AssertionError(path + ", " + c.name + ": " + e.getMessage(), e);
            }
        })));
    }

    /** What went on the wire for a stanza that was {@code before} when it reached the plugin. */
    private static void check(String before, PluginPath plugin) throws Exception {
        List<String> mappedIn = mappedUsersIn(before);
        assertFalse(mappedIn.isEmpty(), "corpus error: the stanza quotes no local user with an address: " + before);
        assertTrue(plugin.answers.isEmpty(), "the plugin answered instead of passing the stanza on: " + plugin.answers);
        assertEquals(1, plugin.onTheWire.size(), "stanzas on the wire for " + before);
        Packet sent = plugin.onTheWire.get(0);
        String after = sent.toXML();

        for (String user : MAPPED.keySet()) {
            String nativeJid = user + "@" + DOMAIN;
            int at = after.toLowerCase(Locale.ROOT).indexOf(nativeJid);
            if (at >= 0) {
                fail("native JID " + nativeJid + " leaks at " + at + ": ..."
                    + after.substring(Math.max(0, at - 60), Math.min(after.length(), at + 60)) + "...\nin " + after);
            }
        }
        for (String user : mappedIn) {
            String address = MAPPED.get(user).toLowerCase(Locale.ROOT);
            assertTrue(after.contains(address), "expected " + address + " in " + after);
        }
        for (String user : UNMAPPED) {
            assertEquals(occurrences(before, user + "@" + DOMAIN), occurrences(after, user + "@" + DOMAIN),
                "native JID of " + user + " (no usable address) must stay as it was");
        }
        assertEquals(replaceNativeJids(before), after, "exactly the native JIDs are replaced, everything else is kept");
        JID from = sent.getFrom();
        if (from != null && from.getNode() != null && MAPPED.containsKey(from.getNode().toLowerCase(Locale.ROOT))
            && from.getDomain().equalsIgnoreCase(DOMAIN)) {
            fail("sender still native: " + from);
        }
        parse(after); // still a well-formed stanza
    }

    /** Control: with the switch off, the plugin lets every stanza of the corpus out as it was sent. */
    @Test
    void withTheSwitchOffEveryStanzaLeavesAsItWasSent() throws Exception {
        EmailFederation off = federation(false);
        for (Case c : corpus()) {
            Packet sent = parse(c.xml);
            String sentBefore = sent.toXML();
            PluginPath byLocalEntity = new PluginPath(off);
            byLocalEntity.sentByLocalEntity(sent);
            Packet routed = parse(c.pastTheRoutersXml);
            String routedBefore = routed.toXML();
            PluginPath pastTheRouters = new PluginPath(off);
            pastTheRouters.toOutgoingServerSession(routed);

            assertEquals(1, byLocalEntity.onTheWire.size(), c.name);
            assertSame(sent, byLocalEntity.onTheWire.get(0), c.name);
            assertEquals(sentBefore, sent.toXML(), c.name);
            assertEquals(1, pastTheRouters.onTheWire.size(), c.name);
            assertSame(routed, pastTheRouters.onTheWire.get(0), c.name + ": not a rerouted copy");
            assertEquals(routedBefore, routed.toXML(), c.name);
            assertTrue(byLocalEntity.answers.isEmpty() && pastTheRouters.answers.isEmpty(), c.name);
        }
    }

    // ---- checks ----

    /** Users with an address whose native JID occurs (any case) in {@code xml}. */
    private static List<String> mappedUsersIn(String xml) {
        String lower = xml.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String user : MAPPED.keySet()) {
            if (lower.contains(user + "@" + DOMAIN)) {
                found.add(user);
            }
        }
        return found;
    }

    /** Every occurrence of {@code jid} in any case, as written. */
    private static List<String> occurrences(String xml, String jid) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(jid), Pattern.CASE_INSENSITIVE).matcher(xml);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * The expected result: {@code xml} with every native JID of a user with an address replaced by
     * the address (the corpus quotes them only where they are meant as that user's address).
     */
    private static String replaceNativeJids(String xml) {
        String result = xml;
        for (Map.Entry<String, String> e : MAPPED.entrySet()) {
            result = Pattern.compile(Pattern.quote(e.getKey() + "@" + DOMAIN), Pattern.CASE_INSENSITIVE).matcher(result)
                .replaceAll(Matcher.quoteReplacement(e.getValue().toLowerCase(Locale.ROOT)));
        }
        return result;
    }

    // ---- the corpus ----

    /**
     * One stanza of the corpus: {@code xml} with the sender as Openfire stamps it on what a local
     * client sends (prepared), {@code pastTheRoutersXml} the same stanza with the user's own address
     * as sender written in the case variant of the instantiation, as a stanza that did not come
     * from a client session may carry it.
     */
    private record Case(String source, String name, String xml, String pastTheRoutersXml) {
    }

    private static List<Case> corpus() throws Exception {
        List<Case> all = new ArrayList<>(xepCorpus());
        all.addAll(smackCorpus());
        return all;
    }

    /**
     * One instantiation: a user with an address ({@code me}, in the case of {@code variant}: 0 lower,
     * 1 capitalised with {@code OpenFire.Test}, 2 upper), another user with an address
     * ({@code peer}), a local user without one ({@code nomail}) and the sender (the user, or for
     * variant 2 {@code nomail}, so that the address is in the payload only). With {@code stamped},
     * the user's own address as sender ({@code self}) is the prepared one Openfire stamps on what a
     * client sends; without, it is written like {@code me}.
     */
    private static final class Ctx {
        final String user;
        final int variant;
        final String local;
        final String me;
        final String res;
        final String meFull;
        /** The user's JID as sender: as Openfire stamps it on a client's stanza (prepared: lower case), or like {@code me}. */
        final String self;
        final String selfFull;
        final String nick;
        final String peer;
        final String peerFull;
        final String nomail;
        final String from;
        final String to = "carol@remote.test/pc";
        final String room = "room@conference." + DOMAIN;

        Ctx(int userIndex, int variant, int rotation, boolean stamped) {
            List<String> users = new ArrayList<>(MAPPED.keySet());
            this.user = users.get(userIndex);
            this.variant = variant;
            String domain = switch (variant) {
                case 0 -> DOMAIN;
                case 1 -> "OpenFire.Test";
                default -> "OPENFIRE.TEST";
            };
            this.local = switch (variant) {
                case 0 -> user;
                case 1 -> Character.toUpperCase(user.charAt(0)) + user.substring(1);
                default -> user.toUpperCase(Locale.ROOT);
            };
            this.me = local + "@" + domain;
            this.res = RESOURCES.get(user);
            this.meFull = me + "/" + res;
            this.self = stamped ? user + "@" + DOMAIN : me;
            this.selfFull = self + "/" + res;
            this.nick = Character.toUpperCase(user.charAt(0)) + user.substring(1);
            this.peer = users.get((userIndex + 1) % users.size()) + "@" + DOMAIN;
            this.peerFull = peer + "/laptop";
            this.nomail = UNMAPPED.get(rotation % UNMAPPED.size()) + "@" + DOMAIN;
            this.from = variant == 2 ? nomail + "/pc" : selfFull;
        }

        String fill(String template) {
            return template.replace("{selfFull}", selfFull).replace("{self}", self)
                .replace("{meFull}", meFull).replace("{me}", me).replace("{from}", from)
                .replace("{nick}", nick).replace("{peerFull}", peerFull).replace("{peer}", peer)
                .replace("{nomail}", nomail).replace("{to}", to).replace("{room}", room).replace("{res}", res)
                .replace("{local}", local);
        }

        String tag() {
            return user + "/" + (variant == 0 ? "lower" : variant == 1 ? "Capitalised" : "UPPER") + (variant == 2 ? "/payload-only" : "");
        }
    }

    // -- (a) XEP templates --

    /** Name to template; placeholders as in {@link Ctx#fill}. Single-quoted attributes as in the XEPs. */
    private static final Map<String, String> TEMPLATES = new LinkedHashMap<>();

    static {
        // RFC 6121
        TEMPLATES.put("RFC 6121 chat message", """
            <message xmlns='jabber:client' from='{from}' to='{to}' type='chat' id='ktx72v49'>\
            <body>Hi, it's {nick} ({me}). Add {meFull} or xmpp:{me}?message</body>\
            <active xmlns='http://jabber.org/protocol/chatstates'/></message>""");
        TEMPLATES.put("RFC 6121 message with subject and thread", """
            <message xmlns='jabber:client' from='{from}' to='{to}' type='normal' id='b4vs9km4' xml:lang='en'>\
            <subject>Contact for the project: {me}</subject><body>Please write to {me}, cc {peer}.</body>\
            <thread>e0ffe42b28561960c6b12b944a092794b9683a38</thread></message>""");
        TEMPLATES.put("RFC 6121 presence with status", """
            <presence xmlns='jabber:client' from='{from}' to='{to}'><show>away</show>\
            <status>On the phone - reach me at {me} later</status><priority>5</priority>\
            <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://psi-im.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/></presence>""");
        TEMPLATES.put("RFC 6121 subscription request with nick", """
            <presence xmlns='jabber:client' from='{self}' to='carol@remote.test' type='subscribe' id='xk3h1v69'>\
            <nick xmlns='http://jabber.org/protocol/nick'>{nick}</nick><status>I am {me}, {peer} gave me your address</status></presence>""");
        TEMPLATES.put("RFC 6121 subscription approval", """
            <presence xmlns='jabber:client' from='{self}' to='carol@remote.test' type='subscribed' id='h4v1c4kj'/>""");
        TEMPLATES.put("RFC 6121 unsubscribe", """
            <presence xmlns='jabber:client' from='{self}' to='carol@remote.test' type='unsubscribe' id='ul4bs71n'/>""");
        TEMPLATES.put("RFC 6121 probe", """
            <presence xmlns='jabber:client' from='{self}' to='carol@remote.test' type='probe' id='ign291v5'/>""");
        TEMPLATES.put("RFC 6120 IQ error with text", """
            <iq xmlns='jabber:client' from='{from}' to='{to}' type='error' id='v1'><query xmlns='jabber:iq:version'/>\
            <error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>\
            <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>{me} does not answer version queries</text></error></iq>""");
        // XEP-0144
        TEMPLATES.put("XEP-0144 roster item exchange message", """
            <message xmlns='jabber:client' from='{from}' to='{to}'><body>Some visitors, m'lady!</body>\
            <x xmlns='http://jabber.org/protocol/rosterx'>\
            <item action='add' jid='{me}' name='{nick}'><group>Visitors</group></item>\
            <item action='add' jid='{peer}' name='Peer'><group>Visitors</group></item>\
            <item action='modify' jid='{nomail}' name='No mail'><group>Friends</group></item>\
            <item action='delete' jid='dan@chat.remote.test'/></x></message>""");
        TEMPLATES.put("XEP-0144 roster item exchange IQ", """
            <iq xmlns='jabber:client' from='{from}' to='{to}' type='set' id='rosterx_1'>\
            <x xmlns='http://jabber.org/protocol/rosterx'><item action='add' jid='{me}' name='{nick}'>\
            <group>Colleagues</group></item><item action='add' jid='{nomail}'/></x></iq>""");
        // XEP-0045
        TEMPLATES.put("XEP-0045 occupant presence, non-anonymous room", """
            <presence xmlns='jabber:client' from='{room}/{nick}' to='{to}' id='n13mt3l'>\
            <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://conversations.im' ver='QHs4wTx2yDCWlDMJJxHw2tADsOM='/>\
            <x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant' jid='{meFull}'/></x></presence>""");
        TEMPLATES.put("XEP-0045 nick change", """
            <presence xmlns='jabber:client' from='{room}/{nick}' to='{to}' type='unavailable'>\
            <x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' jid='{meFull}' nick='{nick}2' role='participant'/>\
            <status code='303'/></x></presence>""");
        TEMPLATES.put("XEP-0045 kick with actor", """
            <presence xmlns='jabber:client' from='{room}/{nick}' to='{to}' type='unavailable'>\
            <x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none' jid='{meFull}'>\
            <actor nick='Peer' jid='{peerFull}'/><reason>Avaunt, {me}!</reason></item><status code='307'/></x></presence>""");
        TEMPLATES.put("XEP-0045 mediated invitation", """
            <message xmlns='jabber:client' from='{room}' to='{to}' id='nzd143v8'>\
            <body>{me} invites you to the room {room}</body>\
            <x xmlns='http://jabber.org/protocol/muc#user'><invite from='{meFull}'><reason>Hey Carol, this is the place for all \
            good witches! -- {me}</reason><continue thread='e0ffe42b28561960c6b12b944a092794b9683a38'/></invite>\
            <password>cauldronburn</password></x><x xmlns='jabber:x:conference' jid='{room}'/></message>""");
        TEMPLATES.put("XEP-0045 invitation declined", """
            <message xmlns='jabber:client' from='{room}' to='{to}' id='jk2vs61v'>\
            <x xmlns='http://jabber.org/protocol/muc#user'><decline from='{me}'><reason>Sorry, I'm too busy right now.</reason>\
            </decline></x></message>""");
        TEMPLATES.put("XEP-0045 member list", """
            <iq xmlns='jabber:client' from='{room}' to='{to}' type='result' id='member3'>\
            <query xmlns='http://jabber.org/protocol/muc#admin'>\
            <item affiliation='member' jid='{me}' nick='{nick}' role='participant'/>\
            <item affiliation='admin' jid='{peer}' role='moderator'/>\
            <item affiliation='member' jid='{nomail}' nick='nomail' role='participant'/></query></iq>""");
        TEMPLATES.put("XEP-0045 room configuration form", """
            <iq xmlns='jabber:client' from='{room}' to='{to}' type='result' id='config1'>\
            <query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='form'>\
            <title>Configuration for room</title>\
            <field type='hidden' var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>\
            <field label='Room Admins' type='jid-multi' var='muc#roomconfig_roomadmins'><value>{me}</value><value>{nomail}</value></field>\
            <field label='Room Owners' type='jid-multi' var='muc#roomconfig_roomowners'><value>{peer}</value></field>\
            <field label='Contact' type='text-single' var='muc#roominfo_contactjid'><value>{me}</value></field>\
            </x></query></iq>""");
        TEMPLATES.put("XEP-0045 groupchat message with ofrom and delay", """
            <message xmlns='jabber:client' from='{room}/{nick}' to='{to}' type='groupchat' id='hysf1v37'>\
            <body>{nick}: ping {me}, see xmpp:{room}?join</body>\
            <addresses xmlns='http://jabber.org/protocol/address'><address type='ofrom' jid='{meFull}'/></addresses>\
            <delay xmlns='urn:xmpp:delay' from='{room}' stamp='2002-10-13T23:58:37Z'/></message>""");
        TEMPLATES.put("XEP-0045 invite URI in a body", """
            <message xmlns='jabber:client' from='{from}' to='{to}' type='chat' id='uri1'>\
            <body>Join us: xmpp:{room}?invite;jid={me};password=cauldronburn</body></message>""");
        TEMPLATES.put("XEP-0045 room subject set by occupant", """
            <message xmlns='jabber:client' from='{room}/{nick}' to='{to}' type='groupchat' id='lh2bs617'>\
            <subject>Questions to {me} please</subject></message>""");
        // XEP-0249
        TEMPLATES.put("XEP-0249 direct invitation", """
            <message xmlns='jabber:client' from='{from}' to='{to}'>\
            <x xmlns='jabber:x:conference' jid='{room}' password='cauldronburn' reason='Hey Carol, join us. -- {me}'/></message>""");
        TEMPLATES.put("XEP-0249 direct invitation, continued one-to-one chat", """
            <message xmlns='jabber:client' from='{selfFull}' to='{to}'>\
            <x xmlns='jabber:x:conference' continue='true' jid='{room}' reason='We continue here' thread='e0ffe42b28561960'/></message>""");
        // XEP-0033
        TEMPLATES.put("XEP-0033 multicast message", """
            <message xmlns='jabber:client' from='{from}' to='multicast.remote.test'><body>Hello, world!</body>\
            <addresses xmlns='http://jabber.org/protocol/address'>\
            <address type='to' jid='{peer}/Work' desc='Peer'/>\
            <address type='cc' jid='carol@remote.test/pc' delivered='true'/>\
            <address type='bcc' jid='{nomail}'/>\
            <address type='replyto' jid='{meFull}' desc='{nick} ({me})'/>\
            <address type='replyroom' jid='{room}'/>\
            <address type='to' uri='xmpp:{me}' desc='by uri'/>\
            <address type='noreply'/></addresses></message>""");
        TEMPLATES.put("XEP-0033 multicast presence", """
            <presence xmlns='jabber:client' from='{from}' to='multicast.remote.test'>\
            <addresses xmlns='http://jabber.org/protocol/address'><address type='to' jid='{me}'/>\
            <address type='ofrom' jid='{meFull}'/></addresses></presence>""");
        // XEP-0054 / XEP-0292
        TEMPLATES.put("XEP-0054 vCard result", """
            <iq xmlns='jabber:client' from='{self}' to='{to}' type='result' id='v1'><vCard xmlns='vcard-temp'>\
            <FN>{nick} Example</FN><N><FAMILY>Example</FAMILY><GIVEN>{nick}</GIVEN></N><NICKNAME>{nick}</NICKNAME>\
            <URL>xmpp:{me}</URL><ORG><ORGNAME>Example Corp</ORGNAME></ORG>\
            <EMAIL><INTERNET/><PREF/><USERID>{me}</USERID></EMAIL>\
            <JABBERID>{me}</JABBERID><NOTE>Assistant: {peer}. IM: {me}</NOTE>\
            <DESC>More information: https://example.org/~{local}</DESC></vCard></iq>""");
        TEMPLATES.put("XEP-0054 vCard of a colleague naming the user", """
            <iq xmlns='jabber:client' from='{peer}' to='{to}' type='result' id='v2'><vCard xmlns='vcard-temp'>\
            <FN>Colleague</FN><JABBERID>{peer}</JABBERID><NOTE>Deputy: {me}</NOTE></vCard></iq>""");
        TEMPLATES.put("XEP-0292 vCard4 result", """
            <iq xmlns='jabber:client' from='{self}' to='{to}' type='result' id='v4'>\
            <vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>{nick}</text></fn>\
            <impp><uri>xmpp:{me}</uri></impp><email><text>{me}</text></email></vcard></iq>""");
        // XEP-0203
        TEMPLATES.put("XEP-0203 delayed presence", """
            <presence xmlns='jabber:client' from='{from}' to='{to}'><status>anon!</status><show>xa</show><priority>1</priority>\
            <delay xmlns='urn:xmpp:delay' from='{meFull}' stamp='2002-09-10T23:41:07Z'/>\
            <x xmlns='jabber:x:delay' from='{me}' stamp='20020910T23:41:07'/></presence>""");
        TEMPLATES.put("XEP-0203 offline message", """
            <message xmlns='jabber:client' from='{selfFull}' to='{to}' type='chat'><body>Are you there?</body>\
            <delay xmlns='urn:xmpp:delay' from='{DOMAIN}' stamp='2002-09-10T23:08:25Z'>Offline Storage</delay></message>"""
            .replace("{DOMAIN}", DOMAIN));
        // XEP-0297 / XEP-0280 / XEP-0313
        TEMPLATES.put("XEP-0297 forwarded message", """
            <message xmlns='jabber:client' from='{from}' to='{to}' id='28gs'><body>A most courteous exposition!</body>\
            <forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2010-07-10T23:08:25Z'/>\
            <message from='{peerFull}' id='0202197' to='{meFull}' type='chat' xmlns='jabber:client'>\
            <body>Yet I should kill thee with much cherishing, {me}.</body></message></forwarded></message>""");
        TEMPLATES.put("XEP-0280 carbon received", """
            <message xmlns='jabber:client' from='{self}' to='{to}' type='chat'>\
            <received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>\
            <message xmlns='jabber:client' from='dan@chat.remote.test/balcony' to='{meFull}' type='chat' id='0202197'>\
            <body>Wherefore art thou, {nick}?</body><thread>0e3141cd80894871a68e6fe6b1ec56fa</thread></message>\
            </forwarded></received></message>""");
        TEMPLATES.put("XEP-0280 carbon sent", """
            <message xmlns='jabber:client' from='{self}' to='{to}' type='chat'>\
            <sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>\
            <message xmlns='jabber:client' to='dan@chat.remote.test/balcony' from='{meFull}' type='chat' id='0202197'>\
            <body>Neither, fair saint, if either thee dislike.</body></message></forwarded></sent></message>""");
        TEMPLATES.put("XEP-0313 MAM result from a MUC archive", """
            <message xmlns='jabber:client' from='{room}' to='{to}' id='aeb213'>\
            <result xmlns='urn:xmpp:mam:2' queryid='f27' id='28482-98726-73623'>\
            <forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2010-07-10T23:08:25Z'/>\
            <message xmlns='jabber:client' from='{room}/{nick}' type='groupchat' id='162BEBB1-F6DB-4D9A-9BD8-CFDCC801A0B2'>\
            <body>Thrice the brinded cat hath mew'd. Ask {me}.</body>\
            <x xmlns='http://jabber.org/protocol/muc#user'><item jid='{meFull}'/></x></message>\
            </forwarded></result></message>""");
        TEMPLATES.put("XEP-0313 MAM result from a personal archive", """
            <message xmlns='jabber:client' from='{self}' to='{to}' id='aeb214'>\
            <result xmlns='urn:xmpp:mam:2' queryid='f28' id='5d398-28273-f7382'>\
            <forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2010-07-10T23:09:32Z'/>\
            <message xmlns='jabber:client' to='carol@remote.test' from='{meFull}' type='chat'>\
            <body>Hail to thee</body></message></forwarded></result></message>""");
        // XEP-0163 / XEP-0060
        TEMPLATES.put("XEP-0163 PEP notification with replyto", """
            <message xmlns='jabber:client' from='{self}' to='{to}' type='headline' id='tunefoo'>\
            <event xmlns='http://jabber.org/protocol/pubsub#event'><items node='http://jabber.org/protocol/tune'>\
            <item id='current' publisher='{me}'><tune xmlns='http://jabber.org/protocol/tune'><artist>Yes</artist>\
            <title>Heart of the Sunrise</title></tune></item></items></event>\
            <addresses xmlns='http://jabber.org/protocol/address'><address type='replyto' jid='{meFull}'/></addresses></message>""");
        TEMPLATES.put("XEP-0030 disco items of a PEP service", """
            <iq xmlns='jabber:client' from='{self}' to='{to}' type='result' id='items1'>\
            <query xmlns='http://jabber.org/protocol/disco#items'>\
            <item jid='{me}' node='http://jabber.org/protocol/tune' name='Tune'/>\
            <item jid='{me}' node='urn:xmpp:avatar:metadata'/></query></iq>""");
        // XEP-0071
        TEMPLATES.put("XEP-0071 XHTML-IM body with links", """
            <message xmlns='jabber:client' from='{from}' to='{to}' type='chat'><body>Contact {nick}: xmpp:{me}?message</body>\
            <html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>\
            <p>Contact <a href='xmpp:{me}?message'>{nick}</a> or <a href='mailto:{me}'>write</a> \
            (<strong>{me}</strong>)</p></body></html></message>""");
        // XEP-0166 / XEP-0065
        TEMPLATES.put("XEP-0166 Jingle session-initiate", """
            <iq xmlns='jabber:client' from='{selfFull}' to='{to}' type='set' id='jingle1'>\
            <jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' initiator='{meFull}' sid='a73sjjvkla37jfea'>\
            <content creator='initiator' name='voice'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>\
            <payload-type id='96' name='speex' clockrate='16000'/></description>\
            <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' pwd='asd88fgpdd777uzjYhagZg' ufrag='8hhy'/></content>\
            </jingle></iq>""");
        TEMPLATES.put("XEP-0065 streamhosts", """
            <iq xmlns='jabber:client' from='{selfFull}' to='{to}' type='set' id='hu3vax16'>\
            <query xmlns='http://jabber.org/protocol/bytestreams' sid='vxf9n471bn46' mode='tcp'>\
            <streamhost jid='{meFull}' host='192.168.4.1' port='5086'/>\
            <streamhost jid='proxy.{DOMAIN}' host='24.24.24.1' port='5999'/></query></iq>""".replace("{DOMAIN}", DOMAIN));
    }

    /** Ways people write an address in a message body (RFC 5322/6068, RFC 5122, XEP-0393, typography). */
    private static final List<String> BODY_QUOTES = List.of(
        "({me})", "\"{me}\"", "'{me}'", "<{me}>", "[{me}]", "mailto:{me}", "xmpp:{me}?message", "xmpp:{meFull}",
        "{me}, {peer} and {nomail}.", "Write to {me}.", "{me}: are you there?", "“{me}”", "„{me}“", "‘{me}’",
        "«\u00a0{me}\u00a0»", "«{me}»", "*{me}*", "`{me}`", "~{me}~", "> {me} wrote:\n> hi", "cc:\u00a0{me}",
        "https://example.org/add?jid={me}", "xmpp:{room}?invite;jid={me}");

    static List<Case> xepCorpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        int rotation = 0;
        for (Map.Entry<String, String> t : TEMPLATES.entrySet()) {
            rotation++;
            for (int u = 0; u < MAPPED.size(); u++) {
                for (int v = 0; v < 3; v++) {
                    Ctx c = new Ctx(u, v, rotation + u + v, true);
                    Ctx unstamped = new Ctx(u, v, rotation + u + v, false);
                    cases.add(new Case("xep", t.getKey() + " [" + c.tag() + "]", c.fill(t.getValue()), unstamped.fill(t.getValue())));
                }
            }
        }
        for (String quote : BODY_QUOTES) {
            rotation++;
            for (int u = 0; u < MAPPED.size(); u++) {
                // one case variant per user, rotating, so every quoting style meets every variant
                int v = (u + rotation) % 3;
                Ctx c = new Ctx(u, v, rotation + u, true);
                Ctx unstamped = new Ctx(u, v, rotation + u, false);
                cases.add(new Case("xep", "body quoting " + quote.replace("\u00a0", "<nbsp>") + " [" + c.tag() + "]",
                    bodyQuoting(c, quote), bodyQuoting(unstamped, quote)));
            }
        }
        return cases;
    }

    private static String bodyQuoting(Ctx c, String quote) {
        Element message = DocumentHelper.createElement(QName.get("message", "jabber:client"));
        message.addAttribute("from", c.from).addAttribute("to", c.to).addAttribute("type", "chat");
        message.addElement("body", "jabber:client").setText("Please contact " + c.fill(quote) + " thanks");
        return message.asXML();
    }

    // -- (b) built with Smack --

    @FunctionalInterface
    private interface SmackCase {
        Stanza build(Ctx c) throws Exception;
    }

    private static final Map<String, SmackCase> SMACK = new LinkedHashMap<>();

    static {
        SMACK.put("Smack chat message", c -> StanzaBuilder.buildMessage("s1").from(c.from).to(c.to).ofType(Message.Type.chat)
            .setBody("This is " + c.me + " (resource " + c.res + "), xmpp:" + c.meFull + " - and " + c.peer + ".").build());
        SMACK.put("Smack message with XEP-0033 addresses", c -> {
            MultipleAddresses addresses = new MultipleAddresses();
            // no desc: Smack 4.4.8 writes the desc attribute twice (not well-formed), so real clients cannot send it
            addresses.addAddress(MultipleAddresses.Type.to, jid(c.peer), null, null, false, null);
            addresses.addAddress(MultipleAddresses.Type.cc, jid("carol@remote.test"), null, null, true, null);
            addresses.addAddress(MultipleAddresses.Type.replyto, jid(c.meFull), null, null, false, null);
            addresses.addAddress(MultipleAddresses.Type.to, null, null, null, false, "xmpp:" + c.me);
            addresses.addAddress(MultipleAddresses.Type.ofrom, jid(c.me), null, null, false, null);
            addresses.addAddress(MultipleAddresses.Type.bcc, jid(c.nomail), null, null, false, null);
            return StanzaBuilder.buildMessage("s2").from(c.from).to("multicast.remote.test").setBody("Hello, world!")
                .addExtension(addresses).build();
        });
        SMACK.put("Smack XEP-0249 GroupChatInvitation", c -> StanzaBuilder.buildMessage("s3").from(c.from).to(c.to)
            .setBody(c.me + " invites you to " + c.room).addExtension(new GroupChatInvitation(c.room)).build());
        SMACK.put("Smack MUC mediated invitation", c -> {
            MUCUser muc = new MUCUser();
            muc.setInvite(new MUCUser.Invite("Join us. -- " + c.me, fullJid(c.meFull), null));
            muc.setPassword("cauldronburn");
            return StanzaBuilder.buildMessage("s4").from(c.room).to(c.to).addExtension(muc).build();
        });
        SMACK.put("Smack MUC decline", c -> {
            MUCUser muc = new MUCUser();
            muc.setDecline(new MUCUser.Decline("Too busy, ask " + c.peer, bareJid(c.me), bareJid("carol@remote.test")));
            return StanzaBuilder.buildMessage("s5").from(c.room).to(c.to).addExtension(muc).build();
        });
        SMACK.put("Smack MUC occupant presence", c -> {
            MUCUser muc = new MUCUser();
            muc.setItem(new MUCItem(MUCAffiliation.member, MUCRole.participant, null, null, jid(c.meFull),
                Resourcepart.from(c.nick), null));
            muc.addStatusCode(MUCUser.Status.create(100));
            return StanzaBuilder.buildPresence("s6").from(c.room + "/" + c.nick).to(c.to)
                .addExtension(new CapsExtension("https://www.igniterealtime.org/projects/smack", "NfJ3flI83zSdUDzCEICtbypursw=", "sha-1"))
                .addExtension(muc).build();
        });
        SMACK.put("Smack MUC kick with actor", c -> {
            MUCUser muc = new MUCUser();
            muc.setItem(new MUCItem(MUCAffiliation.none, MUCRole.none, jid(c.peerFull), "Kicked, " + c.me,
                jid(c.meFull), Resourcepart.from(c.nick), Resourcepart.from("Peer")));
            muc.addStatusCode(MUCUser.Status.KICKED_307);
            return StanzaBuilder.buildPresence("s7").ofType(Presence.Type.unavailable).from(c.room + "/" + c.nick).to(c.to)
                .addExtension(muc).build();
        });
        SMACK.put("Smack vCard result", c -> {
            VCard vcard = new VCard();
            vcard.setType(IQ.Type.result);
            vcard.setStanzaId("s8");
            vcard.setFrom(jid(c.me));
            vcard.setTo(jid(c.to));
            vcard.setFirstName(c.nick);
            vcard.setLastName("Example");
            vcard.setNickName(c.nick);
            vcard.setJabberId(c.me);
            vcard.setEmailWork(c.me);
            vcard.setOrganization("Example Corp");
            vcard.setField("URL", "xmpp:" + c.me);
            vcard.setField("NOTE", "Backup contact: " + c.peer + "; me: " + c.meFull);
            return vcard;
        });
        SMACK.put("Smack presence with caps, vCard-update, delay and MUC item", c -> {
            MUCUser muc = new MUCUser();
            muc.setItem(new MUCItem(MUCAffiliation.owner, MUCRole.moderator, null, null, jid(c.meFull), null, null));
            return StanzaBuilder.buildPresence("s9").from(c.from).to(c.to).setStatus("Back at " + c.me)
                .addExtension(new CapsExtension("http://gajim.org", "Kr0tr7kFQdcYOcgHF6E6pYbwb2s=", "sha-1"))
                .addExtension(StandardExtensionElement.builder("x", "vcard-temp:x:update")
                    .addElement("photo", "01b87fcd030b72895ff8e88db57ec525450f000d").build())
                .addExtension(new DelayInformation(new Date(1_031_700_067_000L), c.meFull, "Resent by " + c.me))
                .addExtension(muc).build();
        });
        SMACK.put("Smack XEP-0297 forwarded", c -> {
            Message original = StanzaBuilder.buildMessage("orig1").from(c.peerFull).to(c.meFull).ofType(Message.Type.chat)
                .setBody("Hi " + c.me + ", meeting at 3?").build();
            return StanzaBuilder.buildMessage("s10").from(c.from).to(c.to).setBody("FYI")
                .addExtension(new Forwarded<>(new DelayInformation(new Date(1_278_803_305_000L), c.me, null), original)).build();
        });
        SMACK.put("Smack XEP-0280 carbon received", c -> {
            Message original = StanzaBuilder.buildMessage("orig2").from("dan@chat.remote.test/balcony").to(c.meFull)
                .ofType(Message.Type.chat).setBody("Wherefore art thou?").build();
            return StanzaBuilder.buildMessage("s11").from(c.me).to(c.to).ofType(Message.Type.chat)
                .addExtension(wrap("received", "urn:xmpp:carbons:2", Map.of(), new Forwarded<>(original))).build();
        });
        SMACK.put("Smack XEP-0280 carbon sent", c -> {
            Message original = StanzaBuilder.buildMessage("orig3").from(c.meFull).to("dan@chat.remote.test/balcony")
                .ofType(Message.Type.chat).setBody("Neither, fair saint").build();
            return StanzaBuilder.buildMessage("s12").from(c.me).to(c.to).ofType(Message.Type.chat)
                .addExtension(wrap("sent", "urn:xmpp:carbons:2", Map.of(), new Forwarded<>(original))).build();
        });
        SMACK.put("Smack XEP-0313 MAM result", c -> {
            MUCUser muc = new MUCUser();
            muc.setItem(new MUCItem(MUCAffiliation.member, MUCRole.participant, null, null, jid(c.meFull), null, null));
            Message archived = StanzaBuilder.buildMessage("orig4").from(c.room + "/" + c.nick).ofType(Message.Type.groupchat)
                .setBody("Thrice the brinded cat hath mew'd.").addExtension(muc).build();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("queryid", "f27");
            attributes.put("id", "28482-98726-73623");
            return StanzaBuilder.buildMessage("s13").from(c.room).to(c.to).addExtension(wrap("result", "urn:xmpp:mam:2", attributes,
                new Forwarded<>(new DelayInformation(new Date(1_278_803_305_000L)), archived))).build();
        });
        SMACK.put("Smack XEP-0144 roster exchange", c -> StanzaBuilder.buildMessage("s14").from(c.from).to(c.to)
            .setBody("Contacts for you").addExtension(StandardExtensionElement.builder("x", "http://jabber.org/protocol/rosterx")
                .addElement(StandardExtensionElement.builder("item", "http://jabber.org/protocol/rosterx")
                    .addAttribute("action", "add").addAttribute("jid", c.me).addAttribute("name", c.nick)
                    .addElement("group", "Colleagues").build())
                .addElement(StandardExtensionElement.builder("item", "http://jabber.org/protocol/rosterx")
                    .addAttribute("action", "add").addAttribute("jid", c.nomail).build())
                .build()).build());
        SMACK.put("Smack MUC admin list", c -> {
            MUCAdmin admin = new MUCAdmin();
            admin.setType(IQ.Type.result);
            admin.setStanzaId("s15");
            admin.setFrom(jid(c.room));
            admin.setTo(jid(c.to));
            admin.addItem(new MUCItem(MUCAffiliation.member, jid(c.me), "Invited by " + c.peer));
            admin.addItem(new MUCItem(MUCAffiliation.admin, jid(c.peer)));
            admin.addItem(new MUCItem(MUCAffiliation.member, jid(c.nomail)));
            return admin;
        });
        SMACK.put("Smack data form with JID fields", c -> StanzaBuilder.buildMessage("s16").from(c.from).to(c.to)
            .setBody("Please fill in").addExtension(DataForm.builder(DataForm.Type.form).setTitle("Project for " + c.me)
                .addField(FormField.jidMultiBuilder("members").addValue(jid(c.me)).addValue(jid(c.peer)).addValue(jid(c.nomail)).build())
                .addField(FormField.jidSingleBuilder("owner").setValue(jid(c.meFull)).build())
                .addField(FormField.textSingleBuilder("contact").setValue("xmpp:" + c.me).build())
                .build()).build());
        SMACK.put("Smack XHTML-IM", c -> {
            XHTMLExtension xhtml = new XHTMLExtension();
            xhtml.addBody("<body xmlns='http://www.w3.org/1999/xhtml'><p>Ask <a href='xmpp:" + c.me + "?message'>" + c.nick
                + "</a> &lt;" + c.me + "&gt;</p></body>");
            return StanzaBuilder.buildMessage("s17").from(c.from).to(c.to).setBody("Ask " + c.nick + " <" + c.me + ">")
                .addExtension(xhtml).build();
        });
        SMACK.put("Smack disco items", c -> {
            DiscoverItems items = new DiscoverItems();
            items.setType(IQ.Type.result);
            items.setStanzaId("s18");
            items.setFrom(jid(c.me));
            items.setTo(jid(c.to));
            DiscoverItems.Item tune = new DiscoverItems.Item(jid(c.me));
            tune.setNode("http://jabber.org/protocol/tune");
            tune.setName("Tune of " + c.me);
            items.addItem(tune);
            return items;
        });
        SMACK.put("Smack subscription request with nick", c -> StanzaBuilder.buildPresence("s19").ofType(Presence.Type.subscribe)
            .from(c.me).to("carol@remote.test").setStatus("Hi, " + c.me + " here").addExtension(new Nick(c.nick)).build());
        SMACK.put("Smack groupchat message with delay", c -> StanzaBuilder.buildMessage("s20").from(c.room + "/" + c.nick).to(c.to)
            .ofType(Message.Type.groupchat).setBody(c.nick + ": mail me at " + c.me)
            .addExtension(new DelayInformation(new Date(1_034_553_517_000L), c.room, null)).build());
    }

    static List<Case> smackCorpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        int rotation = 0;
        for (Map.Entry<String, SmackCase> s : SMACK.entrySet()) {
            rotation++;
            for (int u = 0; u < MAPPED.size(); u++) {
                for (int v = 0; v < 3; v++) {
                    Ctx c = new Ctx(u, v, rotation + u + v, true);
                    Ctx unstamped = new Ctx(u, v, rotation + u + v, false);
                    cases.add(new Case("smack", s.getKey() + " [" + c.tag() + "]", s.getValue().build(c).toXML().toString(),
                        s.getValue().build(unstamped).toXML().toString()));
                }
            }
        }
        return cases;
    }

    private static Jid jid(String jid) throws Exception {
        return JidCreate.from(jid);
    }

    private static EntityFullJid fullJid(String jid) throws Exception {
        return JidCreate.entityFullFrom(jid);
    }

    private static EntityBareJid bareJid(String jid) throws Exception {
        return JidCreate.entityBareFrom(jid);
    }

    /** An extension wrapping another one, for the Smack modules not on the classpath (carbons, MAM). */
    private static ExtensionElement wrap(String name, String namespace, Map<String, String> attributes, ExtensionElement child) {
        return new ExtensionElement() {
            @Override
            public String getElementName() {
                return name;
            }

            @Override
            public String getNamespace() {
                return namespace;
            }

            @Override
            public XmlStringBuilder toXML(XmlEnvironment enclosing) {
                XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
                attributes.forEach(xml::attribute);
                xml.rightAngleBracket();
                xml.append(child);
                xml.closeElement(this);
                return xml;
            }
        };
    }

}
