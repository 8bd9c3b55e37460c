package org.xmppfed.openfire.adapter;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.Packet;

/** Delivers the plugin's error answers through Openfire. */
final class OpenfireErrorSender implements ErrorSender {
    @Override
    public void toLocal(Packet error, Session session) {
        if (session != null) {
            session.process(error);
        } else {
            FederationInterceptor.sendingError(() -> XMPPServer.getInstance().getPacketRouter().route(error));
        }
    }

    @Override
    public void toRemote(Packet error) {
        XMPPServer.getInstance().getPacketRouter().route(error);
    }
}
