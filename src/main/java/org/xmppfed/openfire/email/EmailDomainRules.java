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

import java.net.IDN;
import java.util.Locale;

import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * The one place where email domain names are normalised and checked: at most 255 characters of
 * letters, digits, {@code -} and {@code .}; no empty label; no label starting with {@code -}; the
 * last label does not start with a digit ({@code abc.1om} is refused). Input is trimmed, lower-cased
 * and a trailing dot is dropped. Every rejection says what was wrong and what to enter instead.
 */
public final class EmailDomainRules {
    public static final int MAX_LENGTH = 255;
    /** A DNS label longer than this cannot carry the SRV records the domain needs. */
    public static final int MAX_LABEL_LENGTH = 63;

    private EmailDomainRules() {
    }

    /** The normalised domain, or an {@link InvalidInputException} naming the broken rule. */
    public static String normalise(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("email.domain.error.empty");
        }
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            // Suggest the part after the @ only when it would be accepted, in its normal form.
            String after = text.substring(at + 1);
            throw new InvalidInputException("email.domain.error.address", text, isValid(after) ? normalise(after) : "example.com");
        }
        if (text.contains("://") || text.startsWith("xmpp:") || text.startsWith("mailto:")) {
            throw new InvalidInputException("email.domain.error.url", text);
        }
        if (text.length() > 1 && text.endsWith(".") && !text.endsWith("..")) {
            text = text.substring(0, text.length() - 1);
        }
        String domain = text.toLowerCase(Locale.ROOT);
        if (domain.length() > MAX_LENGTH) {
            throw new InvalidInputException("email.domain.error.too-long", abbreviate(raw.strip()), domain.length(), MAX_LENGTH);
        }
        for (int i = 0; i < domain.length(); ) {
            int c = domain.codePointAt(i);
            if (!isAllowed(c)) {
                throw characterError(text, c);
            }
            i += Character.charCount(c);
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new InvalidInputException("email.domain.error.empty-label", text);
            }
            if (label.startsWith("-")) {
                throw new InvalidInputException("email.domain.error.hyphen", text, label);
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new InvalidInputException("email.domain.error.label-too-long", abbreviate(text), abbreviate(label),
                    label.length(), MAX_LABEL_LENGTH);
            }
        }
        String last = labels[labels.length - 1];
        if (Character.isDigit(last.charAt(0))) {
            throw new InvalidInputException("email.domain.error.last-label-digit", text, last);
        }
        return domain;
    }

    /** True when {@code raw} passes {@link #normalise}; for classifying users' addresses without exceptions. */
    public static boolean isValid(String raw) {
        try {
            normalise(raw);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    /** {@code c} is a whole code point, so an emoji is named as such, not as half a surrogate pair. */
    private static InvalidInputException characterError(String text, int c) {
        // isSpaceChar: also the no-break spaces that come with text copied from documents.
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return new InvalidInputException("email.domain.error.whitespace", text);
        }
        if (c > 127 && Character.isLetterOrDigit(c)) {
            try {
                String ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
                return new InvalidInputException("email.domain.error.idn", text, ascii);
            } catch (IllegalArgumentException notConvertible) {
                return new InvalidInputException("email.domain.error.character", text, Character.toString(c));
            }
        }
        if (c == '/' || c == ':') {
            return new InvalidInputException("email.domain.error.url", text);
        }
        return new InvalidInputException("email.domain.error.character", text, Character.toString(c));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
