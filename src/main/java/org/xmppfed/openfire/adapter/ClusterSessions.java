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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.cluster.ClusterManager;
import org.jivesoftware.openfire.cluster.ClusterNodeInfo;
import org.jivesoftware.util.cache.CacheFactory;
import org.jivesoftware.util.cache.ClusterTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.connections.FederationNodes;
import org.xmppfed.openfire.connections.NodeReport;

/**
 * The federation state of every cluster node, gathered with cluster tasks ({@link NodeReportTask},
 * {@link CloseSessionsTask}); without a cluster, this node alone.
 *
 * <p>{@code CacheFactory.doSynchronousClusterTask} is generic in 5.x ({@code <T> Collection<T>} and
 * {@code <T> T}) where 4.2.0 declares {@code Collection<Object>} and {@code Object}: the erased
 * signatures are identical, so the calls compiled against 4.2.0 link on 5.1; they are made here only.
 */
final class ClusterSessions implements FederationNodes {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSessions.class);
    private final LocalNode local;

    ClusterSessions(LocalNode local) {
        this.local = local;
    }

    @Override
    public String localNode() {
        return local.node();
    }

    @Override
    public List<NodeReport> reports() {
        if (!ClusterManager.isClusteringStarted()) {
            return List.of(local.report());
        }
        Map<String, NodeReport> byNode = new LinkedHashMap<>();
        for (Object answer : everyNode(new NodeReportTask())) {
            if (answer instanceof NodeReport r) {
                byNode.put(r.node(), r);
            }
        }
        byNode.putIfAbsent(local.node(), local.report());
        for (ClusterNodeInfo info : ClusterManager.getNodesInfo()) {
            String node = info.getNodeID().toString();
            byNode.putIfAbsent(node, NodeReport.unreachable(node, "did not answer"));
        }
        List<NodeReport> reports = new ArrayList<>(byNode.values());
        reports.sort(Comparator.comparing((NodeReport r) -> !r.node().equals(local.node())).thenComparing(NodeReport::node));
        return reports;
    }

    @Override
    public int close(String node, String streamId) {
        if (!ClusterManager.isClusteringStarted() || node.equals(local.node())) {
            return local.close(streamId, null);
        }
        for (ClusterNodeInfo info : ClusterManager.getNodesInfo()) {
            if (info.getNodeID().toString().equals(node)) {
                Object closed = CacheFactory.doSynchronousClusterTask(new CloseSessionsTask(streamId, null), info.getNodeID().toByteArray());
                return closed instanceof Integer n ? n : 0;
            }
        }
        return 0;
    }

    @Override
    public int closeDomain(String domain) {
        if (!ClusterManager.isClusteringStarted()) {
            return local.close(null, domain);
        }
        int closed = 0;
        for (Object n : everyNode(new CloseSessionsTask(null, domain))) {
            closed += n instanceof Integer i ? i : 0;
        }
        return closed;
    }

    @Override
    public int idleMinutes() {
        int millis = SessionManager.getInstance().getServerSessionIdleTime();
        return millis <= 0 ? 0 : Math.max(1, millis / 60_000);
    }

    @Override
    public void setIdleMinutes(int minutes) {
        SessionManager.getInstance().setServerSessionIdleTime(minutes <= 0 ? -1 : minutes * 60_000);
    }

    private static Collection<Object> everyNode(ClusterTask<?> task) {
        try {
            Collection<Object> answers = CacheFactory.doSynchronousClusterTask(task, true);
            return answers == null ? List.of() : answers;
        } catch (RuntimeException e) {
            LOG.warn("A federation cluster task failed: {}", e.toString());
            return List.of();
        }
    }
}
