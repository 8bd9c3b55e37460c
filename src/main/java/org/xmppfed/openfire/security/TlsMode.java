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

import java.util.Locale;

import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * How server-to-server connections use TLS, in the words of Openfire's own
 * {@code xmpp.server.tls.policy} values (disabled, optional, required).
 */
public enum TlsMode {
    NONE("disabled"),
    OPTIONAL("optional"),
    REQUIRED("required");

    private final String openfireValue;

    TlsMode(String openfireValue) {
        this.openfireValue = openfireValue;
    }

    /** The value of Openfire's {@code xmpp.server.tls.policy} for this mode. */
    public String openfireValue() {
        return openfireValue;
    }

    /** The mode an Openfire property value stands for; Openfire's own default (optional) for anything else. */
    public static TlsMode fromOpenfire(String value) {
        for (TlsMode mode : values()) {
            if (mode.openfireValue.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        return OPTIONAL;
    }

    /** The mode a form field names ({@code NONE}, {@code OPTIONAL}, {@code REQUIRED}). */
    public static TlsMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("security.error.tls", text == null ? "" : text);
        }
    }
}
