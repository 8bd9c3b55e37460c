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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.connections.FederationReadiness.Facts;
import org.xmppfed.openfire.security.TlsMode;

class FederationReadinessTest {
    private static final Facts GOOD = new Facts(true, true, 3, true, true, 5269, TlsMode.OPTIONAL, true, null, true, true, false, true);

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("all good", GOOD, List.of()),
            Arguments.of("switch off", new Facts(false, true, 3, true, true, 5269, TlsMode.OPTIONAL, true, null, true, true, false, true),
                List.of("status.reason.switch-off")),
            Arguments.of("listener off", new Facts(true, true, 3, false, false, 5269, TlsMode.OPTIONAL, true, null, true, true, false, true),
                List.of("status.reason.listener-off")),
            Arguments.of("not bound", new Facts(true, true, 3, true, false, 5269, TlsMode.OPTIONAL, true, null, true, true, false, true),
                List.of("status.reason.not-listening")),
            Arguments.of("TLS required, no certificate (dialback still on)",
                new Facts(true, true, 3, true, true, 5269, TlsMode.REQUIRED, false, "expired", true, true, false, true),
                List.of("status.reason.tls-without-certificate")),
            Arguments.of("no dialback, TLS off", new Facts(true, true, 3, true, true, 5269, TlsMode.NONE, true, null, false, true, false, true),
                List.of("status.reason.no-auth-tls-off")),
            Arguments.of("no dialback, no certificate", new Facts(true, true, 3, true, true, 5269, TlsMode.OPTIONAL, false, "none", false, true, false, true),
                List.of("status.reason.no-auth-no-certificate")),
            Arguments.of("no dialback, certificate: EXTERNAL works", new Facts(true, true, 3, true, true, 5269, TlsMode.REQUIRED, true, null, false, true, false, true),
                List.of()),
            Arguments.of("no dialback, certificate, but EXTERNAL switched off",
                new Facts(true, true, 3, true, true, 5269, TlsMode.REQUIRED, true, null, false, false, false, true),
                List.of("status.reason.no-auth-external-off")),
            Arguments.of("lockdown", new Facts(true, true, 0, true, true, 5269, TlsMode.OPTIONAL, true, null, true, true, false, true),
                List.of("status.reason.lockdown")),
            Arguments.of("allow all without exceptions is no lockdown", new Facts(true, false, 0, true, true, 5269, TlsMode.OPTIONAL, true, null, true, true, false, true),
                List.of()),
            Arguments.of("optional TLS without certificate: warning", new Facts(true, true, 3, true, true, 5269, TlsMode.OPTIONAL, false, "none", true, true, false, true),
                List.of("status.reason.no-certificate")),
            Arguments.of("email users not read", new Facts(true, true, 3, true, true, 5269, TlsMode.OPTIONAL, true, null, true, true, true, false),
                List.of("status.reason.email-not-ready")),
            Arguments.of("everything at once", new Facts(false, true, 0, true, false, 5270, TlsMode.REQUIRED, false, "none", false, true, true, false),
                List.of("status.reason.switch-off", "status.reason.not-listening", "status.reason.tls-without-certificate",
                    "status.reason.no-auth-no-certificate", "status.reason.lockdown", "status.reason.email-not-ready")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyReasonThatAppliesOnceInOrder(String name, Facts facts, List<String> expected) {
        List<StatusReason> reasons = FederationReadiness.reasons(facts);
        assertEquals(expected, reasons.stream().map(StatusReason::key).toList());
        boolean blocked = reasons.stream().anyMatch(StatusReason::blocking);
        assertEquals(blocked, !new NodeReport("n", "", "", reasons, List.of(), null).active());
        reasons.forEach(r -> assertEquals(false, r.fixPage().isEmpty(), "every reason links to the page that fixes it"));
    }
}
