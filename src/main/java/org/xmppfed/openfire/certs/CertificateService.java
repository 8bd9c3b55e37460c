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

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.security.TrustStoreSummary;

/**
 * What the Certificates page does, on this node's S2S certificate stores: reports on the
 * identity and trusted certificates against the names the federation needs, a signing request
 * whose key waits in the identity store, installing the signed reply (checked first), a
 * self-signed certificate for test setups, and trusting and removing CA or partner certificates.
 * A refused request changes nothing.
 */
public final class CertificateService {
    /** How long a self-signed certificate made here is valid. */
    public static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(365);

    private final CertificateStores stores;
    private final Supplier<List<RequiredName>> requiredNames;
    private final Clock clock;

    public CertificateService(CertificateStores stores, Supplier<List<RequiredName>> requiredNames, Clock clock) {
        this.stores = stores;
        this.requiredNames = requiredNames;
        this.clock = clock;
    }

    /** The names the federation certificate must carry; the XMPP domain first. */
    public List<RequiredName> requiredNames() {
        return requiredNames.get();
    }

    private List<String> names() {
        return requiredNames().stream().map(RequiredName::name).toList();
    }

    private String domain() {
        return requiredNames().get(0).name();
    }

    public List<CertificateReport> identity() {
        Instant now = clock.instant();
        List<CertificateReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<X509Certificate>> e : stores.identity().entrySet()) {
            reports.add(CertificateReport.of(e.getKey(), e.getValue().get(0), requiredNames(), now));
        }
        reports.sort(Comparator.comparing(CertificateReport::alias));
        return reports;
    }

    /** The waiting key's request, or {@code null} when no key waits. */
    public PendingRequest pending() {
        CertificateStores.Pending p = stores.pending();
        if (p == null) {
            return null;
        }
        SanNames sans = SanNames.of(p.standIn());
        KeyType type = KeyType.of(p.key().getPublic());
        return new PendingRequest(p.alias(), type == null ? CertificateReport.describeKey(p.key().getPublic()) : type.label(),
            sans.dns(), !sans.xmppAddrs().isEmpty());
    }

    /** A waiting request: the key's kind and the names it asks for. */
    public record PendingRequest(String alias, String key, List<String> names, boolean xmppAddr) {
    }

    /** Makes a new key (kept in the identity store, waiting) and returns its signing request in PEM. */
    public String requestSigning(KeyType type, boolean withXmppAddr) {
        KeyPair key = type.generate();
        List<String> names = names();
        stores.keepPending(key, CertificateMaker.pendingStandIn(key, type, names, withXmppAddr, clock.instant()));
        return CertificateMaker.pem(CertificateMaker.csr(key, type, names, withXmppAddr));
    }

    /** The signing request of the waiting key again (the same key and names), or refused when none waits. */
    public String pendingRequestPem() {
        CertificateStores.Pending p = stores.pending();
        if (p == null) {
            throw new InvalidInputException("certs.error.reply.nopending");
        }
        KeyType type = KeyType.of(p.key().getPublic());
        SanNames sans = SanNames.of(p.standIn());
        return CertificateMaker.pem(CertificateMaker.csr(p.key(), type, sans.dns(), !sans.xmppAddrs().isEmpty()));
    }

    /** Checks the CA's reply against the waiting key and the names, then makes it the federation certificate. */
    public CertificateReport installReply(byte[] upload) {
        CertificateStores.Pending p = stores.pending();
        if (p == null) {
            throw new InvalidInputException("certs.error.reply.nopending");
        }
        List<X509Certificate> chain = ReplyCheck.check(CertificateUpload.read(upload), p.key().getPublic(), requiredNames(), clock.instant());
        stores.install(p.key(), chain, domain());
        return CertificateReport.of(p.alias(), chain.get(0), requiredNames(), clock.instant());
    }

    /** A new key and self-signed certificate with every required name, replacing the federation certificate. */
    public CertificateReport installSelfSigned(KeyType type, boolean withXmppAddr) {
        KeyPair key = type.generate();
        X509Certificate c = CertificateMaker.selfSigned(key, type, names(), withXmppAddr, clock.instant(), SELF_SIGNED_VALIDITY);
        stores.install(key, List.of(c), domain());
        return CertificateReport.of("", c, requiredNames(), clock.instant());
    }

    public List<CertificateReport> trusted() {
        Instant now = clock.instant();
        List<CertificateReport> reports = new ArrayList<>();
        for (Map.Entry<String, X509Certificate> e : stores.trusted().entrySet()) {
            reports.add(CertificateReport.of(e.getKey(), e.getValue(), List.of(), now));
        }
        reports.sort(Comparator.comparing(CertificateReport::notAfter));
        return reports;
    }

    /** How many certificates the trust store holds, and how many of them are authorities. */
    public TrustStoreSummary trustSummary() {
        int authorities = 0;
        Map<String, X509Certificate> all = stores.trusted();
        for (X509Certificate c : all.values()) {
            if (c.getBasicConstraints() >= 0) {
                authorities++;
            }
        }
        return new TrustStoreSummary(all.size(), authorities);
    }

    /** Adds the uploaded CA or partner certificate(s) to the trust store; returns the aliases given. */
    public List<String> trust(byte[] upload) {
        List<X509Certificate> certificates = CertificateUpload.read(upload);
        Instant now = clock.instant();
        for (X509Certificate c : certificates) {
            CertificateUpload.requireValid(c, now);
        }
        Map<String, X509Certificate> present = stores.trusted();
        List<String> aliases = new ArrayList<>();
        for (X509Certificate c : certificates) {
            if (present.containsValue(c)) {
                throw new InvalidInputException("certs.error.trust.present", c.getSubjectX500Principal().getName());
            }
            aliases.add(aliasFor(c));
        }
        Map<String, X509Certificate> added = new java.util.LinkedHashMap<>();
        for (int i = 0; i < certificates.size(); i++) {
            added.put(aliases.get(i), certificates.get(i));
        }
        stores.trust(added);
        return aliases;
    }

    public void untrust(String alias) {
        if (alias == null || !stores.trusted().containsKey(alias)) {
            throw new InvalidInputException("certs.error.trust.unknown", alias == null ? "" : alias);
        }
        stores.untrust(alias);
    }

    /** One line for each certificate that expires within 30 days (or has expired), for the log. */
    public List<String> expiryWarnings() {
        List<String> lines = new ArrayList<>();
        for (CertificateReport r : identity()) {
            if (r.expiry().needsAttention()) {
                lines.add("Federation certificate '" + r.alias() + "' (" + r.subject() + "): " + describe(r));
            }
        }
        for (CertificateReport r : trusted()) {
            if (r.expiry().needsAttention()) {
                lines.add("Trusted S2S certificate '" + r.alias() + "' (" + r.subject() + "): " + describe(r));
            }
        }
        return lines;
    }

    private static String describe(CertificateReport r) {
        return switch (r.expiry()) {
            case EXPIRED -> "expired on " + r.notAfter();
            case NOT_YET_VALID -> "not valid before " + r.notBefore();
            default -> "expires on " + r.notAfter() + " (" + r.daysLeft() + " days left)";
        };
    }

    static String aliasFor(X509Certificate c) {
        String cn = c.getSubjectX500Principal().getName().replaceAll("(?i)^.*?CN=([^,]+).*$", "$1");
        String label = cn.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        if (label.length() > 40) {
            label = label.substring(0, 40);
        }
        return "federation-" + label + "-" + CertificateReport.fingerprint(c).replace(":", "").substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
