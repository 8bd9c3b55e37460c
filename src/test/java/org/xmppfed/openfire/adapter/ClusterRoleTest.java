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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.cluster.ClusterManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

/**
 * Which node writes Openfire's shared settings, and when the plugin may put them back: found on a
 * real two-node cluster, where nodes that started together both wrote them (and one saved the
 * other's entries as "the administrator's"), and a node shutting down reset them under the node
 * that kept running.
 */
class ClusterRoleTest {
    private MockedStatic<ClusterManager> cluster;
    private MockedStatic<XMPPServer> xmppServer;
    private final XMPPServer server = mock(XMPPServer.class);
    private boolean enabled;
    private boolean started;
    private boolean senior;
    private final List<String> applied = new ArrayList<>();

    @BeforeEach
    void openfire() {
        cluster = mockStatic(ClusterManager.class);
        cluster.when(ClusterManager::isClusteringEnabled).thenAnswer(i -> enabled);
        cluster.when(ClusterManager::isClusteringStarted).thenAnswer(i -> started);
        cluster.when(ClusterManager::isSeniorClusterMember).thenAnswer(i -> senior);
        xmppServer = mockStatic(XMPPServer.class);
        xmppServer.when(XMPPServer::getInstance).thenReturn(server);
    }

    @AfterEach
    void close() {
        xmppServer.close();
        cluster.close();
    }

    private FederationModule module(String name) {
        return new FederationModule() {
            @Override
            public void start(ModuleHost host) {
            }

            @Override
            public void stop() {
            }

            @Override
            public void becameSettingsKeeper() {
                applied.add(name);
            }
        };
    }

    @Test
    void aServerWithoutClusteringKeepsItsSettingsAndPutsThemBackWhenThePluginIsUnloaded() {
        assertTrue(ClusterRole.isSettingsKeeper());
        assertTrue(ClusterRole.mayRestoreSharedSettings());
        when(server.isShuttingDown()).thenReturn(true);
        assertFalse(ClusterRole.mayRestoreSharedSettings(), "not while Openfire shuts down: the plugin applies them again at start");
    }

    @Test
    void aClusterNodeWritesNothingUntilItKnowsItIsTheSenior() {
        enabled = true;
        assertFalse(ClusterRole.isSettingsKeeper(), "clustering enabled, not joined yet: every node is alone for a while");
        started = true;
        assertFalse(ClusterRole.isSettingsKeeper(), "a junior member");
        senior = true;
        assertTrue(ClusterRole.isSettingsKeeper());
        assertFalse(ClusterRole.mayRestoreSharedSettings(), "in a cluster the other nodes still run the plugin");
    }

    @Test
    void theNodeThatBecomesSeniorAppliesEveryModulesSharedSettingsInOrder() {
        enabled = true;
        started = true;
        ClusterRole role = new ClusterRole(List.of(module("policy"), module("email")));
        role.joinedCluster();
        assertEquals(List.of(), applied, "a junior that joined applies nothing");
        role.leftCluster(new byte[] {1});
        assertEquals(List.of(), applied, "still junior");
        senior = true;
        role.markedAsSeniorClusterMember();
        assertEquals(List.of("policy", "email"), applied);
        applied.clear();
        role.joinedCluster(new byte[] {2});
        assertEquals(List.of(), applied, "another node joining changes nothing here");
    }
}
