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

import java.util.List;
import java.util.function.Supplier;

import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * The plugin's one packet interceptor: classifies each stanza once and runs the modules' steps on
 * it in a fixed order (the order of the modules: policy first, then address mapping).
 *
 * <p>Steps run before Openfire routes a stanza ({@code incoming=true, processed=false}) and again
 * when Openfire hands a stanza to an outgoing S2S session ({@code incoming=false}), which catches
 * stanzas that Openfire routes past its routers. A stanza whose {@code from} domain is remote
 * arrived over S2S (Openfire has already checked that domain against the ones the S2S stream
 * authenticated); one whose {@code to} domain is remote is about to leave.
 *
 * <p>The fail-closed rule lives here and only here: when a stanza cannot be classified, or a step
 * fails, a federated stanza (or one that cannot be shown to be local) is rejected and logged;
 * local traffic goes on.
 */
public final class FederationInterceptor implements PacketInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(FederationInterceptor.class);
    /** Set while the plugin routes its own answers, which must not be judged again. */
    private static final ThreadLocal<Boolean> SENDING_ERROR = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final LocalDomains ourNames;
    private final String xmppDomain;
    private final List<StanzaStep> steps;

    /**
     * @param ourNames   every name this server answers for (XMPP domain, components, and the names
     *                   the modules add, such as email domains)
     * @param xmppDomain the server's XMPP domain: the one name known to be local without a lookup
     * @param steps      the modules' steps, in order
     */
    public FederationInterceptor(LocalDomains ourNames, String xmppDomain, List<StanzaStep> steps) {
        this.ourNames = ourNames;
        this.xmppDomain = xmppDomain;
        this.steps = List.copyOf(steps);
    }

    /** Runs {@code send} so that the stanzas it routes are not judged by this interceptor. */
    static void sendingError(Runnable send) {
        SENDING_ERROR.set(Boolean.TRUE);
        try {
            send.run();
        } finally {
            SENDING_ERROR.set(Boolean.FALSE);
        }
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
        throws PacketRejectedException {
        if (processed || SENDING_ERROR.get()) {
            return;
        }
        if (incoming) {
            run(packet, session, false);
        } else if (session instanceof OutgoingServerSession) {
            run(packet, session, true);
        }
    }

    private void run(Packet packet, Session session, boolean atS2sDelivery) throws PacketRejectedException {
        Stanza stanza = classify(packet, session, atS2sDelivery);
        for (StanzaStep step : steps) {
            try {
                if (atS2sDelivery) {
                    step.beforeS2sDelivery(stanza);
                } else {
                    step.beforeRouting(stanza);
                }
            } catch (RuntimeException e) {
                if (stanza.federated()) {
                    LOG.error("Federation plugin: {} failed on a federated {} ({} -> {}); not passing it on (fail closed)",
                        step.getClass().getSimpleName(), stanza.kind(), stanza.fromDomain(), stanza.toDomain(), e);
                    throw new PacketRejectedException("Federation plugin unavailable");
                }
                LOG.warn("Federation plugin: {} failed on a local {}; routing it on: {}",
                    step.getClass().getSimpleName(), stanza.kind(), e.toString());
            }
        }
    }

    private Stanza classify(Packet packet, Session session, boolean atS2sDelivery) throws PacketRejectedException {
        String fromDomain = null;
        String toDomain = null;
        try {
            fromDomain = domainOf(packet.getFrom());
            toDomain = domainOf(packet.getTo());
            boolean fromRemote = fromDomain != null && !ourNames.isLocal(fromDomain);
            // A stanza handed to an outgoing S2S session leaves this server, whatever its address says.
            boolean toRemote = atS2sDelivery || toDomain != null && !ourNames.isLocal(toDomain);
            return new Stanza(packet, session, fromDomain, toDomain, fromRemote, toRemote);
        } catch (RuntimeException e) {
            if (!atS2sDelivery && provablyLocal(packet::getFrom) && provablyLocal(packet::getTo)) {
                LOG.warn("Federation plugin: could not classify a {} between local addresses; routing it on: {}",
                    Stanza.kindOf(packet), e.toString());
                return new Stanza(packet, session, fromDomain, toDomain, false, false);
            }
            LOG.error("Federation plugin: could not tell whether a {} ({} -> {}) is federated; not passing it on (fail closed)",
                Stanza.kindOf(packet), fromDomain, toDomain, e);
            throw new PacketRejectedException("Federation plugin could not classify the stanza");
        }
    }

    /** Local without asking anybody: no address (the server itself) or an address in the XMPP domain. */
    private boolean provablyLocal(Supplier<JID> address) {
        try {
            JID jid = address.get();
            return jid == null || xmppDomain.equalsIgnoreCase(jid.getDomain());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String domainOf(JID jid) {
        return jid == null ? null : jid.getDomain();
    }
}
