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
import java.util.List;
import java.util.function.Supplier;

import org.jivesoftware.openfire.cluster.ClusterManager;
import org.jivesoftware.openfire.cluster.ClusterNodeInfo;
import org.jivesoftware.util.cache.CacheFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.troubleshoot.NodeStatus;
import org.xmppfed.openfire.troubleshoot.NodeStatuses;

/**
 * The nodes part of this cluster's settings snapshot: every node's {@link NodeStatus}, asked with
 * the cluster task {@link NodeStatusTask} (as {@link ClusterSessions} asks for connections) and put
 * together by {@link NodeStatuses}; without a cluster, this node alone. The running plugin publishes
 * how it describes its node; tasks from other nodes find it here.
 */
final class ClusterNodeStatuses {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNodeStatuses.class);
    private static volatile Supplier<NodeStatus> current;

    private ClusterNodeStatuses() {
    }

    static void publish(Supplier<NodeStatus> thisNode) {
        current = thisNode;
    }

    /** This node's status, or {@code null} while the plugin is not running here. */
    static NodeStatus local() {
        Supplier<NodeStatus> s = current;
        return s == null ? null : s.get();
    }

    /** Every node of the cluster, this one ({@code here}) first. */
    static List<NodeStatus> everyNode(NodeStatus here) {
        if (!ClusterManager.isClusteringStarted()) {
            return List.of(here);
        }
        Collection<Object> answers;
        try {
            // Same erased signature in 4.2.0 and 5.x (see ClusterSessions).
            answers = CacheFactory.doSynchronousClusterTask(new NodeStatusTask(), false);
        } catch (RuntimeException e) {
            LOG.warn("Could not ask the other cluster nodes for their federation status: {}", e.toString());
            answers = List.of();
        }
        List<String> members = new ArrayList<>();
        for (ClusterNodeInfo info : ClusterManager.getNodesInfo()) {
            members.add(info.getNodeID().toString());
        }
        return NodeStatuses.gather(here, answers == null ? List.of() : answers, members);
    }
}
