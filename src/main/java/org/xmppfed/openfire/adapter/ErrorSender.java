package org.xmppfed.openfire.adapter;

import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.Packet;

/** Delivers the error stanzas the plugin answers denied stanzas with. */
public interface ErrorSender {
    /**
     * Sends {@code error} to a local entity: through {@code session} when the denied stanza came
     * from a local client session, otherwise through Openfire's router.
     */
    void toLocal(Packet error, Session session);

    /** Sends {@code error} to a federated entity through Openfire's router. */
    void toRemote(Packet error);
}
