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

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;
import org.xmppfed.openfire.alias.ChatAliasTable;
import org.xmppfed.openfire.alias.DomainRewriter;
import org.xmppfed.openfire.alias.PartnerAliases;

/**
 * The stanza side of chat node aliases: federated partners reach a local group chat service under
 * an alias, and everything the service sends them carries the alias.
 *
 * <p>How a stanza for {@code room@alias} reaches the MUC service: Openfire accepts the S2S stream for
 * the alias because the alias is listed as a trunking domain ({@link GatewayDomains}); the stanza
 * then passes this step before Openfire routes it, and its {@code to} becomes
 * {@code room@service} - Openfire's routers read the address after the interceptors, so the routing
 * table delivers it to the MUC service's own route; no route for the alias is registered. Nothing
 * addressed to an alias is ever relayed onward (trunking's purpose): every such stanza is either
 * mapped here or, if this step fails, refused by the interceptor (fail closed).
 *
 * <p>The way out: Openfire's MUC sends through the packet router, so its stanzas to a federated
 * partner pass this step before routing; their {@code from} becomes the alias (the one the partner
 * used, see {@link PartnerAliases}) before routing, which makes Openfire open the S2S session from
 * the alias domain (the routing table pairs the sending domain with the {@code from} domain). The
 * service domain in the payload ({@code <delay from>}, {@code jabber:x:conference}, disco items) is
 * replaced too. A stanza that reaches an outgoing S2S session still carrying the service domain of
 * an aliased service (sent past the routers) is not sent: a mapped copy is routed instead - the leak
 * guard, as for native addresses with email addressing.
 *
 * <p>A federated stanza addressed to the real domain of a service that has aliases is answered with
 * a {@code redirect} error naming the alias: the partner would otherwise see replies from a name it
 * did not address. Local users keep using the service domain; a local stanza to an alias reaches the
 * service too.
 */
final class ChatAliasMapping implements StanzaStep {
    private static final Logger LOG = LoggerFactory.getLogger(ChatAliasMapping.class);
    /** Set while this class routes a mapped copy, which must then be clean. */
    private static final ThreadLocal<Boolean> REROUTING = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final String[] STANZA_ADDRESSES = {"from", "to"};

    private final Supplier<ChatAliasTable> aliases;
    private final PartnerAliases partners;
    private final ErrorSender errors;
    private final Consumer<Packet> reroute;

    ChatAliasMapping(Supplier<ChatAliasTable> aliases, PartnerAliases partners, ErrorSender errors, Consumer<Packet> reroute) {
        this.aliases = aliases;
        this.partners = partners;
        this.errors = errors;
        this.reroute = reroute;
    }

    @Override
    public void beforeRouting(Stanza stanza) throws PacketRejectedException {
        ChatAliasTable table = aliases.get();
        if (table.isEmpty()) {
            return;
        }
        if (stanza.fromRemote()) {
            inbound(table, stanza.packet());
        } else if (stanza.toRemote()) {
            outbound(table, stanza.packet());
        } else {
            local(table, stanza.packet());
        }
    }

    /** A federated stanza (allowed by the policy): an alias becomes its service. */
    private void inbound(ChatAliasTable table, Packet packet) throws PacketRejectedException {
        JID to = packet.getTo();
        if (to == null) {
            return;
        }
        String service = table.serviceOf(to.getDomain());
        if (service != null) {
            partners.remember(packet.getFrom().toBareJID(), service, to.getDomain().toLowerCase(Locale.ROOT));
            packet.setTo(new JID(to.getNode(), service, to.getResource(), true));
        } else if (table.hasAliases(to.getDomain())) {
            redirect(table, packet);
            throw new PacketRejectedException("Addressed to the real domain of a service that has chat node aliases");
        }
        new DomainRewriter(table::serviceOf).rewrite(packet.getElement(), STANZA_ADDRESSES);
    }

    /** A local stanza to a federated partner: the service domain becomes the partner's alias. */
    private void outbound(ChatAliasTable table, Packet packet) {
        JID from = packet.getFrom();
        JID to = packet.getTo();
        String partner = to == null ? null : to.toBareJID();
        String service = from != null && table.hasAliases(from.getDomain()) ? from.getDomain() : null;
        String alias = service == null ? null : partners.aliasFor(table, partner, service);
        if (alias != null) {
            packet.setFrom(new JID(from.getNode(), alias, from.getResource(), true));
        }
        // The sender's own service is by far the most frequent domain in the payload: its alias is known.
        new DomainRewriter(domain -> domain.equals(service) ? alias
            : table.hasAliases(domain) ? partners.aliasFor(table, partner, domain) : null).rewrite(packet.getElement(), STANZA_ADDRESSES);
    }

    /** Between local entities: a local user who writes to an alias reaches the service. */
    private static void local(ChatAliasTable table, Packet packet) {
        JID to = packet.getTo();
        String service = to == null ? null : table.serviceOf(to.getDomain());
        if (service != null) {
            packet.setTo(new JID(to.getNode(), service, to.getResource(), true));
        }
    }

    /** A stanza handed to an outgoing S2S session: one that still names an aliased service is sent mapped instead. */
    @Override
    public void beforeS2sDelivery(Stanza stanza) throws PacketRejectedException {
        ChatAliasTable table = aliases.get();
        if (table.isEmpty()) {
            return;
        }
        Packet packet = stanza.packet();
        JID from = packet.getFrom();
        boolean fromService = from != null && table.hasAliases(from.getDomain());
        if (!fromService && !new DomainRewriter(domain -> table.hasAliases(domain) ? domain : null)
            .matches(packet.getElement(), STANZA_ADDRESSES)) {
            return;
        }
        if (REROUTING.get()) {
            LOG.error("A mapped {} to {} still carries a group chat service's own domain; not sending it", stanza.kind(), stanza.toDomain());
            LOG.trace("The stanza that still carries the service domain: {}", packet.toXML());
            throw new PacketRejectedException("Service domain left after mapping");
        }
        Packet copy = packet.createCopy();
        outbound(table, copy);
        REROUTING.set(Boolean.TRUE);
        try {
            reroute.accept(copy);
        } finally {
            REROUTING.set(Boolean.FALSE);
        }
        throw new PacketRejectedException("Sent under the chat node alias instead");
    }

    /** RFC 6120 8.3.3.14: the partner is told the address to use instead. */
    private void redirect(ChatAliasTable table, Packet packet) {
        Packet answer;
        if (packet instanceof Message m && m.getType() != Message.Type.error) {
            answer = new Message();
            answer.setID(m.getID());
        } else if (packet instanceof IQ iq && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set)) {
            answer = IQ.createResultIQ(iq);
        } else if (packet instanceof Presence p && p.getType() != Presence.Type.error && p.getType() != Presence.Type.unavailable) {
            answer = new Presence();
            answer.setID(p.getID());
        } else {
            return;
        }
        JID to = packet.getTo();
        JID instead = new JID(to.getNode(), table.primaryAliasOf(to.getDomain()), to.getResource(), true);
        PacketError error = new PacketError(PacketError.Condition.redirect, PacketError.Type.modify);
        Element condition = error.getElement().element("redirect");
        if (condition != null) {
            condition.setText("xmpp:" + instead);
        }
        answer.setError(error);
        answer.setFrom(instead);
        answer.setTo(packet.getFrom());
        errors.toRemote(answer);
    }
}
