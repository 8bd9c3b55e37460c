package org.xmppfed.openfire.adapter;

import org.jivesoftware.openfire.interceptor.PacketRejectedException;

/**
 * A capability's part of the per-stanza path. {@link FederationInterceptor} runs the steps of all
 * modules once per stanza, in the modules' order; a step rejects a stanza by throwing
 * {@link PacketRejectedException} (after sending whatever answer it owes), may change the packet
 * in place, and never calls back into the interceptor. What happens when a step fails with any
 * other exception is decided in one place, the interceptor (fail closed for federated traffic).
 */
public interface StanzaStep {
    /** Before Openfire routes the stanza: every stanza, local or federated. */
    void beforeRouting(Stanza stanza) throws PacketRejectedException;

    /** Before Openfire hands the stanza to an outgoing server-to-server session. */
    default void beforeS2sDelivery(Stanza stanza) throws PacketRejectedException {
    }
}
