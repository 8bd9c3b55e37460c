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

import org.jivesoftware.util.JiveGlobals;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * The S2S security settings as the settings snapshot compares them, read from Openfire's properties:
 * TLS mode, client-certificate requirement, SASL EXTERNAL in and out, dialback and a keyed digest of
 * the dialback secret (never the secret). Kept apart so that it can be merged with the security
 * capability's settings adapter, which owns these properties (the SASL and secret keys are the
 * plugin's, since Openfire has no such switches and keeps its own dialback secret in memory).
 */
final class S2sSecuritySnapshot {
    static final String TLS_POLICY = "xmpp.server.tls.policy";
    static final String CLIENT_CERT_POLICY = "xmpp.server.cert.policy";
    static final String DIALBACK = "xmpp.server.dialback.enabled";
    static final String SASL_IN = "plugin.federation.security.sasl-external.incoming";
    static final String SASL_OUT = "plugin.federation.security.sasl-external.outgoing";
    static final String DIALBACK_SECRET = "plugin.federation.security.dialback.secret";

    private S2sSecuritySnapshot() {
    }

    static List<SnapshotItem> items(SnapshotContext context) {
        String secret = JiveGlobals.getProperty(DIALBACK_SECRET, "");
        return List.of(
            SnapshotItem.value("security.tls", JiveGlobals.getProperty(TLS_POLICY, "optional")),
            SnapshotItem.value("security.client-certificate", JiveGlobals.getProperty(CLIENT_CERT_POLICY, "disabled")),
            SnapshotItem.value("security.sasl-in", JiveGlobals.getBooleanProperty(SASL_IN, true) ? "on" : "off"),
            SnapshotItem.value("security.sasl-out", JiveGlobals.getBooleanProperty(SASL_OUT, true) ? "on" : "off"),
            SnapshotItem.value("security.dialback", JiveGlobals.getBooleanProperty(DIALBACK, true) ? "on" : "off"),
            // "not set" on both sides compares equal; a digest is comparable only with the same key (the peer secret)
            SnapshotItem.value("security.dialback-secret", secret.isEmpty() ? "not set" : "digest " + context.digest().apply(secret).substring(0, 16)));
    }
}
