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
 * Openfire's server-to-server security settings as the Security page shows them: TLS mode,
 * strict validation of the federated servers' certificates, SASL EXTERNAL for each direction,
 * and server dialback. Whether a dialback secret is set is part of it; the secret itself never is.
 */
public record S2sSecurity(TlsMode tls, boolean strictCertificates, boolean externalIncoming, boolean externalOutgoing,
                          boolean dialback, boolean dialbackSecretSet) {

    /** Whether SASL EXTERNAL can authenticate a connection at all (it needs TLS) in either direction. */
    public boolean externalUsable() {
        return tls != TlsMode.NONE && (externalIncoming || externalOutgoing);
    }

    /** The same settings, with or without a dialback secret set. */
    public S2sSecurity withSecretSet(boolean set) {
        return new S2sSecurity(tls, strictCertificates, externalIncoming, externalOutgoing, dialback, set);
    }
}
