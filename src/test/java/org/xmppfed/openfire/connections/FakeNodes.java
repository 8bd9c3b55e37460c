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
package org.xmppfed.openfire.connections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.xmppfed.openfire.policy.Direction;

/** Nodes with sessions made up for a test: what the cluster tasks would have gathered. */
public final class FakeNodes implements FederationNodes {
    public final List<NodeReport> reports = new ArrayList<>();
    public final List<String> closed = new ArrayList<>();
    public int idle = 10;

    @Override
    public List<NodeReport> reports() {
        return List.copyOf(reports);
    }

    @Override
    public int close(String node, String streamId) {
        closed.add(node + " " + streamId);
        return 1;
    }

    @Override
    public int closeDomain(String domain) {
        closed.add("domain " + domain);
        return 2;
    }

    @Override
    public int idleMinutes() {
        return idle;
    }

    @Override
    public void setIdleMinutes(int minutes) {
        idle = minutes;
    }

    @Override
    public String localNode() {
        return reports.isEmpty() ? "node-1" : reports.get(0).node();
    }

    /** A session as the adapter reports it. */
    public static S2sSession session(String node, String stream, Direction direction, String remote, long in, long out) {
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        return new S2sSession(node, stream, direction, "openfire.test", remote, List.of(), "127.0.0.6", 5269, "TLSv1.3",
            "TLS_AES_256_GCM_SHA384", S2sSession.Authentication.SASL_EXTERNAL, "CN=" + remote, t, t.plusSeconds(in), in, out, in, 1);
    }

    /** {@code count} sessions over {@code domains} domains on two nodes, alternating directions. */
    public static FakeNodes synthetic(int count, int domains) {
        FakeNodes nodes = new FakeNodes();
        List<S2sSession> one = new ArrayList<>();
        List<S2sSession> two = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            S2sSession s = session(i % 2 == 0 ? "node-1" : "node-2", "stream" + i, i % 3 == 0 ? Direction.INCOMING : Direction.OUTGOING,
                "partner" + (i % domains) + ".example", i, 2L * i);
            (i % 2 == 0 ? one : two).add(s);
        }
        nodes.reports.add(new NodeReport("node-1", "1.3.0", "5.1.1", List.of(), one, null));
        nodes.reports.add(new NodeReport("node-2", "1.3.0", "5.1.1", List.of(), two, null));
        return nodes;
    }
}
