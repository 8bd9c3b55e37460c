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

import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * One stanza on its way through the plugin's steps, classified once by {@link FederationInterceptor}:
 * the domains of its addresses and whether each is a remote (federated) domain or one of ours.
 * A stanza is federated when either address is remote. The packet itself may be changed in place
 * by a step (address mapping); the classification stays what it was when the stanza arrived.
 */
public final class Stanza {
    private final Packet packet;
    private final Session session;
    private final String fromDomain;
    private final String toDomain;
    private final boolean fromRemote;
    private final boolean toRemote;

    Stanza(Packet packet, Session session, String fromDomain, String toDomain, boolean fromRemote, boolean toRemote) {
        this.packet = packet;
        this.session = session;
        this.fromDomain = fromDomain;
        this.toDomain = toDomain;
        this.fromRemote = fromRemote;
        this.toRemote = toRemote;
    }

    public Packet packet() {
        return packet;
    }

    /** The session Openfire passed with the stanza: the local sender's, a server session, or none. */
    public Session session() {
        return session;
    }

    public String fromDomain() {
        return fromDomain;
    }

    public String toDomain() {
        return toDomain;
    }

    /** Arrived from a federated domain. */
    public boolean fromRemote() {
        return fromRemote;
    }

    /** Addressed to a federated domain. */
    public boolean toRemote() {
        return toRemote;
    }

    public boolean federated() {
        return fromRemote || toRemote;
    }

    /** "message", "presence" or "iq", for log lines. */
    public String kind() {
        return kindOf(packet);
    }

    static String kindOf(Packet packet) {
        if (packet instanceof Message) {
            return "message";
        }
        if (packet instanceof Presence) {
            return "presence";
        }
        return packet instanceof IQ ? "iq" : "stanza";
    }

    /** An IQ that expects an answer. */
    public boolean isRequest() {
        return packet instanceof IQ iq && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set);
    }
}
