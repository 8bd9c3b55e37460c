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

import java.net.IDN;
import java.util.Locale;

/**
 * The one place where administrator-entered domain names and domain patterns are normalised and
 * validated: trimmed, lower-cased, trailing dot removed, internationalised names converted to
 * their ASCII (punycode) form, then checked against the DNS length and label rules. Every
 * rejection names what was wrong and what to enter instead.
 */
public final class DomainNames {
    public static final int MAX_DOMAIN_LENGTH = 253;
    public static final int MAX_LABEL_LENGTH = 63;

    private DomainNames() {
    }

    /** Parses an exact domain ({@code example.com}) or a wildcard ({@code *.example.com}). */
    public static DomainPattern parsePattern(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.equals("*") || text.equals("*.")) {
            throw new InvalidInputException("domain.error.bare-wildcard");
        }
        if (text.startsWith("*.")) {
            String base = text.substring(2);
            if (base.contains("*")) {
                throw new InvalidInputException("domain.error.wildcard-position", text);
            }
            String domain = normalise(base, text);
            if (isIpv4Literal(domain)) {
                throw new InvalidInputException("domain.error.wildcard-ip", text);
            }
            return new DomainPattern(domain, true);
        }
        if (text.contains("*")) {
            throw new InvalidInputException("domain.error.wildcard-position", text);
        }
        return new DomainPattern(normalise(text, text), false);
    }

    /** Normalises and validates one exact domain name; throws with a message when it is not one. */
    public static String normalise(String raw) {
        String text = raw == null ? "" : raw.strip();
        return normalise(text, text);
    }

    /** {@code shownAs} is what the administrator entered, quoted in messages. */
    private static String normalise(String text, String shownAs) {
        if (text.isEmpty()) {
            throw new InvalidInputException("domain.error.empty");
        }
        rejectNonDomainForms(text, shownAs);
        if (text.startsWith(".")) {
            String suggestion = "*" + text;
            if (text.equals(shownAs) && text.length() > 1 && !text.startsWith("..") && !text.endsWith("..") && suggestion.length() > 2) {
                throw new InvalidInputException("domain.error.leading-dot", shownAs, suggestion);
            }
            throw new InvalidInputException("domain.error.empty-label", shownAs);
        }
        String ascii = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (ascii.isEmpty() || ascii.endsWith(".")) {
            throw new InvalidInputException("domain.error.empty-label", shownAs);
        }
        if (!isAscii(ascii)) {
            ascii = toAscii(ascii, shownAs);
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        checkLabels(ascii, shownAs);
        return canonicalIpv4(ascii);
    }

    private static String toAscii(String unicode, String shownAs) {
        try {
            return IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            // Say which label is too long when that is the reason; otherwise the general message.
            for (String label : unicode.split("\\.")) {
                try {
                    IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException tooLong) {
                    if (String.valueOf(tooLong.getMessage()).contains("too long")) {
                        throw new InvalidInputException("domain.error.idn-label-too-long", shownAs, label, MAX_LABEL_LENGTH);
                    }
                }
            }
            throw new InvalidInputException("domain.error.idn", shownAs);
        }
    }

    /** Suggests {@code candidate} as the domain to enter only when it is one. */
    private static String suggestion(String candidate) {
        try {
            return normalise(candidate, candidate);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /**
     * A cheap check for the stanza path: true when {@code domain} consists only of lower-case
     * letters, digits, hyphens and single dots between labels, so it can be looked up as it is.
     * Anything else goes through {@link #normalise(String)}.
     */
    public static boolean isNormalAscii(String domain) {
        int n = domain.length();
        if (n == 0 || n > MAX_DOMAIN_LENGTH) {
            return false;
        }
        char previous = '.';
        for (int i = 0; i < n; i++) {
            char c = domain.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c == '.' && previous != '.');
            if (!ok) {
                return false;
            }
            previous = c;
        }
        return previous != '.';
    }

    private static void rejectNonDomainForms(String text, String shownAs) {
        int at = text.indexOf('@');
        if (at >= 0) {
            String domainPart = text.substring(at + 1);
            int slash = domainPart.indexOf('/');
            if (slash >= 0) {
                domainPart = domainPart.substring(0, slash);
            }
            String s = domainPart.indexOf('@') >= 0 ? null : suggestion(domainPart);
            throw s != null ? new InvalidInputException("domain.error.jid", shownAs, s)
                : new InvalidInputException("domain.error.jid-plain", shownAs);
        }
        if (text.contains("://") || text.regionMatches(true, 0, "xmpp:", 0, 5)) {
            throw new InvalidInputException("domain.error.url", shownAs);
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            String s = slash > 0 ? suggestion(text.substring(0, slash)) : null;
            throw s != null ? new InvalidInputException("domain.error.resource", shownAs, s)
                : new InvalidInputException("domain.error.resource-plain", shownAs);
        }
        if (text.indexOf(':') >= 0) {
            throw new InvalidInputException("domain.error.port", shownAs);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new InvalidInputException("domain.error.whitespace", shownAs);
            }
        }
    }

    private static void checkLabels(String ascii, String original) {
        if (ascii.length() > MAX_DOMAIN_LENGTH) {
            throw new InvalidInputException("domain.error.too-long", original, ascii.length(), MAX_DOMAIN_LENGTH);
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new InvalidInputException("domain.error.empty-label", original);
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new InvalidInputException("domain.error.label-too-long", original, label, label.length(), MAX_LABEL_LENGTH);
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok) {
                    throw new InvalidInputException("domain.error.character", original, String.valueOf(c));
                }
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new InvalidInputException("domain.error.hyphen", original, label);
            }
            if (label.startsWith("xn--") && IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED).equals(label)) {
                throw new InvalidInputException("domain.error.punycode", original, label);
            }
        }
        String last = labels[labels.length - 1];
        if (isAllDigits(last) && !isIpv4Literal(ascii)) {
            throw new InvalidInputException("domain.error.numeric-tld", original, last);
        }
    }

    public static boolean isIpv4Literal(String domain) {
        String[] parts = domain.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !isAllDigits(p) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** {@code 010.001.2.3} and {@code 10.1.2.3} are the same address: keep one spelling. */
    private static String canonicalIpv4(String domain) {
        if (!isIpv4Literal(domain)) {
            return domain;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : domain.split("\\.")) {
            sb.append(sb.length() == 0 ? "" : ".").append(Integer.parseInt(p));
        }
        return sb.toString();
    }

    private static boolean isAllDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
