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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * The bad-input corpus of the Certificates page: uploads and choices that must be refused, each
 * with the exact English text the administrator reads, and with the current certificate, the
 * waiting key and the trust store exactly as they were.
 */
class CertificateBadInputCorpusTest {
    private static final TestSigner CA = new TestSigner("Corpus CA");
    private static MemoryCertificateStores stores;
    private static CertificateService service;
    private static String requestPem;

    /** Made once, when the corpus is built (before any test runs). */
    static void aServerWithACertificateAndAWaitingKey() {
        if (stores != null) {
            return;
        }
        stores = new MemoryCertificateStores();
        service = new CertificateService(stores, () -> CertificateServiceTest.NAMES, Clock.systemUTC());
        service.installSelfSigned(KeyType.EC_P256, false);
        service.trust(CertificateMaker.pem(CA.certificate).getBytes(StandardCharsets.US_ASCII));
        requestPem = service.requestSigning(KeyType.EC_P256, false);
    }

    private static Arguments reply(String what, byte[] upload, String message) {
        return Arguments.of(what, (Consumer<CertificateService>) s -> s.installReply(upload), message);
    }

    private static Arguments trust(String what, byte[] upload, String message) {
        return Arguments.of(what, (Consumer<CertificateService>) s -> s.trust(upload), message);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static Stream<Arguments> corpus() throws Exception {
        aServerWithACertificateAndAWaitingKey();
        X509Certificate good = CA.sign(requestPem, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(90)));
        String goodPem = CertificateMaker.pem(good);
        X509Certificate expired = CA.sign(requestPem, Instant.now().minus(Duration.ofDays(90)), Instant.now().minus(Duration.ofDays(1)));
        X509Certificate future = CA.sign(requestPem, Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(90)));
        X509Certificate otherNames = CA.issue(good.getPublicKey(), List.of("other.example", "www.other.example"));
        X509Certificate otherKey = CA.issue(KeyType.EC_P256.generate().getPublic(), List.of("openfire.test", "mail.test", "chat.openfire.test"));
        TestSigner stranger = new TestSigner("Stranger CA");
        String brokenChain = goodPem + CertificateMaker.pem(stranger.certificate);
        java.io.StringWriter keyPem = new java.io.StringWriter();
        try (PemWriter w = new PemWriter(keyPem)) {
            w.writeObject(new JcaPKCS8Generator(KeyType.EC_P256.generate().getPrivate(), null).generate());
        }
        java.io.StringWriter garbagePem = new java.io.StringWriter();
        try (PemWriter w = new PemWriter(garbagePem)) {
            w.writeObject(new PemObject("CERTIFICATE", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        }
        byte[] blob = new byte[2 * 1024 * 1024];
        Arrays.fill(blob, (byte) 'A');
        String half = goodPem.substring(0, goodPem.length() / 2);
        byte[] der = good.getEncoded();
        return Stream.of(
            reply("empty", new byte[0], "Nothing was uploaded. Choose a certificate file or paste the PEM text."),
            reply("text, not a certificate", ascii("hello, this is not a certificate"),
                "This is neither a PEM nor a DER certificate. Upload the certificate file (.pem, .crt, .cer or .der)."),
            reply("a 2 MB blob", blob,
                "The upload has 2048 kB; a certificate or chain has at most 256 kB. Upload only the certificate (PEM or DER)."),
            reply("PEM cut off in the middle", ascii(half),
                "Certificate 1 of the upload is cut off or damaged. Upload the complete file again."),
            reply("DER cut off", Arrays.copyOf(der, der.length / 2),
                "Certificate 1 of the upload is cut off or damaged. Upload the complete file again."),
            reply("PEM block with damaged content", ascii(garbagePem.toString()),
                "Certificate 1 of the upload is cut off or damaged. Upload the complete file again."),
            reply("a private key", ascii(keyPem.toString()),
                "This is a private key, not a certificate. Upload the certificate (-----BEGIN CERTIFICATE-----); never send private keys anywhere."),
            reply("a certificate with a private key", ascii(goodPem + keyPem),
                "This is a private key, not a certificate. Upload the certificate (-----BEGIN CERTIFICATE-----); never send private keys anywhere."),
            reply("the signing request itself", ascii(requestPem),
                "This is a signing request, not a certificate. Upload the certificate your certificate authority returned for it."),
            reply("a certificate for another key", ascii(CertificateMaker.pem(otherKey)),
                "None of the uploaded certificates belongs to the waiting key. Upload the certificate your authority issued for the request made here (the current certificate was not changed)."),
            reply("a chain that does not link", ascii(brokenChain),
                "The uploaded chain is broken: " + stranger.certificate.getSubjectX500Principal().getName() + " did not sign CN=openfire.test. Upload the chain in order, or the certificate alone."),
            reply("expired", ascii(CertificateMaker.pem(expired)),
                "The certificate CN=openfire.test expired on " + expired.getNotAfter().toInstant() + ". Upload a current one."),
            reply("not yet valid", ascii(CertificateMaker.pem(future)),
                "The certificate CN=openfire.test is valid only from " + future.getNotBefore().toInstant() + ". Upload it once it is valid, or check the clocks."),
            reply("a reply for other names", ascii(CertificateMaker.pem(otherNames)),
                "The certificate lacks names the federation needs: openfire.test, mail.test, chat.openfire.test. Ask your certificate authority for one with every required name (the current certificate was not changed)."),
            Arguments.of("a key size not offered", (Consumer<CertificateService>) s -> s.requestSigning(KeyType.parse("RSA_1024"), false),
                "'RSA_1024' is not a key this page offers. Choose RSA 2048, 3072 or 4096, or EC P-256 or P-384."),
            Arguments.of("a self-signed key size not offered", (Consumer<CertificateService>) s -> s.installSelfSigned(KeyType.parse("DSA_1024"), false),
                "'DSA_1024' is not a key this page offers. Choose RSA 2048, 3072 or 4096, or EC P-256 or P-384."),
            trust("a private key into the trust store", ascii(keyPem.toString()),
                "This is a private key, not a certificate. Upload the certificate (-----BEGIN CERTIFICATE-----); never send private keys anywhere."),
            trust("an expired certificate into the trust store", ascii(CertificateMaker.pem(expired)),
                "The certificate CN=openfire.test expired on " + expired.getNotAfter().toInstant() + ". Upload a current one."),
            trust("a 2 MB blob into the trust store", blob,
                "The upload has 2048 kB; a certificate or chain has at most 256 kB. Upload only the certificate (PEM or DER)."),
            trust("the CA again", CA.certificate.getEncoded(),
                "The certificate O=Federation tests,CN=Corpus CA is already in the trust store."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithItsMessageAndNothingChanged(String what, Consumer<CertificateService> attempt, String message) {
        Map<String, List<X509Certificate>> identity = new LinkedHashMap<>(stores.identity);
        CertificateStores.Pending pending = stores.pending;
        Map<String, X509Certificate> trusted = new LinkedHashMap<>(stores.trusted);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> attempt.accept(service), what);
        assertEquals(message, e.getMessage(), what);
        assertEquals(identity, stores.identity, "the current certificate is unchanged");
        assertSame(pending, stores.pending, "the waiting key is unchanged");
        assertEquals(trusted, stores.trusted, "the trust store is unchanged");
    }
}
