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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.session.DomainPair;
import org.jivesoftware.openfire.session.IncomingServerSession;
import org.jivesoftware.openfire.session.LocalSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.ServerSession;
import org.jivesoftware.openfire.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.connections.PeerCertificateCheck;
import org.xmppfed.openfire.connections.S2sSession;
import org.xmppfed.openfire.connections.S2sSession.Authentication;
import org.xmppfed.openfire.policy.Direction;

/**
 * This node's S2S sessions, read through Openfire's session manager. The one place that touches
 * session API that changed after 4.2.0 (the compile API): {@code Session.getTLSProtocolName()},
 * {@code Session.getRemotePort()} and {@code ServerSession.getAuthenticationMethod()} exist only in
 * 5.x, and {@code ServerSession.isUsingServerDialback()} became a default method there; they are
 * called through method handles looked up once, and a missing one reads as "unknown".
 */
final class S2sSessions {
    private static final Logger LOG = LoggerFactory.getLogger(S2sSessions.class);
    private static final MethodHandle TLS_PROTOCOL = find(Session.class, "getTLSProtocolName", String.class);
    private static final MethodHandle REMOTE_PORT = find(Session.class, "getRemotePort", int.class);
    private static final MethodHandle AUTH_METHOD = findAny(ServerSession.class, "getAuthenticationMethod");
    private static final MethodHandle END_OF_STREAM = find(LocalSession.class, "getHasReceivedEndOfStream", boolean.class);

    /** A live local session with the facts the page shows. */
    record Live(LocalSession session, S2sSession facts) {
    }

    private S2sSessions() {
    }

    /** Every S2S session on this node, by stream ID (a session authenticated for several domains once). */
    static Map<String, Live> local(String node) {
        Map<String, Live> found = new LinkedHashMap<>();
        SessionManager sessions = SessionManager.getInstance();
        if (sessions == null) {
            return found;
        }
        for (String domain : sessions.getIncomingServers()) {
            for (IncomingServerSession s : sessions.getIncomingServerSessions(domain)) {
                if (s instanceof LocalSession local && !found.containsKey(id(s))) {
                    List<String> others = new ArrayList<>(safe(s.getValidatedDomains()));
                    String remote = others.isEmpty() ? domain : others.remove(0);
                    found.put(id(s), new Live(local, facts(node, local, Direction.INCOMING, s.getLocalDomain(), remote, others)));
                }
            }
        }
        for (DomainPair pair : sessions.getOutgoingDomainPairs()) {
            OutgoingServerSession s = sessions.getOutgoingServerSession(pair);
            if (s instanceof LocalSession local && !found.containsKey(id(s))) {
                List<String> others = new ArrayList<>();
                for (DomainPair p : safe(s.getOutgoingDomainPairs())) {
                    if (!p.getRemote().equals(pair.getRemote()) && !others.contains(p.getRemote())) {
                        others.add(p.getRemote());
                    }
                }
                found.put(id(s), new Live(local, facts(node, local, Direction.OUTGOING, pair.getLocal(), pair.getRemote(), others)));
            }
        }
        return found;
    }

    private static S2sSession facts(String node, LocalSession s, Direction direction, String localDomain, String remoteDomain,
                                    List<String> others) {
        X509Certificate leaf = leaf(s);
        return new S2sSession(node, id(s), direction, localDomain, remoteDomain, others, hostAddress(s), remotePort(s),
            tlsProtocol(s), cipherSuite(s), authentication(s), PeerCertificateCheck.subject(leaf),
            instant(s.getCreationDate()), instant(s.getLastActiveDate()), s.getNumClientPackets(), s.getNumServerPackets(), 0, 0);
    }

    /** The peer's certificate, or {@code null} (no TLS, or none shown). */
    static X509Certificate leaf(LocalSession s) {
        try {
            Certificate[] chain = s.getPeerCertificates();
            return chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean selfSigned(LocalSession s) {
        try {
            return s.isUsingSelfSignedCertificate();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the peer ended the stream (5.x), or {@code null} when Openfire cannot say. */
    static Boolean peerEndedStream(LocalSession s) {
        if (END_OF_STREAM == null) {
            return null;
        }
        try {
            return (boolean) END_OF_STREAM.invoke(s);
        } catch (Throwable e) {
            return null;
        }
    }

    static String id(Session s) {
        return s.getStreamID() == null ? "" : s.getStreamID().getID();
    }

    private static String hostAddress(Session s) {
        try {
            return s.getHostAddress();
        } catch (Exception e) {
            return "";
        }
    }

    private static int remotePort(Session s) {
        if (REMOTE_PORT == null) {
            return 0;
        }
        try {
            return Math.max(0, (int) REMOTE_PORT.invoke(s));
        } catch (Throwable e) {
            return 0;
        }
    }

    /** Openfire says "NONE" for a stream without TLS. */
    private static String cipherSuite(Session s) {
        String c = s.getCipherSuiteName();
        return c == null || "NONE".equalsIgnoreCase(c) ? "" : c;
    }

    private static String tlsProtocol(Session s) {
        if (TLS_PROTOCOL == null) {
            return "";
        }
        try {
            String p = (String) TLS_PROTOCOL.invoke(s);
            return p == null || "NONE".equalsIgnoreCase(p) ? "" : p;
        } catch (Throwable e) {
            return "";
        }
    }

    private static Authentication authentication(LocalSession s) {
        if (!(s instanceof ServerSession)) {
            return Authentication.NONE;
        }
        if (AUTH_METHOD != null) {
            try {
                Object method = AUTH_METHOD.invoke(s);
                if (method == null) {
                    return Authentication.NONE;
                }
                return switch (method.toString()) {
                    case "DIALBACK" -> Authentication.DIALBACK;
                    case "SASL_EXTERNAL" -> Authentication.SASL_EXTERNAL;
                    default -> Authentication.OTHER;
                };
            } catch (Throwable e) {
                LOG.debug("Could not read how an S2S session authenticated", e);
            }
        }
        return Authentication.NONE;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static <T> Collection<T> safe(Collection<T> c) {
        return c == null ? List.of() : c;
    }

    private static MethodHandle find(Class<?> type, String name, Class<?> returns) {
        try {
            return MethodHandles.publicLookup().findVirtual(type, name, MethodType.methodType(returns));
        } catch (ReflectiveOperationException e) {
            return null; // Openfire before 5.0
        }
    }

    private static MethodHandle findAny(Class<?> type, String name) {
        try {
            return MethodHandles.publicLookup().unreflect(type.getMethod(name));
        } catch (ReflectiveOperationException e) {
            return null; // Openfire before 5.0
        }
    }
}
