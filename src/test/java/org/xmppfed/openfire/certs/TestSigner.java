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

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** A certificate authority for tests: signs signing requests the way a CA would (extensions copied from the request). */
public final class TestSigner {
    public final KeyPair key = KeyType.RSA_2048.generate();
    public final X509Certificate certificate;
    private final AtomicLong serial = new AtomicLong(100);

    public TestSigner(String name) {
        try {
            X500Name subject = new org.bouncycastle.asn1.x500.X500NameBuilder().addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, name)
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.O, "Federation tests").build();
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, key.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            certificate = new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate for the request in {@code pem}, valid from {@code from} to {@code until}, with the request's extensions. */
    public X509Certificate sign(String pem, Instant from, Instant until) {
        try {
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(
                (PKCS10CertificationRequest) new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem)).readObject());
            Extensions ext = Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
            return issue(csr.getSubject(), ((JcaPKCS10CertificationRequest) csr).getPublicKey(), ext, from, until);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate for {@code key} naming {@code names} (DNS), valid for a year: a reply "for other names". */
    public X509Certificate issue(PublicKey publicKey, List<String> names) {
        try {
            Extensions ext = new Extensions(new Extension[] {
                new Extension(Extension.subjectAlternativeName, false, SanNames.forNewCertificate(names, false).getEncoded())});
            Instant now = Instant.now();
            return issue(new X500Name("CN=" + names.get(0)), publicKey, ext, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate issue(X500Name subject, PublicKey publicKey, Extensions ext, Instant from, Instant until) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, BigInteger.valueOf(serial.incrementAndGet()),
            Date.from(from), Date.from(until), subject, publicKey);
        for (org.bouncycastle.asn1.ASN1ObjectIdentifier oid : ext.getExtensionOIDs()) {
            b.addExtension(ext.getExtension(oid));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
    }
}
