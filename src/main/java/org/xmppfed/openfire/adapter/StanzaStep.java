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

import org.jivesoftware.openfire.interceptor.PacketRejectedException;

/**
 * A capability's part of the per-stanza path. {@link FederationInterceptor} runs the steps of all
 * modules once per stanza, in the modules' order; a step rejects a stanza by throwing
 * {@link PacketRejectedException} (after sending whatever answer it owes), may change the packet
 * in place, and never calls back into the interceptor. What happens when a step fails with any
 * other exception is decided in one place, the interceptor (fail closed for federated traffic).
 */
public interface StanzaStep {
    /** Before Openfire routes the stanza: every stanza, local or federated. */
    void beforeRouting(Stanza stanza) throws PacketRejectedException;

    /** Before Openfire hands the stanza to an outgoing server-to-server session. */
    default void beforeS2sDelivery(Stanza stanza) throws PacketRejectedException {
    }
}
