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

import java.util.ArrayList;
import java.util.List;

import org.xmppfed.openfire.security.TlsMode;

/**
 * Decides, from what a node knows about its own settings, every reason federation does not work
 * there (blocking) or works less than configured (warning), each with the page that fixes it. One
 * place for these rules: the status page and the cluster task both ask it.
 */
public final class FederationReadiness {
    /** Openfire's own pages, relative to the plugin's pages ({@code /plugins/federation/}). */
    static final String S2S_SETTINGS = "/connection-settings-socket-s2s.jsp";
    static final String S2S_CERTIFICATES = "/security-keystore.jsp?connectionType=SOCKET_S2S";
    static final String SETTINGS = "settings.jsp";
    static final String POLICY = "policy.jsp";
    static final String EMAIL = "email.jsp";
    static final String SECURITY = "security.jsp";

    /**
     * What a node knows: the federation switch and policy, Openfire's S2S listener (enabled, and
     * whether something answers on its port), TLS mode, whether a usable S2S certificate is there
     * (and if not, why), dialback, whether SASL EXTERNAL is offered to servers that connect in, and
     * the email addressing state.
     */
    public record Facts(boolean federationEnabled, boolean defaultDeny, int exceptions, boolean listenerEnabled,
                        boolean listening, int port, TlsMode tls, boolean usableCertificate,
                        String certificateProblem, boolean dialbackEnabled, boolean externalEnabled,
                        boolean emailEnabled, boolean emailReady) {
    }

    private FederationReadiness() {
    }

    public static List<StatusReason> reasons(Facts f) {
        List<StatusReason> reasons = new ArrayList<>();
        if (!f.federationEnabled()) {
            reasons.add(StatusReason.blocking("status.reason.switch-off", SETTINGS));
        }
        if (!f.listenerEnabled()) {
            reasons.add(StatusReason.blocking("status.reason.listener-off", S2S_SETTINGS));
        } else if (!f.listening()) {
            reasons.add(StatusReason.blocking("status.reason.not-listening", S2S_SETTINGS, String.valueOf(f.port())));
        }
        boolean certificateUsable = f.usableCertificate();
        String problem = f.certificateProblem() == null ? "" : f.certificateProblem();
        if (f.tls() == TlsMode.REQUIRED && !certificateUsable) {
            reasons.add(StatusReason.blocking("status.reason.tls-without-certificate", S2S_CERTIFICATES, problem));
        }
        if (!f.dialbackEnabled()) {
            if (f.tls() == TlsMode.NONE) {
                reasons.add(StatusReason.blocking("status.reason.no-auth-tls-off", SECURITY));
            } else if (!certificateUsable) {
                reasons.add(StatusReason.blocking("status.reason.no-auth-no-certificate", S2S_CERTIFICATES, problem));
            } else if (!f.externalEnabled()) {
                reasons.add(StatusReason.blocking("status.reason.no-auth-external-off", SECURITY));
            }
        }
        if (f.defaultDeny() && f.exceptions() == 0) {
            reasons.add(StatusReason.blocking("status.reason.lockdown", POLICY));
        }
        if (f.tls() == TlsMode.OPTIONAL && !certificateUsable && f.dialbackEnabled()) {
            reasons.add(StatusReason.warning("status.reason.no-certificate", S2S_CERTIFICATES, problem));
        }
        if (f.emailEnabled() && !f.emailReady()) {
            reasons.add(StatusReason.warning("status.reason.email-not-ready", EMAIL));
        }
        return reasons;
    }
}
