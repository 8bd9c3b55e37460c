package org.xmppfed.openfire.adapter;

import org.jivesoftware.openfire.XMPPServer;
import org.xmpp.packet.JID;

/** Local = Openfire's XMPP domain or a domain a component of this server answers for. */
final class OpenfireLocalDomains implements LocalDomains {
    private final XMPPServer server;
    private final String xmppDomain;

    OpenfireLocalDomains(XMPPServer server) {
        this.server = server;
        this.xmppDomain = server.getServerInfo().getXMPPDomain();
    }

    @Override
    public boolean isLocal(String domain) {
        return domain.equals(xmppDomain) || server.matchesComponent(new JID(null, domain, null, true));
    }
}
