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
package org.xmppfed.openfire.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * A corpus of email domains an administrator might type, each refused one with the exact English
 * text the administrator is shown (rendered from {@code federation_i18n.properties}), plus a table
 * of accepted inputs and their normal form, so the corpus cannot pass by refusing everything.
 *
 * <p>Rules (product spec): at most 255 characters of letters, digits, {@code -} and {@code .}; no
 * label starts with {@code -}; the last label does not start with a digit ({@code abc.1om} is
 * invalid); no empty labels; labels of at most 63 characters; trimmed, lower-cased, one trailing
 * dot dropped.
 */
class EmailDomainRulesTest {

    // ---- message templates, as the English bundle renders them ----

    private static final String EMPTY = "Enter an email domain, for example example.com.";

    private static String address(String input, String suggestion) {
        return "'" + input + "' is an email address, not a domain. Enter only the part after the @, for example " + suggestion + ".";
    }

    private static String url(String input) {
        return "'" + input + "' is a URL or address, not a domain. Enter only the domain name, for example example.com.";
    }

    private static String tooLong(String shown, int length) {
        return "'" + shown + "' is " + length + " characters long; an email domain may have at most 255.";
    }

    private static String blanks(String input) {
        return "'" + input + "' contains blanks. A domain name has no spaces.";
    }

    private static String character(String input, String c) {
        return "'" + input + "' contains '" + c + "'. An email domain may contain only letters, digits, hyphens (-) and dots (.).";
    }

    private static String idn(String input, String ascii) {
        return "'" + input + "' contains letters outside a-z. Enter its ASCII form instead: " + ascii;
    }

    private static String emptyLabel(String input) {
        return "'" + input + "' has an empty label (two dots in a row, or a dot at the start). Remove the extra dot.";
    }

    private static String hyphen(String input, String label) {
        return "The label '" + label + "' of '" + input + "' starts with a hyphen. Labels must start with a letter or a digit.";
    }

    private static String labelTooLong(String shownInput, String shownLabel, int length) {
        return "The label '" + shownLabel + "' of '" + shownInput + "' is " + length + " characters long; a label may have at most 63.";
    }

    private static String lastLabelDigit(String input, String label) {
        return "The last label '" + label + "' of '" + input + "' starts with a digit, which top-level domains never do"
            + " (abc.1om is not valid). Check for a typing mistake.";
    }

    // ---- lengths ----

    private static final String L63 = "a".repeat(63);
    /** Four labels of 63 characters: exactly 255 characters. */
    private static final String LEN_255 = L63 + "." + L63 + "." + L63 + "." + "b".repeat(63);
    /** 63 + 63 + 63 + 62 + 1 characters in five labels: 256 characters. */
    private static final String LEN_256 = L63 + "." + L63 + "." + L63 + "." + "b".repeat(62) + ".c";
    /** How long inputs are shown in messages: the first 37 characters and an ellipsis. */
    private static final String SHOWN_A = "a".repeat(37) + "...";

    private static Arguments bad(String input, String message) {
        return Arguments.of(input, message);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
            // empty or blank
            bad(null, EMPTY),
            bad("", EMPTY),
            bad(" ", EMPTY),
            bad("\t", EMPTY),
            bad("\n \t\r", EMPTY),
            bad("\u2003\u3000", EMPTY),
            // too long (more than 255 characters after trimming and dropping a trailing dot)
            bad(LEN_256, tooLong(SHOWN_A, 256)),
            bad("  " + LEN_256 + "\t", tooLong(SHOWN_A, 256)),
            bad(LEN_256.toUpperCase(Locale.ROOT), tooLong("A".repeat(37) + "...", 256)),
            bad(LEN_255 + "..", tooLong(SHOWN_A, 257)),
            bad("x_".repeat(150), tooLong("x_".repeat(18) + "x...", 300)),
            // blanks inside
            bad("exa mple.com", blanks("exa mple.com")),
            bad("example .com", blanks("example .com")),
            bad("exa\tmple.com", blanks("exa\tmple.com")),
            bad("example.\ncom", blanks("example.\ncom")),
            bad("example.com mail.example.com", blanks("example.com mail.example.com")),
            bad("exa\u00A0mple.com", blanks("exa\u00A0mple.com")),
            bad("exa\u3000mple.com", blanks("exa\u3000mple.com")),
            // characters that are not letters, digits, hyphens or dots
            bad("_dmarc.example.com", character("_dmarc.example.com", "_")),
            bad("EXA_MPLE.COM", character("EXA_MPLE.COM", "_")),
            bad("example!.com", character("example!.com", "!")),
            bad("example,com", character("example,com", ",")),
            bad("example.com,example.org", character("example.com,example.org", ",")),
            bad("*.example.com", character("*.example.com", "*")),
            bad("example.com;", character("example.com;", ";")),
            bad("o'reilly.com", character("o'reilly.com", "'")),
            bad("example.com?", character("example.com?", "?")),
            bad("ex#ample.com", character("ex#ample.com", "#")),
            bad("exa+mple.com", character("exa+mple.com", "+")),
            bad("[example.com]", character("[example.com]", "[")),
            bad("<example.com>", character("<example.com>", "<")),
            bad("exa\\mple.com", character("exa\\mple.com", "\\")),
            bad("exa%mple.com", character("exa%mple.com", "%")),
            bad("ex`ample.com", character("ex`ample.com", "`")),
            bad("ex{ample.com", character("ex{ample.com", "{")),
            // a letter outside a-z whose ASCII form would be too long: named as the character it is
            bad("\u00FC".repeat(60) + ".com", character("\u00FC".repeat(60) + ".com", "\u00FC")),
            // emoji and other symbols: whole code points in the message, never half a surrogate pair
            bad("\uD83D\uDE00.example", character("\uD83D\uDE00.example", "\uD83D\uDE00")),
            bad("mail\uD83D\uDCE7.example.com", character("mail\uD83D\uDCE7.example.com", "\uD83D\uDCE7")),
            bad("i\u2764.example", character("i\u2764.example", "\u2764")),
            bad("example\u3002com", character("example\u3002com", "\u3002")),
            // letters outside a-z: the ASCII (xn--) form to enter instead
            bad("b\u00FCcher.example", idn("b\u00FCcher.example", "xn--bcher-kva.example")),
            bad("B\u00FCcher.Example", idn("B\u00FCcher.Example", "xn--bcher-kva.example")),
            bad("m\u00FCnchen.de", idn("m\u00FCnchen.de", "xn--mnchen-3ya.de")),
            bad("caf\u00E9.com", idn("caf\u00E9.com", "xn--caf-dma.com")),
            bad("\u00C4\u00D6\u00DC.de", idn("\u00C4\u00D6\u00DC.de", "xn--4ca0bs.de")),
            bad("\u4F8B\u3048.jp", idn("\u4F8B\u3048.jp", "xn--r8jz45g.jp")),
            bad("\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444", idn("\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444",
                "xn--e1afmkfd.xn--p1ai")),
            bad("\u03B4\u03BF\u03BA\u03B9\u03BC\u03AE.gr", idn("\u03B4\u03BF\u03BA\u03B9\u03BC\u03AE.gr", "xn--jxalpdlp.gr")),
            // an email address: the part after the @ is what to enter
            bad("user@example.com", address("user@example.com", "example.com")),
            bad("  alice@mail.example.org ", address("alice@mail.example.org", "mail.example.org")),
            bad("User@Example.COM", address("User@Example.COM", "example.com")),
            bad("@example.com", address("@example.com", "example.com")),
            bad("user@", address("user@", "example.com")),
            bad("a@b@example.org", address("a@b@example.org", "example.org")),
            bad("mailto:user@example.com", address("mailto:user@example.com", "example.com")),
            bad("xmpp:user@example.com", address("xmpp:user@example.com", "example.com")),
            bad("user@exa mple.com", address("user@exa mple.com", "example.com")),
            bad("user@example.com/phone", address("user@example.com/phone", "example.com")),
            // URLs and URIs
            bad("http://example.com", url("http://example.com")),
            bad("https://mail.example.com/owa", url("https://mail.example.com/owa")),
            bad("ftp://files.example.com", url("ftp://files.example.com")),
            bad("xmpp:example.com", url("xmpp:example.com")),
            bad("XMPP:example.com", url("XMPP:example.com")),
            bad("mailto:example.com", url("mailto:example.com")),
            bad("example.com/path", url("example.com/path")),
            bad("example.com:25", url("example.com:25")),
            // empty labels
            bad("a..b", emptyLabel("a..b")),
            bad(".a.b", emptyLabel(".a.b")),
            bad("a.b..", emptyLabel("a.b..")),
            bad(".", emptyLabel(".")),
            bad("..", emptyLabel("..")),
            bad("example..com.", emptyLabel("example..com")),
            bad(" .example.com. ", emptyLabel(".example.com")),
            // a label starting with a hyphen
            bad("-example.com", hyphen("-example.com", "-example")),
            bad("example.-com", hyphen("example.-com", "-com")),
            bad("mail.-x.example", hyphen("mail.-x.example", "-x")),
            bad("-", hyphen("-", "-")),
            bad("--.com", hyphen("--.com", "--")),
            // a label over 63 characters
            bad("a".repeat(64) + ".com", labelTooLong(SHOWN_A, SHOWN_A, 64)),
            bad("mail." + "b".repeat(100) + ".com",
                labelTooLong("mail." + "b".repeat(32) + "...", "b".repeat(37) + "...", 100)),
            bad("c".repeat(64), labelTooLong("c".repeat(37) + "...", "c".repeat(37) + "...", 64)),
            // the last label starts with a digit
            bad("abc.1om", lastLabelDigit("abc.1om", "1om")),
            bad("example.123", lastLabelDigit("example.123", "123")),
            bad("x.9", lastLabelDigit("x.9", "9")),
            bad("9", lastLabelDigit("9", "9")),
            bad("10.0.0.1", lastLabelDigit("10.0.0.1", "1")),
            bad("192.168.1.1.", lastLabelDigit("192.168.1.1", "1")),
            bad("example.0-com", lastLabelDigit("example.0-com", "0-com")),
            bad("mail.example.4u", lastLabelDigit("mail.example.4u", "4u"))
        );
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("rejected")
    void rejectedInputSaysWhatIsWrong(String input, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EmailDomainRules.normalise(input));
        assertEquals(expected, e.getMessage());
        assertFalse(EmailDomainRules.isValid(input), "isValid must agree with normalise");
    }

    // ---- accepted inputs and their normal form ----

    static Stream<Arguments> accepted() {
        return Stream.of(
            Arguments.of("example.com", "example.com"),
            Arguments.of("Example.COM", "example.com"),
            Arguments.of("EXAMPLE.co.UK", "example.co.uk"),
            Arguments.of("example.com.", "example.com"),
            Arguments.of("  example.com \t", "example.com"),
            Arguments.of("\n Mail.Example.Org. \n", "mail.example.org"),
            Arguments.of("mail2.example3.com", "mail2.example3.com"),
            Arguments.of("123.example.com", "123.example.com"),
            Arguments.of("1.2.3.example", "1.2.3.example"),
            Arguments.of("3com.com", "3com.com"),
            Arguments.of("my-mail.example.com", "my-mail.example.com"),
            Arguments.of("a-b-c.x-y", "a-b-c.x-y"),
            Arguments.of("example-.com", "example-.com"),
            Arguments.of("mail.example-", "mail.example-"),
            Arguments.of("example.x-1", "example.x-1"),
            Arguments.of("xn--bcher-kva.example", "xn--bcher-kva.example"),
            Arguments.of("XN--E1AFMKFD.XN--P1AI", "xn--e1afmkfd.xn--p1ai"),
            Arguments.of("localhost", "localhost"),
            Arguments.of("Intranet.", "intranet"),
            Arguments.of("x", "x"),
            Arguments.of("a.b.c.d.e.f.g", "a.b.c.d.e.f.g"),
            Arguments.of("a0z9.example", "a0z9.example"),
            Arguments.of(L63 + ".com", L63 + ".com"),
            Arguments.of(LEN_255, LEN_255),
            Arguments.of(LEN_255 + ".", LEN_255),
            Arguments.of(" " + LEN_255.toUpperCase(Locale.ROOT) + " ", LEN_255)
        );
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("accepted")
    void acceptedInputIsNormalised(String input, String expected) {
        assertEquals(expected, EmailDomainRules.normalise(input));
        assertTrue(EmailDomainRules.isValid(input));
        assertEquals(expected, EmailDomainRules.normalise(expected), "the normal form is stable");
    }

    @Test
    void theLengthLimitIsExactly255Characters() {
        assertEquals(LEN_255, EmailDomainRules.normalise(LEN_255));
        assertFalse(EmailDomainRules.isValid(LEN_256));
        assertEquals(255, EmailDomainRules.MAX_LENGTH);
    }

    @Test
    void theLabelLimitIsExactly63Characters() {
        assertEquals("x." + L63, EmailDomainRules.normalise("x." + L63));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EmailDomainRules.normalise("x." + L63 + "a"));
        assertEquals("email.domain.error.label-too-long", e.key());
    }

    @Test
    void everyRejectionCarriesAMessageKeyOfTheBundle() {
        rejected().forEach(args -> {
            String input = (String) args.get()[0];
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> EmailDomainRules.normalise(input));
            assertTrue(e.key().startsWith("email.domain.error."), e.key());
            assertFalse(e.getMessage().contains("email.domain.error."), "message text missing for " + e.key());
        });
    }
}
