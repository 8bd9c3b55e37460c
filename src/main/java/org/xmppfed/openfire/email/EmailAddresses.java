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

import java.util.Locale;

import org.xmpp.packet.JID;

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
        if (problem(email) != null) {
            return null;
        }
        String text = email.strip();
        int at = text.indexOf('@');
        // The domain in its normal form (a trailing dot dropped), as email domains are compared.
        return text.substring(0, at).toLowerCase(Locale.ROOT) + '@' + EmailDomainRules.normalise(text.substring(at + 1));
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
            if (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || FORBIDDEN_IN_LOCALPART.indexOf(c) >= 0) {
                return "email.user.reason.localpart";
            }
        }
        if (!isXmppLocalpart(local)) {
            return "email.user.reason.localpart";
        }
        String domain = text.substring(at + 1);
        // EmailDomainRules trims; blanks right after the @ are still a broken address.
        return domain.equals(domain.strip()) && EmailDomainRules.isValid(domain) ? null : "email.user.reason.domain";
    }

    /** Whether the name part survives XMPP's localpart preparation (RFC 7622 / nodeprep). */
    private static boolean isXmppLocalpart(String local) {
        if (local.chars().allMatch(c -> c < 128)) {
            return true; // printable ASCII without the characters refused above prepares to itself
        }
        try {
            String prepared = JID.nodeprep(local.toLowerCase(Locale.ROOT));
            return prepared != null && !prepared.isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static String localpart(String canonical) {
        return canonical.substring(0, canonical.indexOf('@'));
    }

    public static String domain(String canonical) {
        return canonical.substring(canonical.indexOf('@') + 1);
    }
}
