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

import org.xmppfed.openfire.security.S2sSecurity;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * The S2S security settings as the settings snapshot compares them, read through
 * {@link S2sSecuritySettings} (the one class that knows Openfire's security properties): TLS mode,
 * client-certificate requirement, SASL EXTERNAL in and out, dialback and a keyed digest of the
 * dialback secret (never the secret).
 */
final class S2sSecuritySnapshot {
    private S2sSecuritySnapshot() {
    }

    static List<SnapshotItem> items(SnapshotContext context) {
        S2sSecurity s = new S2sSecuritySettings().read();
        String secret = S2sSecuritySettings.storedSecret();
        return List.of(
            SnapshotItem.value("security.tls", s.tls().openfireValue()),
            SnapshotItem.value("security.client-certificate", S2sSecuritySettings.clientCertificatePolicy()),
            SnapshotItem.value("security.sasl-in", s.externalIncoming() ? "on" : "off"),
            SnapshotItem.value("security.sasl-out", s.externalOutgoing() ? "on" : "off"),
            SnapshotItem.value("security.dialback", s.dialback() ? "on" : "off"),
            // "not set" on both sides compares equal; a digest is comparable only with the same key (the peer secret)
            SnapshotItem.value("security.dialback-secret", secret == null ? "not set" : "digest " + context.digest().apply(secret).substring(0, 16)));
    }
}
