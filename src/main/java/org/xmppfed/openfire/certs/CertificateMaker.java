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

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Makes what a federation certificate needs with Bouncy Castle: a PKCS#10 signing request, a
 * self-signed certificate for test setups, and the stand-in certificate that keeps a new key in
 * Openfire's identity store until the signed reply arrives. All of them carry the subject
 * CN = the XMPP domain, every required name as a DNS name (and as an XmppAddr when asked), and
 * Extended Key Usage serverAuth + clientAuth (clientAuth: Openfire shows the same certificate
 * when it connects out).
 */
public final class CertificateMaker {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMaker() {
    }

    /** A signing request for {@code key}, naming {@code names} (the first is the XMPP domain). */
    public static PKCS10CertificationRequest csr(KeyPair key, KeyType type, List<String> names, boolean withXmppAddr) {
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.subjectAlternativeName, false, SanNames.forNewCertificate(names, withXmppAddr));
            ext.addExtension(Extension.extendedKeyUsage, false, eku());
            ext.addExtension(Extension.keyUsage, true, keyUsage(type));
            return new JcaPKCS10CertificationRequestBuilder(subject(names.get(0)), key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                .build(signer(key, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A self-signed certificate for {@code key}, valid from now for {@code validity}. */
    public static X509Certificate selfSigned(KeyPair key, KeyType type, List<String> names, boolean withXmppAddr,
                                             Instant now, Duration validity) {
        return certificate(key, type, names, withXmppAddr, now.minus(Duration.ofMinutes(5)), now.plus(validity));
    }

    /**
     * The stand-in for a key waiting for its signed certificate. It becomes valid only in 100
     * years, so that Openfire's key selection (which prefers certificates valid now) never shows
     * it to peers while a current certificate exists. It carries the names of the request, so the
     * request can be made again from the store (for another download).
     */
    public static X509Certificate pendingStandIn(KeyPair key, KeyType type, List<String> names, boolean withXmppAddr, Instant now) {
        Instant from = now.plus(Duration.ofDays(36500));
        return certificate(key, type, names, withXmppAddr, from, from.plus(Duration.ofDays(1)));
    }

    /** Whether {@code certificate} is such a stand-in (it is not valid for decades yet). */
    public static boolean isPendingStandIn(X509Certificate certificate, Instant now) {
        return certificate.getNotBefore().toInstant().isAfter(now.plus(Duration.ofDays(36000)));
    }

    /** {@code csr} in PEM ("-----BEGIN CERTIFICATE REQUEST-----"). */
    public static String pem(Object csrOrCertificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(csrOrCertificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static X509Certificate certificate(KeyPair key, KeyType type, List<String> names, boolean withXmppAddr,
                                               Instant from, Instant until) {
        try {
            X500Name subject = subject(names.get(0));
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(from), Date.from(until), subject, key.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, SanNames.forNewCertificate(names, withXmppAddr));
            b.addExtension(Extension.extendedKeyUsage, false, eku());
            b.addExtension(Extension.keyUsage, true, keyUsage(type));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(key, type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the certificate", e);
        }
    }

    private static X500Name subject(String domain) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, domain).build();
    }

    private static ExtendedKeyUsage eku() {
        return new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
    }

    private static KeyUsage keyUsage(KeyType type) {
        return type.name().startsWith("RSA")
            ? new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
            : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement);
    }

    private static ContentSigner signer(KeyPair key, KeyType type) {
        try {
            return new JcaContentSignerBuilder(type.signatureAlgorithm()).build(key.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with " + type.signatureAlgorithm(), e);
        }
    }
}
