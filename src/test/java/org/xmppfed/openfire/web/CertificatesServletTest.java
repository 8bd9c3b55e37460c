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
package org.xmppfed.openfire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.certs.CertificateMaker;
import org.xmppfed.openfire.certs.RequiredName;
import org.xmppfed.openfire.certs.TestSigner;

/** Federation → Certificates through the page: refusals next to their field, changes audited, removal confirmed. */
class CertificatesServletTest {
    private final PageFixture f = new PageFixture();
    private final CertificatesServlet page = new CertificatesServlet(() -> f.context);

    @Test
    void theRequiredNamesComeFromTheCapabilitiesAndMissingOnesAreShown() throws Exception {
        f.certificates.installSelfSigned(org.xmppfed.openfire.certs.KeyType.EC_P256, false);
        f.requiredNames.add(new RequiredName("mail.test", "email domain"));
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("<li data-name=\"mail.test\"><b>mail.test</b> <span class=\"jive-description\">(email domain)</span>"), html);
        assertTrue(html.contains("data-covered=\"openfire.test:true\""), html);
        assertTrue(html.contains("data-covered=\"mail.test:false\""), html);
        assertTrue(html.contains("mail.test: MISSING"), html);
        assertTrue(html.contains("data-selfsigned=\"true\""), html);
        assertTrue(html.contains("data-eku=\"both\""), html);
        assertTrue(html.contains("Certificates are kept per node."), html);
    }

    @Test
    void aKeyTypeNotOfferedIsRefusedNextToItsField() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "csr", "keyType", "RSA_1024"), true);
        assertNull(x.redirect);
        assertTrue(x.body.toString().contains("data-field-error=\"keyType\">'RSA_1024' is not a key this page offers"), x.body.toString());
        assertNull(f.certificateStores.pending);
        assertTrue(f.audit.isEmpty());
    }

    @Test
    void aRequestIsMadeAuditedAndShownForDownload() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "csr", "keyType", "EC_P384"), true);
        assertEquals("certificates.jsp?result=csr#request", x.redirect);
        assertEquals(List.of("Federation certificate signing request made: EC P-384"), f.audit);
        String html = PageFixture.run(page, "GET", Map.of("result", "csr"), true).body.toString();
        assertTrue(html.contains("-----BEGIN CERTIFICATE REQUEST-----"), html);
        assertTrue(html.contains("href=\"certificates.jsp?download=csr\""), html);
        assertTrue(html.contains("Waiting for the signed certificate: EC P-384 key, names openfire.test"), html);
    }

    @Test
    void aSelfSignedCertificateNeedsTheTick() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "selfsigned", "keyType", "EC_P256"), true);
        assertNull(x.redirect);
        assertTrue(x.body.toString().contains("Tick \"Replace the current certificate\""), x.body.toString());
        assertTrue(f.certificateStores.identity.isEmpty());
        x = PageFixture.run(page, "POST", Map.of("action", "selfsigned", "keyType", "EC_P256", "replace", "true"), true);
        assertEquals("certificates.jsp?result=selfsigned", x.redirect);
        assertEquals(1, f.certificateStores.identity.size());
    }

    @Test
    void trustedCertificatesAreImportedListedAndRemovedAfterConfirmation() throws Exception {
        TestSigner ca = new TestSigner("Partner CA");
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "trust", "pem", CertificateMaker.pem(ca.certificate)), true);
        assertEquals("certificates.jsp?result=trusted", x.redirect);
        String alias = f.certificateStores.trusted.keySet().iterator().next();
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("data-trusted=\"" + alias + "\""), html);
        assertTrue(html.contains("certificate authority"), html);
        String confirm = PageFixture.run(page, "GET", Map.of("confirm", "untrust", "alias", alias), true).body.toString();
        assertTrue(confirm.contains("Remove " + alias + " from the S2S trust store?"), confirm);
        x = PageFixture.run(page, "POST", Map.of("action", "untrust", "alias", alias), true);
        assertEquals("certificates.jsp?result=untrusted", x.redirect);
        assertTrue(f.certificateStores.trusted.isEmpty());
        assertEquals(2, f.audit.size());
    }

    @Test
    void aPrivateKeyPastedIntoTheTrustStoreIsRefusedNextToTheTrustField() throws Exception {
        String key = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "trust", "pem", key), true);
        assertNull(x.redirect);
        assertTrue(x.body.toString().contains("data-field-error=\"trust\">This is a private key, not a certificate."), x.body.toString());
        assertFalse(x.body.toString().contains("MIGHAgEAMBMG"), "the key is not written back into the page");
        assertTrue(f.certificateStores.trusted.isEmpty());
    }
}
