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
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * Checks a signed reply to the plugin's signing request before it may replace the current
 * certificate: the first certificate must belong to the waiting key, every certificate after it
 * must have signed the one before, all must be valid now, and the certificate must carry every
 * required name.
 */
public final class ReplyCheck {
    private ReplyCheck() {
    }

    /** The chain in order, leaf first; refused with the reason otherwise. */
    public static List<X509Certificate> check(List<X509Certificate> uploaded, PublicKey waitingKey, List<RequiredName> required, Instant now) {
        List<X509Certificate> chain = order(uploaded, waitingKey);
        for (X509Certificate c : chain) {
            CertificateUpload.requireValid(c, now);
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (Exception e) {
                throw new InvalidInputException("certs.error.reply.chain", chain.get(i + 1).getSubjectX500Principal().getName(),
                    chain.get(i).getSubjectX500Principal().getName());
            }
        }
        CertificateReport report = CertificateReport.of("", chain.get(0), required, now);
        if (!report.missing().isEmpty()) {
            throw new InvalidInputException("certs.error.reply.names", String.join(", ", report.missing()));
        }
        return chain;
    }

    /** The leaf (the certificate for {@code key}) first, then each issuer as found in the upload. */
    private static List<X509Certificate> order(List<X509Certificate> uploaded, PublicKey key) {
        X509Certificate leaf = null;
        for (X509Certificate c : uploaded) {
            if (c.getPublicKey().equals(key)) {
                leaf = c;
            }
        }
        if (leaf == null) {
            throw new InvalidInputException("certs.error.reply.key");
        }
        List<X509Certificate> rest = new ArrayList<>(uploaded);
        rest.remove(leaf);
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (!rest.isEmpty() && !CertificateReport.isSelfSigned(current)) {
            X509Certificate issuer = null;
            for (X509Certificate c : rest) {
                if (c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = c;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            rest.remove(issuer);
            current = issuer;
        }
        if (!rest.isEmpty()) {
            // A certificate that is not part of the chain: refused rather than silently dropped.
            throw new InvalidInputException("certs.error.reply.chain", rest.get(0).getSubjectX500Principal().getName(),
                current.getSubjectX500Principal().getName());
        }
        return chain;
    }
}
