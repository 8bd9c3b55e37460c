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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.jivesoftware.openfire.session.LocalSession;
import org.xmppfed.openfire.connections.PeerCertificateCheck;
import org.xmppfed.openfire.connections.S2sSession;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.metrics.DomainCounters;
import org.xmppfed.openfire.metrics.MetricFamily;
import org.xmppfed.openfire.policy.Direction;

/**
 * Notices S2S sessions opening and closing on this node by comparing the session manager's list
 * every few seconds (Openfire 5.1 announces S2S sessions only on some of its code paths:
 * {@code ServerSessionEventDispatcher} reports dialback and outgoing sessions but not incoming
 * SASL EXTERNAL ones, and a destroyed session only when a domain is blocked). Each new session is a
 * {@link EventKind#CONNECTION_OPENED} event, plus a {@link EventKind#CERTIFICATE_PROBLEM} when the
 * certificate the peer showed is expired, names another domain or is self-signed; each session gone
 * that the plugin did not close itself is a {@link EventKind#CONNECTION_CLOSED} with the reason
 * Openfire gives away (the peer ended the stream; idle longer than Openfire's time-out; otherwise
 * closed by Openfire or the connection lost). Counts opens per domain and direction, and knows the
 * sessions open now, for the metrics.
 */
final class SessionWatch {
    private final String node;
    private final EventLog events;
    private final SessionClosures closures;
    private final IntSupplier idleMillis;
    private final Clock clock;
    private final DomainCounters opens = new DomainCounters();
    private volatile Map<String, S2sSessions.Live> known;

    SessionWatch(String node, EventLog events, SessionClosures closures, IntSupplier idleMillis, Clock clock) {
        this.node = node;
        this.events = events;
        this.closures = closures;
        this.idleMillis = idleMillis;
        this.clock = clock;
    }

    /** Takes this node's sessions as they are, without events (they opened before the plugin started). */
    void baseline() {
        known = S2sSessions.local(node);
    }

    void poll() {
        compare(S2sSessions.local(node));
    }

    void compare(Map<String, S2sSessions.Live> now) {
        Map<String, S2sSessions.Live> before = known == null ? Map.of() : known;
        for (Map.Entry<String, S2sSessions.Live> e : now.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                opened(e.getValue());
            }
        }
        for (Map.Entry<String, S2sSessions.Live> e : before.entrySet()) {
            if (!now.containsKey(e.getKey()) && !closures.closedByUs(e.getKey())) {
                closed(e.getValue());
            }
        }
        known = new HashMap<>(now);
    }

    private void opened(S2sSessions.Live live) {
        S2sSession s = live.facts();
        opens.increment(s.remoteDomain(), s.direction());
        events.record(EventKind.CONNECTION_OPENED, s.remoteDomain(), (s.direction() == Direction.INCOMING ? "Incoming" : "Outgoing")
            + " S2S session " + s.localDomain() + (s.direction() == Direction.INCOMING ? " <- " : " -> ") + s.remoteDomain()
            + " opened (" + authentication(s) + ")", describe(s), null);
        List<String> problems = PeerCertificateCheck.problems(S2sSessions.leaf(live.session()), s.remoteDomain(), clock.instant(),
            S2sSessions.selfSigned(live.session()));
        if (!problems.isEmpty()) {
            events.record(EventKind.CERTIFICATE_PROBLEM, s.remoteDomain(), "The certificate " + s.remoteDomain()
                + " showed on connect is " + String.join("; ", problems), "subject " + s.certificateSubject() + "; " + describe(s), null);
        }
    }

    private void closed(S2sSessions.Live live) {
        S2sSession s = live.facts();
        events.record(EventKind.CONNECTION_CLOSED, s.remoteDomain(), (s.direction() == Direction.INCOMING ? "Incoming" : "Outgoing")
            + " S2S session " + s.localDomain() + (s.direction() == Direction.INCOMING ? " <- " : " -> ") + s.remoteDomain()
            + " closed: " + reason(live.session()), describe(s) + "; stanzas in " + live.session().getNumClientPackets()
            + ", out " + live.session().getNumServerPackets(), null);
    }

    private String reason(LocalSession session) {
        Boolean peerEnded = S2sSessions.peerEndedStream(session);
        if (Boolean.TRUE.equals(peerEnded)) {
            return "the remote server ended the stream";
        }
        int idle = idleMillis.getAsInt();
        if (idle > 0 && session.getLastActiveDate() != null
            && Duration.between(session.getLastActiveDate().toInstant(), clock.instant()).toMillis() >= idle) {
            return "idle for longer than Openfire's time-out (" + Math.max(1, idle / 60_000) + " min, xmpp.server.session.idle)";
        }
        return "closed by Openfire or the connection was lost";
    }

    private static String authentication(S2sSession s) {
        String auth = switch (s.authentication()) {
            case DIALBACK -> "dialback";
            case SASL_EXTERNAL -> "SASL EXTERNAL";
            case OTHER -> "other authentication";
            case NONE -> "authentication unknown";
        };
        return auth + (s.encrypted() ? ", " + (s.tlsProtocol().isEmpty() ? "TLS" : s.tlsProtocol()) : ", not encrypted");
    }

    private static String describe(S2sSession s) {
        StringBuilder sb = new StringBuilder("stream ").append(s.streamId()).append(", peer ").append(s.remoteAddress());
        if (s.remotePort() > 0) {
            sb.append(':').append(s.remotePort());
        }
        if (!s.cipherSuite().isEmpty()) {
            sb.append(", cipher ").append(s.cipherSuite());
        }
        if (!s.otherDomains().isEmpty()) {
            sb.append(", also authenticated: ").append(String.join(" ", s.otherDomains()));
        }
        return sb.toString();
    }

    /** Sessions opened, and open now, per domain and direction. */
    List<MetricFamily> metrics() {
        MetricFamily open = new MetricFamily("xmppfed_sessions_open", "Federated (S2S) sessions open on this node now", MetricFamily.Type.GAUGE);
        Map<String, S2sSessions.Live> now = known;
        if (now != null) {
            for (S2sSessions.Live live : now.values()) {
                open.add(live.facts().remoteDomain(), live.facts().direction(), 1);
            }
        }
        return List.of(open, opens.family("xmppfed_session_opens", "Federated (S2S) sessions opened on this node since the plugin started"));
    }

    Instant now() {
        return clock.instant();
    }
}
