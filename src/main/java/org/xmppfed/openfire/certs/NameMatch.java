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
package org.xmppfed.openfire.certs;

import java.util.List;
import java.util.Locale;

/**
 * DNS name matching as RFC 6125 has it for XMPP: exact, or a wildcard {@code *.example.com} that
 * stands for exactly one leftmost label (it covers {@code chat.example.com}, not
 * {@code example.com} and not {@code a.b.example.com}).
 */
public final class NameMatch {
    private NameMatch() {
    }

    /** The DNS name among {@code dnsNames} that covers {@code name} (exact first), or {@code null}. */
    public static String dnsMatch(List<String> dnsNames, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String d : dnsNames) {
            if (d.equals(n)) {
                return d;
            }
        }
        for (String d : dnsNames) {
            if (covers(d, n)) {
                return d;
            }
        }
        return null;
    }

    static boolean covers(String pattern, String name) {
        if (pattern.equals(name)) {
            return true;
        }
        if (!pattern.startsWith("*.") || pattern.length() < 3) {
            return false;
        }
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot + 1).equals(pattern.substring(2));
    }
}
