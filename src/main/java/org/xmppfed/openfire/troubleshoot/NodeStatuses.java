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
package org.xmppfed.openfire.troubleshoot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of this cluster as its snapshot lists them, put together from what each node said about
 * itself: this node first (its own, fresh status), then every other node that answered, then every
 * member of the cluster that did not answer - listed as not active and without values, so that each
 * per-node row shows it as missing and warns, rather than the comparison silently covering fewer
 * nodes. A node that answers twice, or under this node's name, counts once.
 */
public final class NodeStatuses {
    private NodeStatuses() {
    }

    /**
     * {@code answers}: what the cluster task returned (a {@link NodeStatus} per node that answered;
     * anything else, such as {@code null} from a node without the plugin, is ignored);
     * {@code members}: the names of every node of the cluster, this one included.
     */
    public static List<NodeStatus> gather(NodeStatus local, Collection<?> answers, Collection<String> members) {
        Map<String, NodeStatus> byNode = new LinkedHashMap<>();
        for (Object answer : answers) {
            if (answer instanceof NodeStatus n && !n.node().equals(local.node())) {
                byNode.putIfAbsent(n.node(), n);
            }
        }
        for (String member : members) {
            if (!member.equals(local.node())) {
                byNode.putIfAbsent(member, new NodeStatus(member, false, List.of()));
            }
        }
        List<NodeStatus> others = new ArrayList<>(byNode.values());
        others.sort(Comparator.comparing(NodeStatus::node));
        List<NodeStatus> all = new ArrayList<>(others.size() + 1);
        all.add(local);
        all.addAll(others);
        return all;
    }
}
