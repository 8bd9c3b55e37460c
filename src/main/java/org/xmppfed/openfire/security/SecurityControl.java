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
package org.xmppfed.openfire.security;

/**
 * What the Security page works with: the S2S security settings in force, what the trust store
 * holds, saving (settings and, when given, a new dialback secret, together), and closing every
 * federated connection of this node so that new ones follow the saved settings.
 */
public interface SecurityControl {
    S2sSecurity current();

    TrustStoreSummary trustStore();

    /** Saves {@code settings}; {@code newSecret} replaces the dialback secret unless {@code null}. */
    void save(S2sSecurity settings, DialbackSecret newSecret);

    /** Closes this node's incoming and outgoing S2S connections; returns how many. */
    int closeFederatedConnections();
}
