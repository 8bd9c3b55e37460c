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

import java.util.function.Consumer;

import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;
import org.xmppfed.openfire.email.EmailAddresses;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.InboundAddress;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.metrics.DomainCounters;
import org.xmppfed.openfire.policy.Direction;

/**
 * The stanza side of email address for federation: the email module's step, which runs after the
 * policy step has allowed a stanza.
 *
 * <ul>
 * <li>Before routing, a local user's stanza to a federated domain gets the user's email address as
 * sender and in its payload, so Openfire opens the server-to-server session for the email domain.
 * Presence subscription stanzas are left to Openfire's roster bookkeeping, which needs the native
 * sender; the copy it sends out is handled at delivery.</li>
 * <li>At delivery to a server-to-server session, a stanza that still carries a native address
 * (server-generated presence, probe answers, subscription copies, anything routed past the
 * routers) is not sent: a rewritten copy is routed instead, which Openfire sends through the
 * email domain's session.</li>
 * <li>A federated stanza to an email address goes to the owning user; to the native address of a
 * user who federates by email it is dropped and logged; to an unknown address of an email domain
 * it is answered with an error and never relayed.</li>
 * </ul>
 */
final class EmailAddressing implements StanzaStep {
    private static final Logger LOG = LoggerFactory.getLogger(EmailAddressing.class);
    /** Set while this class routes a rewritten copy, which must then be clean. */
    private static final ThreadLocal<Boolean> REROUTING = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final String[] STANZA_ADDRESSES = {"from", "to"};

    private final EmailFederation email;
    private final ErrorSender errors;
    private final Consumer<Packet> reroute;
    private final EventLog events;
    private final DomainCounters rewrites = new DomainCounters();

    EmailAddressing(EmailFederation email, ErrorSender errors, Consumer<Packet> reroute, EventLog events) {
        this.email = email;
        this.errors = errors;
        this.reroute = reroute;
        this.events = events;
    }

    @Override
    public void beforeRouting(Stanza stanza) throws PacketRejectedException {
        if (!stanza.federated()) {
            local(stanza);
        } else if (stanza.fromRemote()) {
            inbound(stanza);
        } else {
            outbound(stanza);
        }
    }

    /** A federated stanza (allowed by the policy) before Openfire routes it. */
    private void inbound(Stanza stanza) throws PacketRejectedException {
        Packet packet = stanza.packet();
        JID to = packet.getTo();
        if (to == null || !email.enabled()) {
            return;
        }
        InboundAddress target = email.resolve(to.getNode(), to.getDomain());
        if (target.kind() != InboundAddress.Kind.UNCHANGED && !email.ready()) {
            String from = packet.getFrom().getDomain();
            events.record(EventKind.EMAIL_NOT_READY, from, "Dropped " + stanza.kind() + " from " + from
                + ": the user list has not been read yet", "to " + to.toBareJID(), null);
            throw new PacketRejectedException("Email addresses not loaded yet");
        }
        switch (target.kind()) {
            case UNCHANGED -> {
            }
            case DELIVER -> {
                packet.setTo(new JID(target.username(), email.xmppDomain(), to.getResource()));
                rewrites.increment(stanza.fromDomain(), Direction.INCOMING);
            }
            case NATIVE_HIDDEN -> {
                events.record(EventKind.NATIVE_ADDRESS_DROPPED, packet.getFrom().getDomain(), "Dropped " + stanza.kind() + " from "
                    + packet.getFrom().getDomain() + ": addressed to the XMPP address of a user who federates with an email address",
                    "from " + packet.getFrom().toBareJID() + " to " + to.toBareJID(), null);
                throw new PacketRejectedException("Native address of a user who federates by email");
            }
            case UNKNOWN, DOMAIN -> {
                events.record(EventKind.EMAIL_ADDRESS_REFUSED, packet.getFrom().getDomain(), "Refused " + stanza.kind() + " from "
                    + packet.getFrom().getDomain() + ": no user has this address in the email domain " + to.getDomain(),
                    "from " + packet.getFrom().toBareJID() + " to " + to, null);
                answerNobodyHere(packet, null, false);
                throw new PacketRejectedException("No such email address");
            }
        }
    }

    /** A local entity's stanza to a federated domain (allowed by the policy) before routing. */
    private void outbound(Stanza stanza) throws PacketRejectedException {
        Packet packet = stanza.packet();
        if (!email.enabled()) {
            return;
        }
        if (!email.ready()) {
            events.record(EventKind.EMAIL_NOT_READY, packet.getTo().getDomain(), "Held back " + stanza.kind() + " to "
                + packet.getTo().getDomain() + ": the user list has not been read yet");
            throw new PacketRejectedException("Email addresses not loaded yet");
        }
        if (packet instanceof Presence presence && isSubscription(presence)) {
            return;
        }
        if (rewrite(packet)) {
            rewrites.increment(stanza.toDomain(), Direction.OUTGOING);
        }
    }

    /** Stanzas rewritten per remote domain and direction (for the metrics). */
    DomainCounters rewrites() {
        return rewrites;
    }

    /** A stanza between local entities: one addressed to an email address goes to its owner. */
    private void local(Stanza stanza) throws PacketRejectedException {
        Packet packet = stanza.packet();
        Session session = stanza.session();
        JID to = packet.getTo();
        if (to == null || !email.enabled()) {
            return;
        }
        InboundAddress target = email.resolve(to.getNode(), to.getDomain());
        switch (target.kind()) {
            case DELIVER -> packet.setTo(new JID(target.username(), email.xmppDomain(), to.getResource()));
            case UNKNOWN, DOMAIN -> {
                PacketRejectedException rejected = new PacketRejectedException("No such email address");
                if (session != null && packet instanceof IQ iq && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set)) {
                    // Openfire's IQ router answers an IQ rejected from a client session itself: one answer only.
                    RejectionErrors.attach(rejected, new PacketError(PacketError.Condition.service_unavailable));
                } else {
                    answerNobodyHere(packet, session, true);
                }
                throw rejected;
            }
            default -> {
                // Native addresses stay valid between local users.
            }
        }
    }

    /** A stanza handed to an outgoing server-to-server session (after the policy check). */
    @Override
    public void beforeS2sDelivery(Stanza stanza) throws PacketRejectedException {
        Packet packet = stanza.packet();
        if (!email.enabled()) {
            return;
        }
        if (!email.ready()) {
            throw new PacketRejectedException("Email addresses not loaded yet");
        }
        if (nativeSenderAddress(packet.getFrom()) == null
            && !email.rewriter().hasMappedAddress(packet.getElement(), STANZA_ADDRESSES)) {
            return;
        }
        if (REROUTING.get()) {
            // Message content stays out of the log above TRACE.
            LOG.error("A rewritten {} to {} still carries a native address; not sending it", stanza.kind(), stanza.toDomain());
            LOG.trace("The stanza that still carries a native address: {}", packet.toXML());
            throw new PacketRejectedException("Native address left after rewriting");
        }
        Packet copy = packet.createCopy();
        if (rewrite(copy)) {
            rewrites.increment(stanza.toDomain(), Direction.OUTGOING);
        }
        REROUTING.set(Boolean.TRUE);
        try {
            reroute.accept(copy);
        } finally {
            REROUTING.set(Boolean.FALSE);
        }
        throw new PacketRejectedException("Sent with the sender's email address instead");
    }

    /** Sender and payload of {@code packet} with federation addresses, in place; whether the sender was replaced. */
    private boolean rewrite(Packet packet) {
        JID from = packet.getFrom();
        String address = nativeSenderAddress(from);
        if (address != null) {
            packet.setFrom(new JID(EmailAddresses.localpart(address), EmailAddresses.domain(address), from.getResource()));
        }
        email.rewriter().rewrite(packet.getElement(), STANZA_ADDRESSES);
        return address != null;
    }

    /** The email address that replaces {@code jid}'s bare form, or {@code null}. */
    private String nativeSenderAddress(JID jid) {
        // Compared without regard to case: a from attribute is not always in prepared form.
        if (jid == null || jid.getNode() == null || !jid.getDomain().equalsIgnoreCase(email.xmppDomain())) {
            return null;
        }
        String address = email.federationAddress(jid.getNode());
        return address == null || address.equalsIgnoreCase(jid.toBareJID()) ? null : address;
    }

    /** RFC 6121 8.5.1/3.1.3 answers for an address without an account. */
    private void answerNobodyHere(Packet packet, Session session, boolean toLocal) {
        Packet answer = null;
        if (packet instanceof Message message && message.getType() != Message.Type.error && packet.getTo().getNode() != null) {
            Message m = new Message();
            m.setType(Message.Type.error);
            m.setID(message.getID());
            m.setError(PacketError.Condition.service_unavailable);
            answer = m;
        } else if (packet instanceof IQ iq && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set)) {
            IQ reply = IQ.createResultIQ(iq);
            reply.setChildElement(iq.getChildElement() == null ? null : iq.getChildElement().createCopy());
            reply.setError(PacketError.Condition.service_unavailable);
            answer = reply;
        } else if (packet instanceof Presence presence && presence.getType() == Presence.Type.subscribe) {
            answer = new Presence(Presence.Type.unsubscribed);
        }
        if (answer == null) {
            return;
        }
        answer.setFrom(packet.getTo());
        answer.setTo(packet.getFrom());
        if (toLocal) {
            errors.toLocal(answer, session);
        } else {
            errors.toRemote(answer);
        }
    }

    private static boolean isSubscription(Presence presence) {
        Presence.Type t = presence.getType();
        return t == Presence.Type.subscribe || t == Presence.Type.subscribed
            || t == Presence.Type.unsubscribe || t == Presence.Type.unsubscribed;
    }
}
