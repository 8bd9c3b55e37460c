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

import java.util.ArrayList;
import java.util.List;

/**
 * The combinations of S2S security settings the Security page refuses, each with the field it
 * belongs to and a message that says what to change: settings that leave federated servers no
 * way to authenticate, and strict certificate validation while the trust store could validate
 * nobody.
 */
public final class SecurityRules {
    /** One refused combination: the form field to show it next to, the message key and its arguments. */
    public record Problem(String field, String key, Object... args) {
    }

    private SecurityRules() {
    }

    /** Everything wrong with {@code s}; empty when it can be saved. */
    public static List<Problem> check(S2sSecurity s, TrustStoreSummary trust) {
        List<Problem> problems = new ArrayList<>();
        if (!s.dialback()) {
            if (s.tls() == TlsMode.NONE) {
                problems.add(new Problem("dialback", "security.error.none-without-dialback"));
            } else if (!s.externalIncoming() && !s.externalOutgoing()) {
                problems.add(new Problem("dialback", "security.error.nothing-authenticates"));
            }
        }
        if (s.tls() != TlsMode.NONE && s.strictCertificates() && !trust.canValidatePartners()) {
            problems.add(trust.certificates() == 0
                ? new Problem("strictCertificates", "security.error.strict.empty")
                : new Problem("strictCertificates", "security.error.strict.selfsigned", trust.certificates()));
        }
        return problems;
    }
}
