package org.xmppfed.openfire.email;

import java.util.Locale;

/**
 * Reads a user's email address as a federation address: {@code name@domain}, where the name is a
 * valid JID localpart and the domain passes {@link EmailDomainRules}. Compared case-insensitively,
 * so the canonical form is lower case.
 */
public final class EmailAddresses {
    /** Characters RFC 7622 forbids in a JID localpart (besides blanks and controls). */
    private static final String FORBIDDEN_IN_LOCALPART = "\"&'/:<>@";
    private static final int MAX_LOCALPART = 1023;

    private EmailAddresses() {
    }

    /** Lower-cased, trimmed form, or {@code null} when the address cannot be a federation address. */
    public static String canonical(String email) {
        return problem(email) == null ? email.strip().toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Why {@code email} cannot serve as a federation address (a message key of
     * {@code email.user.reason.*}), or {@code null} when it can.
     */
    public static String problem(String email) {
        if (email == null || email.isBlank()) {
            return "email.user.reason.empty";
        }
        String text = email.strip();
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at == text.length() - 1) {
            return "email.user.reason.not-an-address";
        }
        String local = text.substring(0, at);
        if (local.length() > MAX_LOCALPART) {
            return "email.user.reason.localpart";
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c) || FORBIDDEN_IN_LOCALPART.indexOf(c) >= 0) {
                return "email.user.reason.localpart";
            }
        }
        return EmailDomainRules.isValid(text.substring(at + 1)) ? null : "email.user.reason.domain";
    }

    public static String localpart(String canonical) {
        return canonical.substring(0, canonical.indexOf('@'));
    }

    public static String domain(String canonical) {
        return canonical.substring(canonical.indexOf('@') + 1);
    }
}
