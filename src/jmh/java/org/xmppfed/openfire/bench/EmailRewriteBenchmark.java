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
package org.xmppfed.openfire.bench;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dom4j.DocumentHelper;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;
import org.xmppfed.openfire.email.EmailAddresses;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.email.MemoryEmailDomainStore;
import org.xmppfed.openfire.email.MemoryEmailSettings;
import org.xmppfed.openfire.email.InboundAddress;

/**
 * Per-stanza cost of email address for federation with 100 000 users in the index, every lookup
 * a hit (the user has an address; caches warm):
 *
 * <ul>
 * <li>outbound rewrite, as {@code EmailAddressing.rewrite} does it (sender by
 * {@link EmailFederation#federationAddress} keeping the resource, payload by
 * {@code rewriter().rewrite(element, "from", "to")}), of (a) a chat message with a body and
 * (b) a presence with caps, vCard-update, delay and a MUC user item. The rewrite works in place,
 * so every invocation rewrites a fresh {@code createCopy()} of the stanza; {@code *Copy} measures
 * the copy alone, and the rewrite's own cost is {@code *CopyRewrite} minus {@code *Copy}. (Copy
 * and rewrite together is also exactly what the S2S delivery path does for a stanza that still
 * carries a native address.)</li>
 * <li>the check the S2S delivery path runs on an already rewritten stanza
 * ({@code hasMappedAddress} over the payload);</li>
 * <li>(c) inbound: {@link EmailFederation#resolve} of an email address, {@link EmailIndex#ownerOf},
 * and the outbound lookup {@link EmailFederation#federationAddress}.</li>
 * </ul>
 *
 * <p>Each invocation takes the next of 1024 stanzas or addresses, spread over the 100 000 users.
 * The warm-up is longer than {@link PolicyDecisionBenchmark}'s: on the 2-core VM the rewrite
 * (dom4j, Tinder's JID preparation caches) runs several times slower for the first 12-14 seconds,
 * until the JIT has compiled it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmailRewriteBenchmark {
    private static final String DOMAIN = "openfire.test";
    private static final int USERS = 100_000;
    private static final int QUERIES = 1024;
    private static final String[] SKIP = {"from", "to"};

    private EmailFederation email;
    private EmailIndex index;
    private Message[] messages;
    private Presence[] presences;
    private Message[] rewrittenMessages;
    private Presence[] rewrittenPresences;
    private String[] usernames;
    private String[] addressNodes;
    private String[] addressDomains;
    private String[] addresses;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws DocumentException {
        Map<String, String> users = new HashMap<>(USERS * 2);
        for (int i = 0; i < USERS; i++) {
            users.put(username(i), "First.Last" + i + "@mail" + (i % 50) + ".example");
        }
        index = new EmailIndex(DOMAIN);
        index.replaceAll(users);
        MemoryEmailSettings switchedOn = new MemoryEmailSettings();
        switchedOn.enabled = true;
        email = new EmailFederation(new MemoryEmailDomainStore(), switchedOn, index, DOMAIN::equals, Clock.systemUTC());
        email.reload();
        MemoryEmailDomainStore.approveUserDomains(email);

        messages = new Message[QUERIES];
        presences = new Presence[QUERIES];
        rewrittenMessages = new Message[QUERIES];
        rewrittenPresences = new Presence[QUERIES];
        usernames = new String[QUERIES];
        addressNodes = new String[QUERIES];
        addressDomains = new String[QUERIES];
        addresses = new String[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            int i = (int) ((q * 7919L) % USERS);
            String user = username(i);
            usernames[q] = user;
            addresses[q] = "first.last" + i + "@mail" + (i % 50) + ".example";
            addressNodes[q] = "first.last" + i;
            addressDomains[q] = "mail" + (i % 50) + ".example";
            messages[q] = new Message(parse(
                "<message xmlns='jabber:client' from='" + user + "@" + DOMAIN + "/phone' to='carol@remote.test/pc' type='chat'"
                    + " id='5d0a1c3e-8f6b-4a9e-b2d7-" + q + "'><body>Hi Carol, are we still on for the review at 3pm? "
                    + "I will bring the slides.</body><active xmlns='http://jabber.org/protocol/chatstates'/>"
                    + "<request xmlns='urn:xmpp:receipts'/></message>"));
            presences[q] = new Presence(parse(
                "<presence xmlns='jabber:client' from='" + user + "@" + DOMAIN + "/gajim.QW3e' to='lounge@muc.remote.test/" + user + "'"
                    + " id='p" + q + "'><show>away</show><status>In a meeting</status><priority>10</priority>"
                    + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://gajim.org' ver='Kr0tr7kFQdcYOcgHF6E6pYbwb2s='/>"
                    + "<x xmlns='vcard-temp:x:update'><photo>01b87fcd030b72895ff8e88db57ec525450f000d</photo></x>"
                    + "<delay xmlns='urn:xmpp:delay' from='" + user + "@" + DOMAIN + "/gajim.QW3e' stamp='2026-11-25T08:41:07Z'/>"
                    + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant' jid='"
                    + user + "@" + DOMAIN + "/gajim.QW3e'/></x></presence>"));
            rewrittenMessages[q] = messages[q].createCopy();
            rewrite(rewrittenMessages[q]);
            rewrittenPresences[q] = presences[q].createCopy();
            rewrite(rewrittenPresences[q]);
        }
        if (rewrittenPresences[0].toXML().contains("@" + DOMAIN) || rewrittenMessages[0].toXML().contains("@" + DOMAIN)
            || email.resolve(addressNodes[0], addressDomains[0]).kind() != InboundAddress.Kind.DELIVER
            || index.ownerOf(addresses[0]) == null) {
            throw new IllegalStateException("fixture does not rewrite or resolve: " + rewrittenPresences[0].toXML());
        }
    }

    private static String username(int i) {
        return "user" + i;
    }

    private static Element parse(String xml) throws DocumentException {
        return DocumentHelper.parseText(xml).getRootElement();
    }

    /** What {@code EmailAddressing.rewrite} does (package-private there). */
    private void rewrite(Packet packet) {
        JID from = packet.getFrom();
        if (from != null && from.getNode() != null && from.getDomain().equals(email.xmppDomain())) {
            String address = email.federationAddress(from.getNode());
            if (address != null && !address.equals(from.toBareJID())) {
                packet.setFrom(new JID(EmailAddresses.localpart(address), EmailAddresses.domain(address), from.getResource()));
            }
        }
        email.rewriter().rewrite(packet.getElement(), SKIP);
    }

    private int nextIndex() {
        return next++ & (QUERIES - 1);
    }

    // ---- (a) chat message ----

    @Benchmark
    public Packet messageCopy() {
        return messages[nextIndex()].createCopy();
    }

    @Benchmark
    public Packet messageCopyRewrite() {
        Packet copy = messages[nextIndex()].createCopy();
        rewrite(copy);
        return copy;
    }

    @Benchmark
    public boolean messageDeliveryCheck() {
        return email.rewriter().hasMappedAddress(rewrittenMessages[nextIndex()].getElement(), SKIP);
    }

    // ---- (b) presence with payload ----

    @Benchmark
    public Packet presenceCopy() {
        return presences[nextIndex()].createCopy();
    }

    @Benchmark
    public Packet presenceCopyRewrite() {
        Packet copy = presences[nextIndex()].createCopy();
        rewrite(copy);
        return copy;
    }

    @Benchmark
    public boolean presenceDeliveryCheck() {
        return email.rewriter().hasMappedAddress(rewrittenPresences[nextIndex()].getElement(), SKIP);
    }

    // ---- (c) lookups ----

    @Benchmark
    public InboundAddress inboundResolve() {
        int q = nextIndex();
        return email.resolve(addressNodes[q], addressDomains[q]);
    }

    @Benchmark
    public String inboundOwnerOf() {
        return index.ownerOf(addresses[nextIndex()]);
    }

    @Benchmark
    public String outboundFederationAddress() {
        return email.federationAddress(usernames[nextIndex()]);
    }

}
