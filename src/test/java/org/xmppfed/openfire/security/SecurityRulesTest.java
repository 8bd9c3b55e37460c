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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Messages;

/** Which combinations of S2S security settings the Security page refuses, and the dialback secret's rules. */
class SecurityRulesTest {
    private static final TrustStoreSummary CA = new TrustStoreSummary(3, 1);
    private static final TrustStoreSummary SELF_SIGNED_ONLY = new TrustStoreSummary(2, 0);
    private static final TrustStoreSummary EMPTY = new TrustStoreSummary(0, 0);

    private static S2sSecurity s(TlsMode tls, boolean strict, boolean in, boolean out, boolean dialback) {
        return new S2sSecurity(tls, strict, in, out, dialback, false);
    }

    static Stream<Arguments> table() {
        return Stream.of(
            // settings, trust store, refused field (null: accepted), English message
            Arguments.of(s(TlsMode.NONE, false, true, true, false), CA, "dialback",
                "Without TLS, dialback is the only way servers can authenticate. Turn dialback on, or choose TLS optional or TLS required."),
            Arguments.of(s(TlsMode.NONE, true, true, true, true), EMPTY, null, null), // TLS options do not apply without TLS
            Arguments.of(s(TlsMode.REQUIRED, false, false, false, false), CA, "dialback",
                "With SASL EXTERNAL off in both directions and dialback off, no server can authenticate. Turn dialback on, or SASL EXTERNAL on for at least one direction."),
            Arguments.of(s(TlsMode.OPTIONAL, false, false, false, false), CA, "dialback",
                "With SASL EXTERNAL off in both directions and dialback off, no server can authenticate. Turn dialback on, or SASL EXTERNAL on for at least one direction."),
            Arguments.of(s(TlsMode.REQUIRED, false, true, false, false), CA, null, null),
            Arguments.of(s(TlsMode.REQUIRED, false, false, true, false), CA, null, null),
            Arguments.of(s(TlsMode.REQUIRED, false, false, false, true), CA, null, null),
            Arguments.of(s(TlsMode.REQUIRED, true, true, true, false), CA, null, null),
            Arguments.of(s(TlsMode.REQUIRED, true, true, true, false), EMPTY, "strictCertificates",
                "The S2S trust store is empty, so no partner certificate could be validated. Import the certificate authority of your partners on the Certificates page first, or leave this off."),
            Arguments.of(s(TlsMode.OPTIONAL, true, true, true, true), SELF_SIGNED_ONLY, "strictCertificates",
                "The S2S trust store holds 2 certificate(s) but no certificate authority (only self-signed certificates), so strict validation would refuse every partner whose certificate is not one of them. Import the authority that issues your partners' certificates on the Certificates page first, or leave this off."),
            Arguments.of(s(TlsMode.OPTIONAL, false, true, true, true), SELF_SIGNED_ONLY, null, null));
    }

    @ParameterizedTest
    @MethodSource("table")
    void refusedCombinationsSayWhatToChange(S2sSecurity settings, TrustStoreSummary trust, String field, String message) {
        List<SecurityRules.Problem> problems = SecurityRules.check(settings, trust);
        if (field == null) {
            assertEquals(List.of(), problems, settings.toString());
            return;
        }
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(field, problems.get(0).field());
        assertEquals(message, Messages.english(problems.get(0).key(), problems.get(0).args()));
    }

    @Test
    void theDialbackSecretNeedsSixteenPrintableCharacters() {
        assertEquals("The new dialback secret is empty. Type at least 16 characters, or choose \"Generate a new random secret\".",
            assertThrows(InvalidInputException.class, () -> DialbackSecret.of("")).getMessage());
        assertEquals("The new dialback secret is empty. Type at least 16 characters, or choose \"Generate a new random secret\".",
            assertThrows(InvalidInputException.class, () -> DialbackSecret.of("   ")).getMessage());
        assertEquals("The dialback secret must have at least 16 characters; this one has 15.",
            assertThrows(InvalidInputException.class, () -> DialbackSecret.of("a".repeat(15))).getMessage());
        assertEquals("The dialback secret contains a control character (a line break or tab?). Use printable characters only.",
            assertThrows(InvalidInputException.class, () -> DialbackSecret.of("a".repeat(16) + "\n")).getMessage());
        assertEquals("The dialback secret can have at most 1024 characters.",
            assertThrows(InvalidInputException.class, () -> DialbackSecret.of("a".repeat(1025))).getMessage());
        assertEquals("a".repeat(16), DialbackSecret.of("a".repeat(16)).reveal());
        assertEquals(16, DialbackSecret.of("\u00e4".repeat(16)).reveal().length(), "characters, not bytes");
    }

    @Test
    void aGeneratedSecretIsLongRandomAndNeverPrinted() {
        DialbackSecret a = DialbackSecret.generate();
        DialbackSecret b = DialbackSecret.generate();
        assertEquals(40, a.reveal().length());
        assertTrue(a.reveal().matches("[A-Za-z2-9]{40}"), a.reveal());
        assertNotEquals(a.reveal(), b.reveal());
        assertFalse(a.toString().contains(a.reveal()), "toString hides the secret");
        assertEquals("DialbackSecret[hidden]", a.toString());
    }

    @Test
    void tlsModesMapToOpenfiresPropertyValues() {
        assertEquals("disabled", TlsMode.NONE.openfireValue());
        assertEquals(TlsMode.REQUIRED, TlsMode.fromOpenfire("required"));
        assertEquals(TlsMode.OPTIONAL, TlsMode.fromOpenfire(null), "Openfire's default");
        assertEquals(TlsMode.NONE, TlsMode.parse("none"));
        assertEquals("'SOMETIMES' is not a TLS mode. Choose No TLS, TLS optional or TLS required.",
            assertThrows(InvalidInputException.class, () -> TlsMode.parse("SOMETIMES")).message(Locale.ENGLISH));
    }
}
