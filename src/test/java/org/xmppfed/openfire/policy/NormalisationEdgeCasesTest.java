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
package org.xmppfed.openfire.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inputs where a first implementation gave an unhelpful answer. */
class NormalisationEdgeCasesTest {

    private static String rejection(String input) {
        return assertThrows(InvalidInputException.class, () -> DomainNames.parsePattern(input)).getMessage();
    }

    @Test
    void suggestionsAreOnlyOfferedWhenTheyAreDomains() {
        assertEquals("'user@' is an address, not a domain. Enter only the domain part (what follows the @).", rejection("user@"));
        assertEquals("'a@b@c.com' is an address, not a domain. Enter only the domain part (what follows the @).", rejection("a@b@c.com"));
        assertEquals("'/example.com' contains a /: enter only the domain name, without a path or resource.", rejection("/example.com"));
        assertEquals("'.' has an empty label (two dots in a row, or a dot at the start or end).", rejection("."));
        assertEquals("'..example.com' has an empty label (two dots in a row, or a dot at the start or end).", rejection("..example.com"));
        assertEquals("'user@Partner.Example/res' is an address, not a domain. Enter only the domain part, for example partner.example.",
            rejection("user@Partner.Example/res"));
        assertEquals("'@partner.example' is an address, not a domain. Enter only the domain part, for example partner.example.",
            rejection("@partner.example"));
    }

    @Test
    void everyKindOfSpaceIsABlank() {
        assertEquals("'exa\u00a0mple.com' contains blanks. A domain name has no spaces.", rejection("exa\u00a0mple.com"));
        assertEquals("'*. example.com' contains blanks. A domain name has no spaces.", rejection("*. example.com"));
    }

    @Test
    void anOverLongUnicodeLabelIsNamed() {
        String label = "ü" + "a".repeat(63);
        String message = rejection(label + ".com");
        assertEquals("The label '" + label + "' of '" + label + ".com' is longer than 63 characters in its ASCII (punycode) form,"
            + " the most a label may have.", message);
    }

    @Test
    void ipv4LiteralsHaveOneSpelling() {
        assertEquals("1.2.3.4", DomainNames.normalise("01.02.03.004"));
        assertEquals(DomainPattern.parse("1.2.3.4"), DomainPattern.parse("001.2.3.4"));
    }

    @Test
    void largeNumbersAreNotGrouped() {
        String longName = "a".repeat(60) + ".";
        String domain = longName.repeat(17) + "com";
        assertTrue(rejection(domain).contains("is 1040 characters long"), rejection(domain));
    }

    /** The stanza path looks a domain up as it is only when it is already in normal form. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "partner.example        | true",
        "a                      | true",
        "a-b.0c.example         | true",
        "10.0.0.1               | true",
        "''                     | false",
        "partner.example.       | false",
        ".partner.example       | false",
        "partner..example       | false",
        "Partner.example        | false",
        "partner_x.example      | false",
        "b\u00FCcher.example    | false",
        "partner.example/res    | false",
        "'partner.example '     | false"})
    void isNormalAsciiAcceptsOnlyTheNormalForm(String domain, boolean normal) {
        assertEquals(normal, DomainNames.isNormalAscii(domain));
    }

    @Test
    void theLongestNormalNameIs253Characters() {
        String l63 = "a".repeat(63);
        String longest = l63 + "." + l63 + "." + l63 + "." + "b".repeat(61);
        assertTrue(DomainNames.isNormalAscii(longest));
        assertFalse(DomainNames.isNormalAscii(longest + "b"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ALLOW     | ALLOW",
        "allow     | ALLOW",
        "' Deny '  | DENY",
        "deny      | DENY"})
    void defaultPoliciesAreReadInAnyCase(String text, DefaultPolicy expected) {
        assertEquals(expected, DefaultPolicy.parse(text));
    }

    @Test
    void onlyAllowAllows() {
        assertTrue(DefaultPolicy.ALLOW.allows());
        assertFalse(DefaultPolicy.DENY.allows());
    }

    @Test
    void anUnknownDefaultPolicyIsRefusedWithItsText() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DefaultPolicy.parse(" maybe "));
        assertEquals("'maybe' is not a default policy. Choose ALLOW or DENY.", e.getMessage());
        assertEquals("settings.error.default-policy", e.key());
        assertEquals(List.of("maybe"), List.of(e.args()));
        assertEquals("InvalidInputException[settings.error.default-policy[maybe]]", e.toString());
        assertEquals("'' is not a default policy. Choose ALLOW or DENY.",
            assertThrows(InvalidInputException.class, () -> DefaultPolicy.parse(null)).getMessage());
        assertThrows(InvalidInputException.class, () -> DefaultPolicy.parse("ALLOW DENY"));
        assertThrows(InvalidInputException.class, () -> DefaultPolicy.parse(""));
    }

    @Test
    void numbersInMessagesAreShownAsEntered() {
        InvalidInputException e = new InvalidInputException("domain.error.too-long", "x", 1040, 253);
        assertEquals(List.of("x", "1040", "253"), List.of(e.args()));
        e.args()[0] = "changed";
        assertEquals("x", e.args()[0], "the arguments cannot be changed from outside");
    }

    @Test
    void aMissingMessageKeyShowsTheKey() {
        assertEquals("no.such.key", Messages.english("no.such.key"));
        assertEquals("no.such.key", Messages.format(Locale.GERMAN, "no.such.key", "x"));
    }

    @Test
    void directionsAndDefaultsAreAsciiWords() {
        assertThrows(InvalidInputException.class, () -> Direction.parse("\u0131ncoming"));
        assertEquals(Direction.INCOMING, Direction.parse(" incoming "));
        assertThrows(InvalidInputException.class, () -> DefaultPolicy.parse("den\u0131"));
    }

    @Test
    void csvHonoursQuotesCrLineEndsAndOnlyARealHeader() {
        var quoted = ExceptionListFormat.parseCsv("\"a.example\",\"BOTH\"\n\"b,c.example\",BOTH\n", Instant.EPOCH);
        assertEquals(1, quoted.errors().size());
        assertEquals(2, quoted.errors().get(0).line());
        assertEquals("'b,c.example' contains ',', which is not allowed in domain names. Use letters, digits, hyphens and dots.",
            quoted.errors().get(0).problem().getMessage());
        var crOnly = ExceptionListFormat.parseCsv("a.example,BOTH\rb.example,INCOMING\r", Instant.EPOCH);
        assertTrue(crOnly.ok());
        assertEquals(2, crOnly.exceptions().size());
        var patternNamedPattern = ExceptionListFormat.parseCsv("pattern,BOTH\n", Instant.EPOCH);
        assertTrue(patternNamedPattern.ok());
        assertEquals("pattern", patternNamedPattern.exceptions().get(0).pattern().toString());
    }

    @Test
    void jsonReportsTheLineOfEveryBadEntryAndSurvivesDeepNesting() {
        var r = ExceptionListFormat.parseJson("[\n {\"pattern\": \"a.example\", \"direction\": \"BOTH\"},\n \"b.example\"\n]", Instant.EPOCH);
        assertEquals(3, r.errors().get(0).line());
        var deep = ExceptionListFormat.parseJson("[".repeat(100_000), Instant.EPOCH);
        assertFalse(deep.ok());
        assertEquals("This is not valid JSON: nested more than 32 levels deep.", deep.errors().get(0).problem().getMessage());
        var badEscape = ExceptionListFormat.parseJson("[{\"pattern\": \"\\u+041.example\", \"direction\": \"BOTH\"}]", Instant.EPOCH);
        assertFalse(badEscape.ok());
    }
}
