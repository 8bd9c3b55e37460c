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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jivesoftware.openfire.XMPPServer;
import org.xmppfed.openfire.connections.FederationReadiness;
import org.xmppfed.openfire.connections.NodeReport;
import org.xmppfed.openfire.connections.S2sSession;
import org.xmppfed.openfire.connections.StatusReason;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyService;

/**
 * This node's part of the cluster-wide views: its report (versions, readiness, sessions with the
 * policy's counts) and closing its own sessions. Cluster tasks arriving from other nodes find the
 * running instance through {@link #current()}; it is published on start and withdrawn on stop.
 */
final class LocalNode {
    private static volatile LocalNode current;

    private final String node;
    private final ModuleHost host;

    LocalNode(String node, ModuleHost host) {
        this.node = node;
        this.host = host;
    }

    static LocalNode current() {
        return current;
    }

    static void publish(LocalNode node) {
        current = node;
    }

    String node() {
        return node;
    }

    NodeReport report() {
        PolicyService policy = host.service(PolicyService.class);
        FederationPolicy p = policy == null ? FederationPolicy.lockdown() : policy.current();
        List<StatusReason> reasons = FederationReadiness.reasons(S2sReadiness.facts(p, host.service(EmailFederation.class), host.xmppDomain()));
        PolicyCounters counters = host.service(PolicyCounters.class);
        Map<String, PolicyCounters.Tally> tallies = counters == null ? Map.of() : counters.byDomain();
        List<S2sSession> sessions = new ArrayList<>();
        for (S2sSessions.Live live : S2sSessions.local(node).values()) {
            sessions.add(withCounts(live.facts(), tallies.get(live.facts().remoteDomain())));
        }
        return new NodeReport(node, pluginVersion(), openfireVersion(), reasons, sessions, null);
    }

    private static S2sSession withCounts(S2sSession s, PolicyCounters.Tally t) {
        if (t == null) {
            return s;
        }
        boolean in = s.direction() == Direction.INCOMING;
        return new S2sSession(s.node(), s.streamId(), s.direction(), s.localDomain(), s.remoteDomain(), s.otherDomains(),
            s.remoteAddress(), s.remotePort(), s.tlsProtocol(), s.cipherSuite(), s.authentication(), s.certificateSubject(),
            s.created(), s.lastActive(), s.stanzasIn(), s.stanzasOut(),
            in ? t.allowedIncoming() : t.allowedOutgoing(), in ? t.deniedIncoming() : t.deniedOutgoing());
    }

    /**
     * Closes this node's session {@code streamId} (when not empty) or every session of {@code domain}
     * (when not empty); the caller records the event. Returns how many were closed.
     */
    int close(String streamId, String domain) {
        int closed = 0;
        for (S2sSessions.Live live : S2sSessions.local(node).values()) {
            boolean match = streamId != null && !streamId.isEmpty() ? live.facts().streamId().equals(streamId)
                : domain != null && !domain.isEmpty() && live.facts().concerns(domain);
            if (match) {
                host.closures().mark(live.facts().streamId());
                live.session().close();
                closed++;
            }
        }
        return closed;
    }

    static String pluginVersion() {
        String v = LocalNode.class.getPackage().getImplementationVersion();
        return v == null ? "" : v;
    }

    static String openfireVersion() {
        try {
            return XMPPServer.getInstance().getServerInfo().getVersion().getVersionString();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
