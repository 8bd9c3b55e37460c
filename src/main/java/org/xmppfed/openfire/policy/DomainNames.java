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
        if (text.equals("*")) {
            throw new InvalidInputException("domain.error.bare-wildcard");
        }
        if (text.startsWith("*.")) {
            String base = text.substring(2);
            if (base.contains("*")) {
                throw new InvalidInputException("domain.error.wildcard-position", text);
            }
            String domain = normalise(base);
            if (isIpv4Literal(domain)) {
                throw new InvalidInputException("domain.error.wildcard-ip", text);
            }
            return new DomainPattern(domain, true);
        }
        if (text.contains("*")) {
            throw new InvalidInputException("domain.error.wildcard-position", text);
        }
        return new DomainPattern(normalise(text), false);
    }

    /** Normalises and validates one exact domain name; throws with a message when it is not one. */
    public static String normalise(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("domain.error.empty");
        }
        rejectNonDomainForms(text);
        if (text.startsWith(".")) {
            throw new InvalidInputException("domain.error.leading-dot", text, "*" + text);
        }
        String ascii = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (ascii.isEmpty() || ascii.endsWith(".")) {
            throw new InvalidInputException("domain.error.empty-label", text);
        }
        if (!isAscii(ascii)) {
            try {
                ascii = IDN.toASCII(ascii, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("domain.error.idn", text);
            }
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        checkLabels(ascii, text);
        return ascii;
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

    private static void rejectNonDomainForms(String text) {
        int at = text.indexOf('@');
        if (at >= 0) {
            String domainPart = text.substring(at + 1);
            int slash = domainPart.indexOf('/');
            if (slash >= 0) {
                domainPart = domainPart.substring(0, slash);
            }
            throw new InvalidInputException("domain.error.jid", text, domainPart);
        }
        if (text.contains("://") || text.regionMatches(true, 0, "xmpp:", 0, 5)) {
            throw new InvalidInputException("domain.error.url", text);
        }
        if (text.indexOf('/') >= 0) {
            throw new InvalidInputException("domain.error.resource", text, text.substring(0, text.indexOf('/')));
        }
        if (text.indexOf(':') >= 0) {
            throw new InvalidInputException("domain.error.port", text);
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                throw new InvalidInputException("domain.error.whitespace", text);
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

    static boolean isIpv4Literal(String domain) {
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
