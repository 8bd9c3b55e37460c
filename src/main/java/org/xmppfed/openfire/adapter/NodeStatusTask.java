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

import java.io.ObjectInput;
import java.io.ObjectOutput;

import org.jivesoftware.util.cache.ClusterTask;
import org.xmppfed.openfire.troubleshoot.NodeStatus;

/**
 * Asks a cluster node for its part of the settings snapshot ({@link NodeStatus}: federation active,
 * versions, S2S port, certificates); {@code null} where the plugin is not running.
 */
public final class NodeStatusTask implements ClusterTask<NodeStatus> {
    private NodeStatus result;

    /** For deserialisation and for sending. */
    public NodeStatusTask() {
    }

    @Override
    public void run() {
        result = ClusterNodeStatuses.local();
    }

    @Override
    public NodeStatus getResult() {
        return result;
    }

    @Override
    public void writeExternal(ObjectOutput out) {
        // The question carries nothing.
    }

    @Override
    public void readExternal(ObjectInput in) {
        // The question carries nothing.
    }
}
