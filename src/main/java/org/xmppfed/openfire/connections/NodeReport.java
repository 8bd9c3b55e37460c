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

import java.io.Serializable;
import java.util.List;

/**
 * What one cluster node says about itself: its name, the plugin's and Openfire's versions there,
 * the reasons federation does not (fully) work on it, and its S2S sessions. A node that did not
 * answer is a report with {@code unreachable} set to what went wrong and nothing else.
 */
public record NodeReport(String node, String pluginVersion, String openfireVersion, List<StatusReason> reasons,
                         List<S2sSession> sessions, String unreachable) implements Serializable {
    private static final long serialVersionUID = 1L;

    public NodeReport {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    public static NodeReport unreachable(String node, String problem) {
        return new NodeReport(node, "", "", List.of(), List.of(), problem);
    }

    /** Federation works on this node: it answered and nothing blocks it. */
    public boolean active() {
        return unreachable == null && reasons.stream().noneMatch(StatusReason::blocking);
    }
}
