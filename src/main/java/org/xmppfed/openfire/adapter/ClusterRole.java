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

import java.util.List;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.cluster.ClusterEventListener;
import org.jivesoftware.openfire.cluster.ClusterManager;

/**
 * Which node looks after Openfire's settings that the whole cluster shares (its S2S permission
 * list, trunking): the senior member of a running cluster, or a server without clustering. A node
 * whose clustering is enabled but not started yet does nothing to them - at start-up every node is
 * alone for a while, and two nodes writing the same settings at once corrupt them; the node that
 * becomes senior applies them then (this class tells the modules).
 *
 * <p>Putting Openfire's own settings back is for an administrator unloading the plugin from a
 * server without clustering: never while Openfire shuts down (a node leaving the cluster would
 * reset what the running nodes enforce), never in a cluster (the other nodes still run the plugin).
 */
final class ClusterRole implements ClusterEventListener {
    private final List<FederationModule> modules;

    ClusterRole(List<FederationModule> modules) {
        this.modules = List.copyOf(modules);
    }

    static boolean isSettingsKeeper() {
        if (ClusterManager.isClusteringStarted()) {
            return ClusterManager.isSeniorClusterMember();
        }
        return !ClusterManager.isClusteringEnabled();
    }

    static boolean mayRestoreSharedSettings() {
        XMPPServer server = XMPPServer.getInstance();
        return (server == null || !server.isShuttingDown()) && !ClusterManager.isClusteringEnabled();
    }

    void start() {
        ClusterManager.addListener(this);
    }

    void stop() {
        ClusterManager.removeListener(this);
    }

    private void keeperMayHaveChanged() {
        if (isSettingsKeeper()) {
            for (FederationModule module : modules) {
                Worker.guarded("applying the shared settings of " + module.getClass().getSimpleName(), module::becameSettingsKeeper);
            }
        }
    }

    @Override
    public void joinedCluster() {
        keeperMayHaveChanged();
    }

    @Override
    public void joinedCluster(byte[] nodeID) {
        // another node joined: nothing changes for this one
    }

    @Override
    public void leftCluster() {
        // this node left: it is alone now, but its clustering is still enabled; it waits to rejoin
    }

    @Override
    public void leftCluster(byte[] nodeID) {
        keeperMayHaveChanged(); // the senior may have left
    }

    @Override
    public void markedAsSeniorClusterMember() {
        keeperMayHaveChanged();
    }
}
