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

import java.security.SecureRandom;

import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * The dialback secret: the key from which this server's dialback keys are derived (server
 * dialback, XEP-0220; keys as in XEP-0185). Every node of a cluster, and every cluster serving the same domain, must
 * use the same one. It is write-only: set or generated, never shown back; {@link #toString()}
 * hides it so that it cannot reach a log by accident.
 */
public final class DialbackSecret {
    /** The shortest secret accepted: 16 characters. */
    public static final int MIN_LENGTH = 16;
    /** The longest secret accepted. */
    public static final int MAX_LENGTH = 1024;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private DialbackSecret(String value) {
        this.value = value;
    }

    /** The secret an administrator typed, refused with the reason when it is empty, too short or too long. */
    public static DialbackSecret of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("security.error.secret.empty", MIN_LENGTH);
        }
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInputException("security.error.secret.short", MIN_LENGTH, length);
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException("security.error.secret.long", MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new InvalidInputException("security.error.secret.control");
            }
        }
        return new DialbackSecret(text);
    }

    /** A new random secret of 40 letters and digits (about 230 bits). */
    public static DialbackSecret generate() {
        StringBuilder b = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new DialbackSecret(b.toString());
    }

    /** The secret itself, for Openfire's dialback only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "DialbackSecret[hidden]";
    }
}
