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
package org.xmppfed.openfire.connections;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.security.auth.x500.X500Principal;

/**
 * What is wrong with the certificate a federated server showed on connect: expired, not valid yet,
 * not naming the domain it authenticated, or self-signed. Openfire may still accept such a stream
 * (over dialback, or with relaxed validation); the administrator should know. Returns plain
 * sentences for the event log.
 */
public final class PeerCertificateCheck {
    private static final int DNS_NAME = 2;

    private PeerCertificateCheck() {
    }

    public static List<String> problems(X509Certificate leaf, String domain, Instant now, boolean selfSigned) {
        List<String> problems = new ArrayList<>();
        if (leaf == null) {
            return problems;
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            problems.add("expired on " + leaf.getNotAfter().toInstant());
        } else if (now.isBefore(leaf.getNotBefore().toInstant())) {
            problems.add("not valid before " + leaf.getNotBefore().toInstant());
        }
        List<String> names = names(leaf);
        if (domain != null && !domain.isEmpty() && names.stream().noneMatch(n -> matches(n, domain))) {
            problems.add("does not name " + domain + " (names: " + String.join(", ", names) + ")");
        }
        if (selfSigned) {
            problems.add("self-signed");
        }
        return problems;
    }

    /** The subject of the certificate, as RFC 2253 writes it. */
    public static String subject(X509Certificate leaf) {
        return leaf == null ? "" : leaf.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** The DNS names of the certificate's subject alternative names, or its common name when it has none. */
    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(DNS_NAME).equals(san.get(0)) && san.get(1) instanceof String s) {
                        names.add(s.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A certificate whose names cannot be read names nothing.
        }
        if (names.isEmpty()) {
            for (String part : subject(cert).split(",")) {
                if (part.regionMatches(true, 0, "CN=", 0, 3)) {
                    names.add(part.substring(3).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** RFC 6125 matching: exact, or a {@code *.} wildcard standing for exactly one leftmost label. */
    static boolean matches(String name, String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            int dot = d.indexOf('.');
            return dot > 0 && d.substring(dot + 1).equals(name.substring(2));
        }
        return name.equals(d);
    }
}
