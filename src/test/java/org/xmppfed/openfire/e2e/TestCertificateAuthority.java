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
package org.xmppfed.openfire.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A throw-away certificate authority for the TLS variant of the end-to-end suite: made fresh for
 * every run (RSA 2048, SHA-256, valid for 90 days, longer than the plugin warns ahead of expiry), it issues server certificates whose subject
 * alternative names carry each domain as a DNS name (optionally also as an XMPP address,
 * id-on-xmppAddr, RFC 6120 §13.7.1.4), usable for both sides of a TLS handshake (serverAuth and
 * clientAuth), and writes them as PEM files (Prosody) and Java key stores (Openfire).
 *
 * <p>The suite issues DNS names only: both servers match domains against them, and Openfire 5.1.1
 * on Java 17 cannot read an xmppAddr (the JDK hands it over as {@code [0] [0] UTF8String}; Openfire
 * logs "Unable to parse a byte array ... as a subjectAltName 'otherName'" for every handshake and
 * ignores it).
 */
final class TestCertificateAuthority {
    /** The password of the key stores written here: Openfire's default for its stores. */
    static final String STORE_PASSWORD = "changeit";
    /** id-on-xmppAddr. */
    static final ASN1ObjectIdentifier XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");
    private static final String SIGNATURE = "SHA256withRSA";

    /** A key and its certificate issued by this authority. */
    record Issued(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {
    }

    private final KeyPair keys;
    final X509Certificate certificate;
    private final AtomicLong serial = new AtomicLong(1);
    private final Instant notBefore = Instant.now().minus(Duration.ofHours(1));
    private final Instant notAfter = Instant.now().plus(Duration.ofDays(90)); // beyond the plugin's 30-day expiry warning

    private TestCertificateAuthority(String name) throws GeneralSecurityException, IOException {
        keys = rsa();
        X500Name subject = new X500Name("CN=" + name + ",O=Federation E2E");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(serial.getAndIncrement()),
            Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        certificate = sign(b);
    }

    static TestCertificateAuthority create(String name) throws GeneralSecurityException, IOException {
        return new TestCertificateAuthority(name);
    }

    /** A new key with a certificate for {@code domains} as DNS names (the first one is also the subject's common name). */
    Issued issue(String... domains) throws GeneralSecurityException, IOException {
        return issue(List.of(domains), false);
    }

    /** As {@link #issue(String...)}; {@code xmppAddr}: each domain (but wildcards) also as an id-on-xmppAddr otherName. */
    Issued issue(List<String> domains, boolean xmppAddr) throws GeneralSecurityException, IOException {
        return issue(domains, xmppAddr, notBefore, notAfter);
    }

    /** A certificate for {@code domains} that expired yesterday (valid for one day before that). */
    Issued issueExpired(String... domains) throws GeneralSecurityException, IOException {
        Instant end = Instant.now().minus(Duration.ofDays(1));
        return issue(List.of(domains), false, end.minus(Duration.ofDays(1)), end);
    }

    private Issued issue(List<String> domains, boolean xmppAddr, Instant from, Instant until) throws GeneralSecurityException, IOException {
        KeyPair leaf = rsa();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, BigInteger.valueOf(serial.getAndIncrement()),
            Date.from(from), Date.from(until), new X500Name("CN=" + domains.get(0)), leaf.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        List<GeneralName> names = new ArrayList<>();
        for (String d : domains) {
            names.add(new GeneralName(GeneralName.dNSName, d));
            if (xmppAddr && !d.startsWith("*.")) {
                names.add(new GeneralName(GeneralName.otherName,
                    new DERSequence(new ASN1Encodable[] {XMPP_ADDR, new DERTaggedObject(true, 0, new DERUTF8String(d))})));
            }
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(leaf.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
        return new Issued(leaf.getPrivate(), sign(b), certificate);
    }

    /**
     * The certificate a CA would return for the PKCS#10 request in {@code csrPem}: its subject, key and
     * requested extensions (names, key usages), signed by this authority, valid as long as it.
     */
    X509Certificate sign(String csrPem) throws GeneralSecurityException, IOException {
        org.bouncycastle.pkcs.PKCS10CertificationRequest csr;
        try (org.bouncycastle.openssl.PEMParser parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(csrPem))) {
            csr = (org.bouncycastle.pkcs.PKCS10CertificationRequest) parser.readObject();
        }
        org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest jca = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(csr);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, BigInteger.valueOf(serial.getAndIncrement()),
            Date.from(notBefore), Date.from(notAfter), csr.getSubject(), jca.getPublicKey());
        org.bouncycastle.asn1.x509.Extensions requested = org.bouncycastle.asn1.x509.Extensions.getInstance(
            csr.getAttributes(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
        for (ASN1ObjectIdentifier oid : requested.getExtensionOIDs()) {
            b.addExtension(requested.getExtension(oid));
        }
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
        return sign(b);
    }

    /** {@code certificates} as PEM text, one block after the other. */
    static String pem(X509Certificate... certificates) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : certificates) {
                w.writeObject(c);
            }
        }
        return out.toString();
    }

    /** The authority's certificate as PEM: what peers are told to trust. */
    Path writeCertificatePem(Path file) throws IOException {
        pem(file, certificate);
        return file;
    }

    /** The certificate (followed by the authority's, the chain a peer is shown) and the key (PKCS#8) as PEM files. */
    static void writePem(Issued issued, Path certificateFile, Path keyFile) throws IOException {
        pem(certificateFile, issued.certificate(), issued.issuer());
        pem(keyFile, new JcaPKCS8Generator(issued.key(), null));
    }

    /** A JKS identity store holding {@code issued} (with its chain) under {@code alias}, password {@link #STORE_PASSWORD}. */
    static Path writeIdentityStore(Issued issued, String alias, Path file) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        ks.setKeyEntry(alias, issued.key(), STORE_PASSWORD.toCharArray(), new X509Certificate[] {issued.certificate(), issued.issuer()});
        store(ks, file);
        return file;
    }

    /** A JKS trust store that trusts this authority only, password {@link #STORE_PASSWORD}. */
    Path writeTrustStore(String alias, Path file) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        ks.setCertificateEntry(alias, certificate);
        store(ks, file);
        return file;
    }

    private static void store(KeyStore ks, Path file) throws GeneralSecurityException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, STORE_PASSWORD.toCharArray());
        }
    }

    private static void pem(Path file, Object... objects) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                if (o instanceof PemObjectGenerator generator) {
                    pem.writeObject(generator);
                } else {
                    pem.writeObject(o);
                }
            }
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder b) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
