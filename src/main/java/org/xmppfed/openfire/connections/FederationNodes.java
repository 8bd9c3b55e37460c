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

import java.util.List;

/**
 * The federation state of every node of the cluster (or of this server alone), and closing S2S
 * sessions wherever they live. Implemented in the adapter with cluster tasks.
 */
public interface FederationNodes {
    /** Every node's report, this node first; a node that did not answer is reported as unreachable. */
    List<NodeReport> reports();

    /** Closes the session {@code streamId} on {@code node}; how many were closed (0 when it is gone already). */
    int close(String node, String streamId);

    /** Closes every session with {@code domain} on every node; how many were closed. */
    int closeDomain(String domain);

    /** Openfire's idle time-out for S2S sessions in minutes (0 or less: never). */
    int idleMinutes();

    /** Sets Openfire's idle time-out for S2S sessions (the whole cluster shares it). */
    void setIdleMinutes(int minutes);

    /** This node's name, as the reports and events call it. */
    String localNode();
}
