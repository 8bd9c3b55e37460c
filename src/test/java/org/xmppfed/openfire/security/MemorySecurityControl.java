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

/** Security settings in memory: what the page saved, the last new dialback secret, connections closed. */
public final class MemorySecurityControl implements SecurityControl {
    public S2sSecurity settings = new S2sSecurity(TlsMode.OPTIONAL, false, true, true, true, false);
    public TrustStoreSummary trust = new TrustStoreSummary(2, 1);
    public DialbackSecret lastSecret;
    public int saves;
    public int closes;

    @Override
    public S2sSecurity current() {
        return settings;
    }

    @Override
    public TrustStoreSummary trustStore() {
        return trust;
    }

    @Override
    public void save(S2sSecurity s, DialbackSecret newSecret) {
        saves++;
        settings = s.withSecretSet(settings.dialbackSecretSet() || newSecret != null);
        if (newSecret != null) {
            lastSecret = newSecret;
        }
    }

    @Override
    public int closeFederatedConnections() {
        closes++;
        return 3;
    }
}
