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

import java.io.Serializable;
import java.util.List;

/**
 * One node of a cluster as its snapshot reports it: whether federation is active there and the
 * node's own values (versions, listener, certificates), which must agree across the cluster's nodes.
 * Serializable because each node sends its own to the node that makes the snapshot.
 */
public record NodeStatus(String node, boolean federationActive, List<SnapshotItem> items) implements Serializable {
    private static final long serialVersionUID = 1L;

    public NodeStatus {
        items = List.copyOf(items);
    }
}
