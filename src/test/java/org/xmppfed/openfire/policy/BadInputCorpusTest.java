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

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of inputs an administrator might type or import that must be refused, each with the exact
 * English text the administrator is shown, plus a table of good inputs and their normal form so the
 * corpus cannot pass by refusing everything.
 */
class BadInputCorpusTest {

    enum Via { PATTERN, DIRECTION }

    private static Arguments bad(String input, String message) {
        return Arguments.of(Via.PATTERN, input, message);
    }

    private static Arguments dir(String input, String message) {
        return Arguments.of(Via.DIRECTION, input, message);
    }

    private static final String L63 = "a".repeat(63);
    /** Four labels of 63, 63, 63 and 61 characters: exactly 253 characters. */
    private static final String LEN_253 = L63 + "." + L63 + "." + L63 + "." + "a".repeat(61);
    private static final String LEN_254 = LEN_253 + "a";
    /** 30 labels of nine u-umlauts: 303 characters as typed, 483 in punycode. */
    private static final String UNICODE_LONG = ("\u00FC".repeat(9) + ".").repeat(30) + "com";

    static Stream<Arguments> badInputs() {
        return Stream.of(
            // empty
            bad("",
                "Enter a domain, for example example.com."),
            bad(" ",
                "Enter a domain, for example example.com."),
            bad("   ",
                "Enter a domain, for example example.com."),
            bad("\t",
                "Enter a domain, for example example.com."),
            bad("\n\t ",
                "Enter a domain, for example example.com."),
            bad(null,
                "Enter a domain, for example example.com."),
            // jid
            bad("user@example.com",
                "'user@example.com' is an address, not a domain. Enter only the domain part, for example example.com."),
            bad("user@example.com/res",
                "'user@example.com/res' is an address, not a domain. Enter only the domain part, for example example.com."),
            bad("@example.com",
                "'@example.com' is an address, not a domain. Enter only the domain part, for example example.com."),
            bad("admin@Example.COM",
                "'admin@Example.COM' is an address, not a domain. Enter only the domain part, for example example.com."),
            bad(" alice@sub.example.org/phone ",
                "'alice@sub.example.org/phone' is an address, not a domain. Enter only the domain part, for example sub.example.org."),
            bad("user@xn--bcher-kva.example",
                "'user@xn--bcher-kva.example' is an address, not a domain. Enter only the domain part, for example xn--bcher-kva.example."),
            bad("xmpp:user@example.com",
                "'xmpp:user@example.com' is an address, not a domain. Enter only the domain part, for example example.com."),
            // url
            bad("http://example.com",
                "'http://example.com' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("https://example.com/path",
                "'https://example.com/path' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("xmpp:example.com",
                "'xmpp:example.com' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("XMPP:Example.com",
                "'XMPP:Example.com' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("https://example.com:443/",
                "'https://example.com:443/' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("ftp://example.com",
                "'ftp://example.com' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("ws://example.com",
                "'ws://example.com' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("xmpp:example.com?join",
                "'xmpp:example.com?join' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("https://b\u00FCcher.example/",
                "'https://b\u00FCcher.example/' is a URL, not a domain. Enter only the host name, for example example.com."),
            // resource
            bad("example.com/path",
                "'example.com/path' contains a /: enter only the domain, for example example.com."),
            bad("example.com/",
                "'example.com/' contains a /: enter only the domain, for example example.com."),
            bad("example.com/res/extra",
                "'example.com/res/extra' contains a /: enter only the domain, for example example.com."),
            bad("sub.example.com/index.html",
                "'sub.example.com/index.html' contains a /: enter only the domain, for example sub.example.com."),
            // port
            bad("example.com:5269",
                "'example.com:5269' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("example.com:",
                "'example.com:' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("localhost:5222",
                "'localhost:5222' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("10.0.0.1:5269",
                "'10.0.0.1:5269' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            // ipv6
            bad("::1",
                "'::1' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("[::1]",
                "'[::1]' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("2001:db8::1",
                "'2001:db8::1' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("[2001:db8::1]:5269",
                "'[2001:db8::1]:5269' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("fe80::1%eth0",
                "'fe80::1%eth0' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("::ffff:10.0.0.1",
                "'::ffff:10.0.0.1' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            // whitespace
            bad("exa mple.com",
                "'exa mple.com' contains blanks. A domain name has no spaces."),
            bad("example .com",
                "'example .com' contains blanks. A domain name has no spaces."),
            bad("exa\tmple.com",
                "'exa\tmple.com' contains blanks. A domain name has no spaces."),
            bad("example.com extra",
                "'example.com extra' contains blanks. A domain name has no spaces."),
            bad("exa\u3000mple.com",
                "'exa\u3000mple.com' contains blanks. A domain name has no spaces."),
            bad("exa\u2003mple.com",
                "'exa\u2003mple.com' contains blanks. A domain name has no spaces."),
            bad("a b",
                "'a b' contains blanks. A domain name has no spaces."),
            // leading dot
            bad(".example.com",
                "'.example.com' starts with a dot. For a domain and its subdomains enter *.example.com; otherwise remove the dot."),
            bad(".com",
                "'.com' starts with a dot. For a domain and its subdomains enter *.com; otherwise remove the dot."),
            bad(".localhost",
                "'.localhost' starts with a dot. For a domain and its subdomains enter *.localhost; otherwise remove the dot."),
            bad("*..example.com",
                "'*..example.com' has an empty label (two dots in a row, or a dot at the start or end)."),
            bad("*. example.com",
                "'*. example.com' contains blanks. A domain name has no spaces."),
            // double dot
            bad("example..com",
                "'example..com' has an empty label (two dots in a row, or a dot at the start or end)."),
            bad("a...b",
                "'a...b' has an empty label (two dots in a row, or a dot at the start or end)."),
            bad("sub..example.com",
                "'sub..example.com' has an empty label (two dots in a row, or a dot at the start or end)."),
            bad("*.example..com",
                "'*.example..com' has an empty label (two dots in a row, or a dot at the start or end)."),
            // trailing dots
            bad("example.com..",
                "'example.com..' has an empty label (two dots in a row, or a dot at the start or end)."),
            bad("localhost..",
                "'localhost..' has an empty label (two dots in a row, or a dot at the start or end)."),
            // characters
            bad("exa_mple.com",
                "'exa_mple.com' contains '_', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("EXA_MPLE.COM",
                "'EXA_MPLE.COM' contains '_', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exa!mple.com",
                "'exa!mple.com' contains '!', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("a,b.com",
                "'a,b.com' contains ',', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("a;b.com",
                "'a;b.com' contains ';', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("a\"b.com",
                "'a\"b.com' contains '\"', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("o'reilly.com",
                "'o'reilly.com' contains ''', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("<script>",
                "'<script>' contains '<', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("<script>.com",
                "'<script>.com' contains '<', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exa%mple.com",
                "'exa%mple.com' contains '%', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exa$mple.com",
                "'exa$mple.com' contains '$', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exa&mple.com",
                "'exa&mple.com' contains '&', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exa=mple.com",
                "'exa=mple.com' contains '=', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exa\\mple.com",
                "'exa\\mple.com' contains '\\', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exa#mple.com",
                "'exa#mple.com' contains '#', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("example.com?",
                "'example.com?' contains '?', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("ex(ample).com",
                "'ex(ample).com' contains '(', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exam+ple.com",
                "'exam+ple.com' contains '+', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("exa~mple.com",
                "'exa~mple.com' contains '~', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("*.exa_mple.com",
                "'*.exa_mple.com' contains '_', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            // hyphen
            bad("-example.com",
                "The label '-example' of '-example.com' starts or ends with a hyphen, which domain names do not allow."),
            bad("example-.com",
                "The label 'example-' of 'example-.com' starts or ends with a hyphen, which domain names do not allow."),
            bad("a.-b.com",
                "The label '-b' of 'a.-b.com' starts or ends with a hyphen, which domain names do not allow."),
            bad("sub.example-",
                "The label 'example-' of 'sub.example-' starts or ends with a hyphen, which domain names do not allow."),
            bad("-",
                "The label '-' of '-' starts or ends with a hyphen, which domain names do not allow."),
            bad("xn--.com",
                "The label 'xn--' of 'xn--.com' starts or ends with a hyphen, which domain names do not allow."),
            // punycode
            bad("xn--zz.com",
                "The label 'xn--zz' of 'xn--zz.com' starts with xn-- but is not valid punycode. Enter the name in its Unicode form or with correct punycode."),
            bad("xn--a.com",
                "The label 'xn--a' of 'xn--a.com' starts with xn-- but is not valid punycode. Enter the name in its Unicode form or with correct punycode."),
            bad("xn--999999999999.com",
                "The label 'xn--999999999999' of 'xn--999999999999.com' starts with xn-- but is not valid punycode. Enter the name in its Unicode form or with correct punycode."),
            bad("xn--abc.com",
                "The label 'xn--abc' of 'xn--abc.com' starts with xn-- but is not valid punycode. Enter the name in its Unicode form or with correct punycode."),
            bad("xn--0.com",
                "The label 'xn--0' of 'xn--0.com' starts with xn-- but is not valid punycode. Enter the name in its Unicode form or with correct punycode."),
            bad("XN--ZZ.COM",
                "The label 'xn--zz' of 'XN--ZZ.COM' starts with xn-- but is not valid punycode. Enter the name in its Unicode form or with correct punycode."),
            bad("sub.xn--zz.example",
                "The label 'xn--zz' of 'sub.xn--zz.example' starts with xn-- but is not valid punycode. Enter the name in its Unicode form or with correct punycode."),
            // idn
            bad("exa\uFF0Fmple.com",
                "'exa\uFF0Fmple.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("exa\uFF20mple.com",
                "'exa\uFF20mple.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("exa\uFF1Ample.com",
                "'exa\uFF1Ample.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("exa\uFF3Fmple.com",
                "'exa\uFF3Fmple.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("a\u05D0.com",
                "'a\u05D0.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("exa\u0378mple.com",
                "'exa\u0378mple.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("exa\uE000mple.com",
                "'exa\uE000mple.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("\u2474.com",
                "'\u2474.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("exa\uFE57mple.com",
                "'exa\uFE57mple.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            bad("b\u00FCcher_.example",
                "'b\u00FCcher_.example' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."),
            // numeric
            bad("example.123",
                "'example.123' ends in the all-numeric label '123', which no top-level domain has. Check for a typing mistake."),
            bad("123",
                "'123' ends in the all-numeric label '123', which no top-level domain has. Check for a typing mistake."),
            bad("1.2.3",
                "'1.2.3' ends in the all-numeric label '3', which no top-level domain has. Check for a typing mistake."),
            bad("256.1.1.1",
                "'256.1.1.1' ends in the all-numeric label '1', which no top-level domain has. Check for a typing mistake."),
            bad("1.2.3.4.5",
                "'1.2.3.4.5' ends in the all-numeric label '5', which no top-level domain has. Check for a typing mistake."),
            bad("10.0.0.256",
                "'10.0.0.256' ends in the all-numeric label '256', which no top-level domain has. Check for a typing mistake."),
            bad("sub.example.0",
                "'sub.example.0' ends in the all-numeric label '0', which no top-level domain has. Check for a typing mistake."),
            bad("*.10.0.0",
                "'*.10.0.0' ends in the all-numeric label '0', which no top-level domain has. Check for a typing mistake."),
            bad("*.example.123",
                "'*.example.123' ends in the all-numeric label '123', which no top-level domain has. Check for a typing mistake."),
            // wildcard
            bad("ex*ample.com",
                "'ex*ample.com' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("*example.com",
                "'*example.com' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("sub.*.example.com",
                "'sub.*.example.com' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("*.*.example.com",
                "'*.*.example.com' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("**.example.com",
                "'**.example.com' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("*",
                "A lone * is not a pattern. To allow every domain, set the default policy to Allow; to match a domain and all its subdomains, enter *.example.com."),
            bad(" * ",
                "A lone * is not a pattern. To allow every domain, set the default policy to Allow; to match a domain and all its subdomains, enter *.example.com."),
            bad("*.",
                "A lone * is not a pattern. To allow every domain, set the default policy to Allow; to match a domain and all its subdomains, enter *.example.com."),
            bad("*.*",
                "'*.*' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("example.*",
                "'example.*' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("example.com*",
                "'example.com*' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("*.com*",
                "'*.com*' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            bad("*-.example.com",
                "'*-.example.com' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com."),
            // wildcard ip
            bad("*.10.0.0.1",
                "'*.10.0.0.1' is a wildcard over an IP address; IP addresses have no subdomains. Enter the address without *."),
            bad("*.192.168.1.1.",
                "'*.192.168.1.1.' is a wildcard over an IP address; IP addresses have no subdomains. Enter the address without *."),
            bad("*.255.255.255.255",
                "'*.255.255.255.255' is a wildcard over an IP address; IP addresses have no subdomains. Enter the address without *."),
            // directions
            dir("both-ways",
                "'both-ways' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("IN",
                "'IN' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("",
                "'' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("OUT",
                "'OUT' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("inbound",
                "'inbound' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("outbound",
                "'outbound' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir(null,
                "'' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("  in  ",
                "'in' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("BOTHWAYS",
                "'BOTHWAYS' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("incomming",
                "'incomming' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("0",
                "'0' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("both,incoming",
                "'both,incoming' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("ALLOW",
                "'ALLOW' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("in/out",
                "'in/out' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            dir("\tOUT\t",
                "'OUT' is not a direction. Choose BOTH, INCOMING or OUTGOING."),
            // over-long domains (more than 253 characters in ASCII form)
            bad(LEN_254,
                "'" + LEN_254 + "' is 254 characters long in its ASCII form; a domain name may have at most 253."),
            bad(LEN_254 + ".",
                "'" + LEN_254 + ".' is 254 characters long in its ASCII form; a domain name may have at most 253."),
            bad(LEN_253 + ".com",
                "'" + LEN_253 + ".com' is 257 characters long in its ASCII form; a domain name may have at most 253."),
            bad(UNICODE_LONG,
                "'" + UNICODE_LONG + "' is 483 characters long in its ASCII form; a domain name may have at most 253."),
            bad("*." + LEN_254,
                "'*." + LEN_254 + "' is 254 characters long in its ASCII form; a domain name may have at most 253."),
            // over-long labels (more than 63 characters)
            bad("a".repeat(64) + ".com",
                "The label '" + "a".repeat(64) + "' of '" + "a".repeat(64) + ".com' is 64 characters long; a label may have at most 63."),
            bad("x." + "b".repeat(64) + ".com",
                "The label '" + "b".repeat(64) + "' of 'x." + "b".repeat(64) + ".com' is 64 characters long; a label may have at most 63."),
            bad("c".repeat(64),
                "The label '" + "c".repeat(64) + "' of '" + "c".repeat(64) + "' is 64 characters long; a label may have at most 63."),
            bad("sub." + "d".repeat(100) + ".example",
                "The label '" + "d".repeat(100) + "' of 'sub." + "d".repeat(100) + ".example' is 100 characters long; a label may have at most 63.")
        );
    }

    @ParameterizedTest(name = "[{index}] {0} \"{1}\"")
    @MethodSource("badInputs")
    void badInputIsRejectedWithItsMessage(Via via, String input, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            if (via == Via.PATTERN) {
                DomainNames.parsePattern(input);
            } else {
                Direction.parse(input);
            }
        });
        assertEquals(expected, e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // Good inputs and their normal form

    static Stream<Arguments> goodInputs() {
        return Stream.of(
            Arguments.of("EXAMPLE.COM", "example.com"),
            Arguments.of("example.com.", "example.com"),
            Arguments.of("  example.com  ", "example.com"),
            Arguments.of("\texample.com\n", "example.com"),
            Arguments.of("b\u00FCcher.example", "xn--bcher-kva.example"),
            Arguments.of("B\u00DCCHER.EXAMPLE", "xn--bcher-kva.example"),
            Arguments.of("m\u00FCnchen.de", "xn--mnchen-3ya.de"),
            Arguments.of("\u4F8B\u3048.jp", "xn--r8jz45g.jp"),
            Arguments.of("\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D", "example.com"),
            Arguments.of("*.Example.COM.", "*.example.com"),
            Arguments.of(" *.b\u00FCcher.example ", "*.xn--bcher-kva.example"),
            Arguments.of("*.xn--bcher-kva.example", "*.xn--bcher-kva.example"),
            Arguments.of("*.com", "*.com"),
            Arguments.of("*.localhost", "*.localhost"),
            Arguments.of("10.0.0.1", "10.0.0.1"),
            Arguments.of("10.0.0.1.", "10.0.0.1"),
            Arguments.of("255.255.255.255", "255.255.255.255"),
            Arguments.of("localhost", "localhost"),
            Arguments.of("LocalHost.", "localhost"),
            Arguments.of("abc.1om", "abc.1om"),
            Arguments.of("123.example.com", "123.example.com"),
            Arguments.of("3com.com", "3com.com"),
            Arguments.of("a-b--c.example", "a-b--c.example"),
            Arguments.of("xn--bcher-kva.example", "xn--bcher-kva.example"),
            Arguments.of("XN--BCHER-KVA.Example", "xn--bcher-kva.example"),
            Arguments.of(L63 + ".com", L63 + ".com"),
            Arguments.of(LEN_253, LEN_253),
            Arguments.of(LEN_253.toUpperCase(Locale.ROOT) + ".", LEN_253),
            Arguments.of("*." + LEN_253, "*." + LEN_253)
        );
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("goodInputs")
    void goodInputIsAcceptedInNormalForm(String input, String normalForm) {
        DomainPattern p = assertDoesNotThrow(() -> DomainNames.parsePattern(input));
        assertEquals(normalForm, p.toString());
        assertEquals(normalForm.startsWith("*."), p.wildcard());
        assertEquals(normalForm.startsWith("*.") ? normalForm.substring(2) : normalForm, p.domain());
        assertTrue(DomainNames.isNormalAscii(p.domain()), "normal form is lower-case ASCII");
        assertEquals(p, DomainNames.parsePattern(p.toString()), "the normal form parses to itself");
    }

    static Stream<Arguments> goodDirections() {
        return Stream.of(
            Arguments.of("BOTH", Direction.BOTH),
            Arguments.of("both", Direction.BOTH),
            Arguments.of(" Incoming ", Direction.INCOMING),
            Arguments.of("OUTGOING", Direction.OUTGOING),
            Arguments.of("\toutgoing\n", Direction.OUTGOING)
        );
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("goodDirections")
    void goodDirectionIsAccepted(String input, Direction expected) {
        assertEquals(expected, Direction.parse(input));
    }

    // ---------------------------------------------------------------------------------------------
    // Imports: every bad line is reported with its line number and nothing would be applied

    record LineErr(int line, String message) {
    }

    private static LineErr err(int line, String message) {
        return new LineErr(line, message);
    }

    private static Arguments csv(String name, String text, LineErr... errors) {
        return Arguments.of(name, EntryListFormat.Format.CSV, text, Arrays.asList(errors));
    }

    private static Arguments json(String name, String text, LineErr... errors) {
        return Arguments.of(name, EntryListFormat.Format.JSON, text, Arrays.asList(errors));
    }

    private static final String COLUMNS_1 = "Expected two comma-separated values (pattern,direction) but found 1.";
    private static final String COLUMNS_3 = "Expected two comma-separated values (pattern,direction) but found 3.";
    private static final String EMPTY = "Enter a domain, for example example.com.";
    private static final String SHAPE = "Expected a JSON array of exceptions, or an object with an \"exceptions\" array.";
    private static final String ENTRY = "Every entry of the array must be an object with \"pattern\" and \"direction\".";
    private static final String FIELDS = "The entry needs a \"pattern\" and a \"direction\", both text.";

    private static String notDirection(String d) {
        return "'" + d + "' is not a direction. Choose BOTH, INCOMING or OUTGOING.";
    }

    private static String syntax(String what) {
        return "This is not valid JSON: " + what + ".";
    }

    static Stream<Arguments> badImports() {
        return Stream.of(
            // ----- CSV
            csv("csv: one column", "example.com",
                err(1, COLUMNS_1)),
            csv("csv: three columns after the header", "pattern,direction\nexample.com,BOTH,extra\n",
                err(2, COLUMNS_3)),
            csv("csv: trailing comma", "example.com,BOTH,\n",
                err(1, COLUMNS_3)),
            csv("csv: tab instead of comma", "example.com\tBOTH",
                err(1, COLUMNS_1)),
            csv("csv: semicolon separated", "Pattern;Direction\nexample.com;BOTH",
                err(1, COLUMNS_1), err(2, COLUMNS_1)),
            csv("csv: both cells empty", ",\n",
                err(1, EMPTY)),
            csv("csv: quoted empty pattern", "\"\",BOTH",
                err(1, EMPTY)),
            csv("csv: bad pattern on line 3", "pattern,direction\na.example,BOTH\nuser@b.example,BOTH\n",
                err(3, "'user@b.example' is an address, not a domain. Enter only the domain part, for example b.example.")),
            csv("csv: bad direction", "a.example,sideways",
                err(1, notDirection("sideways"))),
            csv("csv: empty direction", "a.example,",
                err(1, notDirection(""))),
            csv("csv: duplicate pattern names the first line",
                "pattern,direction\nExample.com,BOTH\nb.example,INCOMING\nexample.com.,OUTGOING\n",
                err(4, "example.com appears more than once in the file (first on line 2).")),
            csv("csv: duplicate wildcard after a comment",
                "*.a.example,BOTH\n# the same again\n*.A.EXAMPLE.,INCOMING\n",
                err(3, "*.a.example appears more than once in the file (first on line 1).")),
            csv("csv: wildcard in the wrong place on line 2", "a.example,BOTH\n**.a.example,BOTH",
                err(2, "'**.a.example' has * in the wrong place. A wildcard may only be the whole first label, as in *.example.com.")),
            csv("csv: IPv6 literal", "[::1],BOTH",
                err(1, "'[::1]' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes.")),
            csv("csv: URL after a BOM and header", "\uFEFFpattern,direction\nhttps://a.example/x,BOTH\n",
                err(2, "'https://a.example/x' is a URL, not a domain. Enter only the host name, for example example.com.")),
            csv("csv: one bad line among good ones drops them all",
                "a.example,BOTH\nb.example,INCOMING\nc.example,OUTGOING\nd..example,BOTH\ne.example,BOTH\n",
                err(4, "'d..example' has an empty label (two dots in a row, or a dot at the start or end).")),
            csv("csv: several bad lines, CRLF, comments and blank lines",
                "pattern,direction\r\n# partners\r\nexa_mple.com,BOTH\r\n\r\ngood.example,BOTH\r\nhttp://x.example,BOTH\r\n"
                    + "*.example.com,sideways\r\na.example\r\n*,BOTH\r\ngood.example,INCOMING\r\nexample.123,OUTGOING\r\n",
                err(3, "'exa_mple.com' contains '_', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
                err(6, "'http://x.example' is a URL, not a domain. Enter only the host name, for example example.com."),
                err(7, notDirection("sideways")),
                err(8, COLUMNS_1),
                err(9, "A lone * is not a pattern. To allow every domain, set the default policy to Allow; to match a domain and all its subdomains, enter *.example.com."),
                err(10, "good.example appears more than once in the file (first on line 5)."),
                err(11, "'example.123' ends in the all-numeric label '123', which no top-level domain has. Check for a typing mistake.")),
            // ----- JSON syntax (reported on the line where parsing stopped)
            json("json: missing closing bracket", "[{\"pattern\": \"a.example\", \"direction\": \"BOTH\"}",
                err(1, syntax("unexpected end of the document"))),
            json("json: trailing comma", "[\n {\"pattern\": \"a.example\", \"direction\": \"BOTH\"},\n]",
                err(3, syntax("unexpected character ']'"))),
            json("json: empty text", "",
                err(1, syntax("unexpected end of the document"))),
            json("json: only blank lines", "\n\n  ",
                err(3, syntax("unexpected end of the document"))),
            json("json: unquoted field name on line 2", "[\n {pattern: \"a.example\", direction: \"BOTH\"}\n]",
                err(2, syntax("expected a quoted field name"))),
            json("json: single quotes", "[{'pattern': 'a.example', 'direction': 'BOTH'}]",
                err(1, syntax("expected a quoted field name"))),
            json("json: missing colon on line 3", "{\"exceptions\": [\n {\"pattern\": \"a.example\", \"direction\": \"BOTH\"},\n {\"pattern\" \"b.example\"}\n]}",
                err(3, syntax("expected ':'"))),
            json("json: missing comma between entries",
                "[\n {\"pattern\": \"a.example\", \"direction\": \"BOTH\"}\n {\"pattern\": \"b.example\", \"direction\": \"BOTH\"}\n]",
                err(3, syntax("expected ',' or ']'"))),
            json("json: missing comma between fields", "[{\"pattern\": \"a.example\" \"direction\": \"BOTH\"}]",
                err(1, syntax("expected ',' or '}'"))),
            json("json: text after the document", "[]\n[]",
                err(2, syntax("unexpected text after the end of the document"))),
            json("json: line break inside a string", "[{\"pattern\": \"a.\nexample\", \"direction\": \"BOTH\"}]",
                err(1, syntax("line break inside a string"))),
            json("json: bad escape", "[{\"pattern\": \"a\\x.example\", \"direction\": \"BOTH\"}]",
                err(1, syntax("bad escape \\x"))),
            json("json: bad unicode escape", "[{\"pattern\": \"\\u12\"}]",
                err(1, syntax("bad \\u escape"))),
            json("json: unterminated string", "[{\"pattern\": \"a.example",
                err(1, syntax("unterminated string"))),
            json("json: misspelt literal", "[{\"pattern\": \"a.example\", \"direction\": tru}]",
                err(1, syntax("unexpected word"))),
            json("json: bad number", "[{\"pattern\": 1.2.3, \"direction\": \"BOTH\"}]",
                err(1, syntax("bad number"))),
            // ----- JSON shape
            json("json: object without exceptions", "{\"foo\": []}", err(1, SHAPE)),
            json("json: exceptions is an object", "{\"exceptions\": {}}", err(1, SHAPE)),
            json("json: exceptions is text", "{\"exceptions\": \"a.example\"}", err(1, SHAPE)),
            json("json: a string", "\"a.example\"", err(1, SHAPE)),
            json("json: a number", "42", err(1, SHAPE)),
            json("json: null", "null", err(1, SHAPE)),
            json("json: entries that are not objects", "[\"a.example\", [\"b.example\", \"BOTH\"]]",
                err(1, ENTRY), err(1, ENTRY)),
            json("json: empty entry", "[{}]", err(1, FIELDS)),
            json("json: entries missing fields or with non-text fields",
                "[\n {\"pattern\": \"a.example\"},\n {\"direction\": \"BOTH\"},\n {\"pattern\": 5, \"direction\": \"BOTH\"},\n"
                    + " {\"pattern\": \"c.example\", \"direction\": true},\n {\"pattern\": null, \"direction\": \"BOTH\"},\n"
                    + " {\"pattern\": [\"d.example\"], \"direction\": \"BOTH\"},\n {\"pattern\": \"e.example\", \"direction\": {\"x\": 1}}\n]",
                err(2, FIELDS), err(3, FIELDS), err(4, FIELDS), err(5, FIELDS), err(6, FIELDS), err(7, FIELDS), err(8, FIELDS)),
            // ----- JSON entries with bad values
            json("json: several bad entries in the exceptions object",
                "{\"exceptions\": [\n  {\"pattern\": \"a.example\", \"direction\": \"BOTH\"},\n"
                    + "  {\"pattern\": \"user@b.example\", \"direction\": \"BOTH\"},\n"
                    + "  {\"pattern\": \"A.example\", \"direction\": \"incoming\"},\n"
                    + "  {\"pattern\": \"c.example\", \"direction\": \"up\"}\n]}",
                err(3, "'user@b.example' is an address, not a domain. Enter only the domain part, for example b.example."),
                err(4, "a.example appears more than once in the file (first on line 2)."),
                err(5, notDirection("up"))),
            json("json: entry spanning lines is reported on its first line",
                "[\n  {\"pattern\": \"ok.example\", \"direction\": \"BOTH\"},\n  {\n    \"pattern\": \"*.10.0.0.1\",\n    \"direction\": \"BOTH\"\n  }\n]",
                err(3, "'*.10.0.0.1' is a wildcard over an IP address; IP addresses have no subdomains. Enter the address without *.")),
            json("json: CRLF line ends", "[\r\n{\"pattern\":\"a.example\",\"direction\":\"BOTH\"},\r\n{\"pattern\":\"a..example\",\"direction\":\"BOTH\"}\r\n]",
                err(3, "'a..example' has an empty label (two dots in a row, or a dot at the start or end).")),
            json("json: bad pattern from a unicode escape", "[{\"pattern\": \"exa\\uff3fmple.com\", \"direction\": \"BOTH\"}]",
                err(1, "'exa\uFF3Fmple.com' is not a valid internationalised domain name. Check for characters that are not allowed in domain names."))
        );
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badImports")
    void badImportIsRejectedWhole(String name, EntryListFormat.Format format, String text, List<LineErr> expected) {
        ExceptionListFormat.ParseResult r = format == EntryListFormat.Format.CSV
            ? ExceptionListFormat.parseCsv(text, Instant.EPOCH)
            : ExceptionListFormat.parseJson(text, Instant.EPOCH);
        assertFalse(r.ok(), "the import must be refused");
        assertTrue(r.exceptions().isEmpty(), "nothing of a refused import may be applied");
        List<LineErr> actual = r.errors().stream()
            .map(e -> new LineErr(e.line(), e.problem().getMessage()))
            .toList();
        assertEquals(expected, actual);
        for (EntryListFormat.LineError e : r.errors()) {
            assertEquals("Line " + e.line() + ": " + e.problem().getMessage(), e.message(Locale.ENGLISH));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Discrepancies found in earlier versions of the import (now fixed), kept so they stay fixed.

    /** An entry that is not an object should be reported on its own line, not always on line 1. */
    @Test
    void jsonEntryThatIsNotAnObjectIsReportedOnItsOwnLine() {
        String text = "[\n  {\"pattern\": \"a.example\", \"direction\": \"BOTH\"},\n  \"b.example\",\n  5\n]";
        ExceptionListFormat.ParseResult r = ExceptionListFormat.parseJson(text, Instant.EPOCH);
        assertFalse(r.ok());
        assertTrue(r.exceptions().isEmpty());
        assertEquals(List.of(err(3, ENTRY), err(4, ENTRY)),
            r.errors().stream().map(e -> new LineErr(e.line(), e.problem().getMessage())).toList());
    }

    /** Deeply nested JSON must be refused as an import error, not crash the parser with StackOverflowError. */
    @Test
    void deeplyNestedJsonIsRefusedNotThrown() {
        String text = "[".repeat(1_000_000);
        ExceptionListFormat.ParseResult r = assertDoesNotThrow(() -> ExceptionListFormat.parseJson(text, Instant.EPOCH));
        assertFalse(r.ok());
        assertTrue(r.exceptions().isEmpty());
    }

    // ---------------------------------------------------------------------------------------------
    // Static routes: addresses and routes an administrator might enter, each refused with its text.

    private static Arguments badAddress(String input, String message) {
        return Arguments.of(input, message);
    }

    static Stream<Arguments> badRouteAddresses() {
        return Stream.of(
            badAddress("", "Enter an address: a host name or IP address, optionally with a port, for example xmpp.partner.example.com:5269."),
            badAddress("   ", "Enter an address: a host name or IP address, optionally with a port, for example xmpp.partner.example.com:5269."),
            badAddress(null, "Enter an address: a host name or IP address, optionally with a port, for example xmpp.partner.example.com:5269."),
            // hosts with spaces
            badAddress("xmpp .partner.example",
                "'xmpp .partner.example' contains blanks. Enter one address without spaces, for example xmpp.partner.example.com:5269."),
            badAddress("xmpp.partner.example :5269",
                "'xmpp.partner.example :5269' contains blanks. Enter one address without spaces, for example xmpp.partner.example.com:5269."),
            badAddress("xmpp.partner.example\u00A0",
                "'xmpp.partner.example\u00A0' contains blanks. Enter one address without spaces, for example xmpp.partner.example.com:5269."),
            // schemes
            badAddress("xmpp://partner.example",
                "'xmpp://partner.example' is a URL. Enter only the host and port, without xmpp:// or any other scheme, for example xmpp.partner.example.com:5269."),
            badAddress("xmpp:partner.example",
                "'xmpp:partner.example' is a URL. Enter only the host and port, without xmpp:// or any other scheme, for example xmpp.partner.example.com:5269."),
            badAddress("https://partner.example:5269",
                "'https://partner.example:5269' is a URL. Enter only the host and port, without xmpp:// or any other scheme, for example xmpp.partner.example.com:5269."),
            // paths
            badAddress("partner.example/xmpp",
                "'partner.example/xmpp' contains a /: enter only the host and an optional port, without a path."),
            badAddress("partner.example:5269/",
                "'partner.example:5269/' contains a /: enter only the host and an optional port, without a path."),
            // ports
            badAddress("partner.example:0",
                "Port 0 in 'partner.example:0' does not exist. A port is a number from 1 to 65535 (XMPP servers listen on 5269)."),
            badAddress("partner.example:65536",
                "Port 65536 in 'partner.example:65536' does not exist. A port is a number from 1 to 65535 (XMPP servers listen on 5269)."),
            badAddress("partner.example:99999999999",
                "Port 99999999999 in 'partner.example:99999999999' does not exist. A port is a number from 1 to 65535 (XMPP servers listen on 5269)."),
            badAddress("[2001:db8::1]:0",
                "Port 0 in '[2001:db8::1]:0' does not exist. A port is a number from 1 to 65535 (XMPP servers listen on 5269)."),
            badAddress("partner.example:abc",
                "'abc' in 'partner.example:abc' is not a port number. A port is a number from 1 to 65535."),
            badAddress("partner.example:52a9",
                "'52a9' in 'partner.example:52a9' is not a port number. A port is a number from 1 to 65535."),
            badAddress("partner.example:-1",
                "'-1' in 'partner.example:-1' is not a port number. A port is a number from 1 to 65535."),
            badAddress("partner.example:",
                "'partner.example:' ends with a colon but no port. Add the port (for example 5269) or remove the colon."),
            badAddress(":5269", "':5269' has a port but no host. Enter the host name or IP address before the colon."),
            // a JID
            badAddress("user@partner.example",
                "'user@partner.example' is an XMPP address, not a server address. Enter the host name or IP address of the partner's server, for example partner.example."),
            badAddress("partner.example@",
                "'partner.example@' is an XMPP address, not a server address. Enter the host name or IP address of the partner's server, for example ."),
            // IPv6
            badAddress("2001:db8::1", "'2001:db8::1' looks like an IPv6 address: write it in brackets, for example [2001:db8::1]:5269."),
            badAddress("[2001:db8::1", "'[2001:db8::1' is not a bracketed IPv6 address. Write it as [2001:db8::1] or [2001:db8::1]:5269."),
            badAddress("[2001:db8::1]5269", "'[2001:db8::1]5269' is not a bracketed IPv6 address. Write it as [2001:db8::1] or [2001:db8::1]:5269."),
            badAddress("[2001:db8::zz]:5269", "'2001:db8::zz' in '[2001:db8::zz]:5269' is not a valid IPv6 address."),
            badAddress("[fe80::1%eth0]", "'fe80::1%eth0' in '[fe80::1%eth0]' is not a valid IPv6 address."),
            badAddress("[]:5269", "'' in '[]:5269' is not a valid IPv6 address."),
            badAddress("[partner.example]:5269", "'partner.example' in '[partner.example]:5269' is not a valid IPv6 address."),
            // hosts by the same rules as every domain name
            badAddress("bad_host.example:5269",
                "'bad_host.example' contains '_', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            badAddress("-xmpp.partner.example",
                "The label '-xmpp' of '-xmpp.partner.example' starts or ends with a hyphen, which domain names do not allow."),
            badAddress("xmpp..partner.example",
                "'xmpp..partner.example' has an empty label (two dots in a row, or a dot at the start or end).")
        );
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("badRouteAddresses")
    void badRouteAddressIsRefusedWithItsMessage(String input, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> org.xmppfed.openfire.route.RouteTarget.parse(input));
        assertEquals(expected, e.getMessage());
        // and through the service: nothing saved, nothing announced
        org.xmppfed.openfire.route.Routes r = new org.xmppfed.openfire.route.Routes();
        InvalidInputException viaService = assertThrows(InvalidInputException.class, () -> r.service.add("partner.example", input));
        assertEquals(expected, viaService.getMessage());
        assertEquals(0, r.store.writes);
        assertEquals(0, r.settings.announcements);
    }

    static Stream<Arguments> goodRouteAddresses() {
        return Stream.of(
            Arguments.of("xmpp.partner.example", "xmpp.partner.example:5269"),
            Arguments.of("XMPP.Partner.Example.:5270", "xmpp.partner.example:5270"),
            Arguments.of(" 127.0.0.8:5269 ", "127.0.0.8:5269"),
            Arguments.of("192.0.2.10", "192.0.2.10:5269"),
            Arguments.of("[2001:DB8::10]:5269", "[2001:db8::10]:5269"),
            Arguments.of("[::1]", "[::1]:5269"),
            Arguments.of("xmpp:5269", "xmpp:5269"),
            Arguments.of("partner.example:1", "partner.example:1"),
            Arguments.of("partner.example:65535", "partner.example:65535"),
            Arguments.of("b\u00fccher.example", "xn--bcher-kva.example:5269"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("goodRouteAddresses")
    void goodRouteAddressIsAcceptedInNormalForm(String input, String normalForm) {
        assertEquals(normalForm, org.xmppfed.openfire.route.RouteTarget.parse(input).toString());
    }

    static Stream<Arguments> badRoutes() {
        return Stream.of(
            Arguments.of("openfire.example", "192.0.2.1",
                "openfire.example is a domain of this server (its XMPP domain or a service). Static routes lead to federated partners, not to this server's own names."),
            Arguments.of("Conference.Openfire.Example", "192.0.2.1",
                "conference.openfire.example is a domain of this server (its XMPP domain or a service). Static routes lead to federated partners, not to this server's own names."),
            Arguments.of("alias.example", "192.0.2.1",
                "alias.example is a chat node alias of conference.openfire.example. Static routes lead to federated partners, not to this server's own names."),
            Arguments.of("mail.example", "192.0.2.1",
                "mail.example is an email domain. Static routes lead to federated partners, not to this server's own names."),
            Arguments.of("user@partner.example", "192.0.2.1",
                "'user@partner.example' is an address, not a domain. Enter only the domain part, for example partner.example."),
            Arguments.of("*.partner.example", "192.0.2.1",
                "'*.partner.example' contains '*', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            Arguments.of("", "192.0.2.1", "Enter a domain, for example example.com."),
            Arguments.of("partner.example:5269", "192.0.2.1",
                "'partner.example:5269' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            // a duplicate of the route the test adds first
            Arguments.of("PARTNER.example", "192.0.2.10:5269", "partner.example already has the route 192.0.2.10:5269."));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("badRoutes")
    void badRouteIsRefusedWithItsMessageAndNothingIsSaved(String domain, String address, String expected) {
        org.xmppfed.openfire.route.Routes r = new org.xmppfed.openfire.route.Routes();
        r.service.add("partner.example", "192.0.2.10");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.service.add(domain, address));
        assertEquals(expected, e.getMessage());
        assertEquals(1, r.store.writes, "only the first route was saved");
        assertEquals(1, r.settings.announcements);
        assertEquals(1, r.service.current().routes().size());
    }

    static Stream<Arguments> badRouteImports() {
        return Stream.of(
            Arguments.of("CSV with three columns", "domain,address\npartner.example,192.0.2.1,5269\n",
                List.of(err(2, "Expected two comma-separated values (domain,address) but found 3."))),
            Arguments.of("CSV duplicate", "partner.example,192.0.2.1\nPARTNER.example,192.0.2.1:5269\n",
                List.of(err(2, "partner.example \u2192 192.0.2.1:5269 appears more than once in the file (first on line 1)."))),
            Arguments.of("CSV bad port and own name", "partner.example,192.0.2.1:0\nopenfire.example,192.0.2.1\n",
                List.of(err(1, "Port 0 in '192.0.2.1:0' does not exist. A port is a number from 1 to 65535 (XMPP servers listen on 5269)."),
                    err(2, "openfire.example is a domain of this server (its XMPP domain or a service). Static routes lead to federated partners, not to this server's own names."))),
            Arguments.of("JSON without the routes array", "{\"exceptions\": []}",
                List.of(err(1, "Expected a JSON array of routes, or an object with an \"routes\" array."))),
            Arguments.of("JSON entry with a pattern", "[{\"pattern\": \"partner.example\", \"direction\": \"BOTH\"}]",
                List.of(err(1, "The entry needs a \"domain\" and a \"address\", both text."))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRouteImports")
    void badRouteImportIsRejectedWhole(String name, String text, List<LineErr> expected) {
        org.xmppfed.openfire.route.Routes r = new org.xmppfed.openfire.route.Routes();
        EntryListFormat.Format format = text.startsWith("[") || text.startsWith("{") ? EntryListFormat.Format.JSON : EntryListFormat.Format.CSV;
        EntryListFormat.Parsed<org.xmppfed.openfire.route.StaticRoute> parsed = r.service.importFormat().parse(format, text, Instant.EPOCH);
        assertFalse(parsed.ok());
        assertTrue(parsed.entries().isEmpty(), "nothing of a refused import may be applied");
        assertEquals(expected, parsed.errors().stream().map(e -> new LineErr(e.line(), e.problem().getMessage())).toList());
    }
}
