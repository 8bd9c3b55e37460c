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

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the Certificates page says about one certificate: names, which required names it covers
 * (and how) and which it lacks, validity and days left, key, signature algorithm, issuer,
 * self-signed or not, and whether its Extended Key Usage allows serverAuth and clientAuth.
 */
public record CertificateReport(String alias, String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
                                long daysLeft, ExpiryLevel expiry, String key, String signatureAlgorithm, boolean selfSigned,
                                boolean authority, List<String> dnsNames, List<String> xmppAddrs, List<Coverage> coverage,
                                boolean ekuPresent, boolean serverAuth, boolean clientAuth) {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    /** How one required name is covered: by an exact DNS name, a wildcard DNS name, an XmppAddr, or not at all. */
    public record Coverage(RequiredName name, String dnsMatch, boolean xmppAddr) {
        public boolean covered() {
            return dnsMatch != null || xmppAddr;
        }

        public boolean byWildcard() {
            return dnsMatch != null && dnsMatch.startsWith("*.");
        }
    }

    public static CertificateReport of(String alias, X509Certificate c, List<RequiredName> required, Instant now) {
        SanNames sans = SanNames.of(c);
        List<Coverage> coverage = new ArrayList<>();
        for (RequiredName r : required) {
            coverage.add(new Coverage(r, NameMatch.dnsMatch(sans.dns(), r.name()), sans.xmppAddrs().contains(r.name())));
        }
        List<String> eku = extendedKeyUsage(c);
        Instant notBefore = c.getNotBefore().toInstant();
        Instant notAfter = c.getNotAfter().toInstant();
        return new CertificateReport(alias, c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
            c.getSerialNumber().toString(16), notBefore, notAfter, Math.max(0, Duration.between(now, notAfter).toDays()),
            ExpiryLevel.of(notBefore, notAfter, now), describeKey(c.getPublicKey()), c.getSigAlgName(), isSelfSigned(c),
            c.getBasicConstraints() >= 0, sans.dns(), sans.xmppAddrs(), List.copyOf(coverage),
            eku != null, eku == null || eku.contains(SERVER_AUTH), eku == null || eku.contains(CLIENT_AUTH));
    }

    /** The required names this certificate does not carry. */
    public List<String> missing() {
        List<String> m = new ArrayList<>();
        for (Coverage c : coverage) {
            if (!c.covered()) {
                m.add(c.name().name());
            }
        }
        return m;
    }

    /** "RSA 2048", "EC P-256", or the algorithm's name. */
    public static String describeKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "EC P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        return key.getAlgorithm();
    }

    /** Issuer and subject are the same and the certificate's own key verifies its signature. */
    public static boolean isSelfSigned(X509Certificate c) {
        if (!c.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The certificate's SHA-256 fingerprint, for telling certificates apart on the page. */
    public static String fingerprint(X509Certificate c) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (Exception e) {
            return "";
        }
    }

    private static List<String> extendedKeyUsage(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku == null ? null : eku.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
