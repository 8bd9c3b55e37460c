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
        // A from attribute is not always in prepared form (Tinder keeps it as written).
        return domain.equalsIgnoreCase(xmppDomain) || server.matchesComponent(new JID(null, domain.toLowerCase(Locale.ROOT), null, true));
    }
}
