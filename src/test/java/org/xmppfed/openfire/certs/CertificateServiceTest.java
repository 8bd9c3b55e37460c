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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * The Certificates page's logic on stores in memory: every request, self-signed certificate and
 * installed reply is read back by OpenSSL (names as DNS and, when asked, XmppAddr; EKU serverAuth
 * and clientAuth; the request's signature), and by the plugin's own analysis.
 */
class CertificateServiceTest {
    static final List<RequiredName> NAMES = List.of(new RequiredName("openfire.test", "XMPP domain"),
        new RequiredName("mail.test", "email domain"), new RequiredName("chat.openfire.test", "chat node alias"));

    final MemoryCertificateStores stores = new MemoryCertificateStores();
    final CertificateService service = new CertificateService(stores, () -> NAMES, Clock.systemUTC());

    private static final String EKU = "TLS Web Server Authentication, TLS Web Client Authentication";

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everyKeyTypeMakesARequestThatOpenSslVerifiesWithEveryNameAndBothKeyUsages(KeyType type) throws Exception {
        OpenSsl.assumeInstalled();
        String pem = service.requestSigning(type, false);
        String text = OpenSsl.request(pem);
        assertTrue(text.contains("verify OK"), text);
        assertTrue(Pattern.compile("Subject: ?CN ?= ?openfire\\.test").matcher(text).find(), text);
        assertTrue(text.contains("DNS:openfire.test, DNS:mail.test, DNS:chat.openfire.test"), text);
        assertFalse(text.contains("XmppAddr"), "no XmppAddr unless asked: " + text);
        assertTrue(text.contains(EKU), text);
        assertTrue(text.contains(type.name().startsWith("RSA") ? "Public-Key: (" + type.label().substring(4) + " bit)" : "NIST CURVE: " + type.label().substring(3)), text);
        CertificateService.PendingRequest pending = service.pending();
        assertNotNull(pending, "the key waits in the identity store");
        assertEquals(type.label(), pending.key());
        assertEquals(List.of("openfire.test", "mail.test", "chat.openfire.test"), pending.names());
        assertEquals(requestInfo(pem), requestInfo(service.pendingRequestPem()), "the request can be downloaded again: same key, subject and names");
        assertTrue(stores.identity.isEmpty(), "the current certificate is untouched until the reply comes");
    }

    static Object requestInfo(String pem) throws java.io.IOException {
        try (org.bouncycastle.openssl.PEMParser p = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
            return ((org.bouncycastle.pkcs.PKCS10CertificationRequest) p.readObject()).toASN1Structure().getCertificationRequestInfo();
        }
    }

    @Test
    void withTheOptionTheRequestAlsoCarriesEveryNameAsXmppAddrThatOpenSslAndThePluginRead() throws Exception {
        OpenSsl.assumeInstalled();
        String text = OpenSsl.request(service.requestSigning(KeyType.EC_P256, true));
        for (String n : List.of("openfire.test", "mail.test", "chat.openfire.test")) {
            assertTrue(text.contains("XmppAddr::" + n) || text.contains("XmppAddr:" + n), n + " as XmppAddr: " + text);
            assertTrue(text.contains("DNS:" + n), n + " as DNS name: " + text);
        }
        assertTrue(service.pending().xmppAddr());
    }

    @Test
    void aSelfSignedCertificateCarriesEveryNameAndBothKeyUsagesForOpenSslAndThePlugin() throws Exception {
        OpenSsl.assumeInstalled();
        CertificateReport r = service.installSelfSigned(KeyType.RSA_2048, true);
        X509Certificate c = stores.identity.values().iterator().next().get(0);
        String text = OpenSsl.certificate(CertificateMaker.pem(c));
        assertTrue(text.contains("DNS:openfire.test, DNS:mail.test, DNS:chat.openfire.test"), text);
        assertTrue(text.contains("XmppAddr::openfire.test") || text.contains("XmppAddr:openfire.test"), text);
        assertTrue(text.contains(EKU), text);
        assertTrue(text.contains("CA:FALSE"), text);
        assertTrue(r.selfSigned());
        assertTrue(r.missing().isEmpty(), r.missing().toString());
        assertTrue(r.serverAuth() && r.clientAuth());
        assertEquals(List.of("openfire.test", "mail.test", "chat.openfire.test"), r.xmppAddrs());
        assertEquals("RSA 2048", r.key());
        assertEquals(365, Duration.between(Instant.now(), r.notAfter()).toDays() + 1, 1);
    }

    @Test
    void theSignedReplyReplacesTheCurrentCertificateAndTheWaitingKey() throws Exception {
        OpenSsl.assumeInstalled();
        service.installSelfSigned(KeyType.EC_P256, false);
        String before = stores.identity.keySet().iterator().next();
        TestSigner ca = new TestSigner("Test CA");
        String pem = service.requestSigning(KeyType.RSA_3072, false);
        X509Certificate signed = ca.sign(pem, Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofDays(90)));
        String chain = CertificateMaker.pem(signed) + CertificateMaker.pem(ca.certificate);
        CertificateReport r = service.installReply(chain.getBytes(StandardCharsets.US_ASCII));
        assertNull(service.pending(), "no key waits any more");
        assertFalse(stores.identity.containsKey(before), "the self-signed certificate was replaced");
        List<X509Certificate> installed = stores.identity.values().iterator().next();
        assertEquals(List.of(signed, ca.certificate), installed, "leaf and issuer, in order");
        assertFalse(r.selfSigned());
        assertTrue(r.missing().isEmpty());
        assertTrue(OpenSsl.certificate(CertificateMaker.pem(installed.get(0))).contains(EKU));
    }

    @Test
    void aWildcardCoversOneLabelAndAMissingNameIsReported() {
        TestSigner ca = new TestSigner("Wildcard CA");
        X509Certificate c = ca.issue(KeyType.EC_P256.generate().getPublic(), List.of("openfire.test", "*.openfire.test"));
        CertificateReport r = CertificateReport.of("x", c, NAMES, Instant.now());
        assertEquals(List.of("mail.test"), r.missing());
        CertificateReport.Coverage chat = r.coverage().get(2);
        assertTrue(chat.byWildcard(), chat.toString());
        assertEquals("*.openfire.test", chat.dnsMatch());
        assertFalse(r.ekuPresent(), "no EKU extension: no restriction");
        assertTrue(r.serverAuth() && r.clientAuth());
        assertNull(NameMatch.dnsMatch(List.of("*.openfire.test"), "a.b.openfire.test"), "one label only");
        assertNull(NameMatch.dnsMatch(List.of("*.openfire.test"), "openfire.test"), "not the parent");
    }

    @Test
    void expiryLevelsAtThirtyAndSevenDays() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Instant from = now.minus(Duration.ofDays(300));
        assertEquals(ExpiryLevel.OK, ExpiryLevel.of(from, now.plus(Duration.ofDays(31)), now));
        assertEquals(ExpiryLevel.WARNING, ExpiryLevel.of(from, now.plus(Duration.ofDays(30)), now));
        assertEquals(ExpiryLevel.WARNING, ExpiryLevel.of(from, now.plus(Duration.ofDays(8)), now));
        assertEquals(ExpiryLevel.ERROR, ExpiryLevel.of(from, now.plus(Duration.ofDays(7)), now));
        assertEquals(ExpiryLevel.EXPIRED, ExpiryLevel.of(from, now, now));
        assertEquals(ExpiryLevel.NOT_YET_VALID, ExpiryLevel.of(now.plusSeconds(1), now.plus(Duration.ofDays(90)), now));
    }

    @Test
    void certificatesCloseToExpiryAreListedForTheDailyLogLine() {
        TestSigner ca = new TestSigner("Soon CA");
        String pem = service.requestSigning(KeyType.EC_P256, false);
        X509Certificate soon = ca.sign(pem, Instant.now().minus(Duration.ofDays(80)), Instant.now().plus(Duration.ofDays(5)));
        service.installReply(CertificateMaker.pem(soon).getBytes(StandardCharsets.US_ASCII));
        List<String> lines = service.expiryWarnings();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("Federation certificate '.*' \\(CN=openfire.test\\): expires on .* \\([45] days left\\)"), lines.get(0));
        assertEquals(ExpiryLevel.ERROR, service.identity().get(0).expiry());
    }

    @Test
    void trustImportListsCountsAuthoritiesAndRemoves() {
        TestSigner ca = new TestSigner("Partner CA");
        assertEquals(0, service.trustSummary().certificates());
        List<String> aliases = service.trust(CertificateMaker.pem(ca.certificate).getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, aliases.size());
        assertTrue(aliases.get(0).startsWith("federation-partner-ca-"), aliases.get(0));
        assertEquals(1, service.trustSummary().authorities());
        assertTrue(service.trustSummary().canValidatePartners());
        InvalidInputException again = assertThrows(InvalidInputException.class,
            () -> service.trust(ca.certificate.getEncoded()));
        assertEquals("The certificate O=Federation tests,CN=Partner CA is already in the trust store.", again.getMessage());
        service.untrust(aliases.get(0));
        assertTrue(stores.trusted.isEmpty());
        assertEquals("There is no certificate nothing-here in the S2S trust store.",
            assertThrows(InvalidInputException.class, () -> service.untrust("nothing-here")).getMessage());
    }
}
