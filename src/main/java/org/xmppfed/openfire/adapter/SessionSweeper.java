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

import java.util.HashSet;
import java.util.Set;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.session.DomainPair;
import org.jivesoftware.openfire.session.IncomingServerSession;
import org.jivesoftware.openfire.session.LocalSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;

/**
 * Closes this node's S2S sessions that the policy no longer allows: every session with a domain
 * that may not exchange anything with us, and outgoing sessions to domains we may not send to.
 * (Incoming sessions of a domain we may still send to stay up; their stanzas are dropped.)
 * Every session closed is a {@link EventKind#CONNECTION_CLOSED} event.
 */
final class SessionSweeper {
    private final EventLog events;
    private final SessionClosures closures;

    SessionSweeper(EventLog events, SessionClosures closures) {
        this.events = events;
        this.closures = closures;
    }

    void sweep(FederationPolicy policy) {
        SessionManager sessions = SessionManager.getInstance();
        if (sessions == null) {
            return;
        }
        for (String domain : sessions.getIncomingServers()) {
            if (!policy.connectionAllowed(domain)) {
                closeIncoming(sessions, domain);
            }
        }
        for (DomainPair pair : sessions.getOutgoingDomainPairs()) {
            if (!policy.decide(pair.getRemote(), Direction.OUTGOING).allowed()) {
                OutgoingServerSession session = sessions.getOutgoingServerSession(pair);
                if (session instanceof LocalSession) {
                    events.record(EventKind.CONNECTION_CLOSED, pair.getRemote(), "Closed outgoing S2S session "
                        + pair.getLocal() + " -> " + pair.getRemote() + ": the federation policy denies it", "reason: policy", null);
                    closures.mark(S2sSessions.id(session));
                    session.close();
                }
            }
        }
    }

    /** The remote domains of this node's S2S sessions, both directions. */
    Set<String> remoteDomains() {
        Set<String> domains = new HashSet<>();
        SessionManager sessions = SessionManager.getInstance();
        if (sessions != null) {
            domains.addAll(sessions.getIncomingServers());
            for (DomainPair pair : sessions.getOutgoingDomainPairs()) {
                domains.add(pair.getRemote());
            }
        }
        return domains;
    }

    /** Closes this node's incoming sessions from {@code domain}. */
    void closeIncoming(String domain) {
        SessionManager sessions = SessionManager.getInstance();
        if (sessions != null) {
            closeIncoming(sessions, domain);
        }
    }

    private void closeIncoming(SessionManager sessions, String domain) {
        for (IncomingServerSession session : sessions.getIncomingServerSessions(domain)) {
            if (session instanceof LocalSession) {
                events.record(EventKind.CONNECTION_CLOSED, domain, "Closed incoming S2S session from " + domain
                    + ": the federation policy denies it", "reason: policy", null);
                closures.mark(S2sSessions.id(session));
                session.close();
            }
        }
    }
}
