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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.security.S2sSecurity;
import org.xmppfed.openfire.security.TlsMode;
import org.xmppfed.openfire.security.TrustStoreSummary;

/** Federation → Security: saved whole or not at all, the secret never shown, connections closed on request. */
class SecurityServletTest {
    private static final String SECRET = "correct-horse-battery-staple-42";
    private final PageFixture f = new PageFixture();
    private final SecurityServlet page = new SecurityServlet(() -> f.context);

    private static Map<String, String> form(String tls, boolean strict, boolean in, boolean out, boolean dialback, String secretAction, String secret) {
        Map<String, String> m = new HashMap<>();
        m.put("action", "save");
        m.put("tls", tls);
        if (strict) {
            m.put("strictCertificates", "true");
        }
        if (in) {
            m.put("externalIncoming", "true");
        }
        if (out) {
            m.put("externalOutgoing", "true");
        }
        if (dialback) {
            m.put("dialback", "true");
        }
        m.put("secretAction", secretAction);
        m.put("secret", secret);
        return m;
    }

    @Test
    void aValidFormIsSavedWholeWithTheNewSecretAndAudited() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", form("REQUIRED", true, true, false, true, "set", SECRET), true);
        assertEquals("security.jsp?result=saved", x.redirect);
        assertEquals(new S2sSecurity(TlsMode.REQUIRED, true, true, false, true, true), f.security.settings);
        assertEquals(SECRET, f.security.lastSecret.reveal());
        assertEquals(1, f.enforcementWaits);
        assertEquals(1, f.audit.size());
        String audit = f.audit.get(0);
        assertTrue(audit.contains("TLS OPTIONAL, strict certificates off, SASL EXTERNAL in on, out on, dialback on -> TLS REQUIRED, strict certificates on, SASL EXTERNAL in on, out off, dialback on, dialback secret: replaced"), audit);
        assertFalse(audit.contains(SECRET), "the secret is never audited");
    }

    @Test
    void afterSavingThePageSaysWhatAppliesWhenAndOffersToCloseConnections() throws Exception {
        String html = PageFixture.run(page, "GET", Map.of("result", "saved"), true).body.toString();
        assertTrue(html.contains("At once: the SASL mechanisms offered"), html);
        assertTrue(html.contains("A changed TLS mode or certificate validation restarts the S2S listener of every node"), html);
        assertTrue(html.contains("href=\"security.jsp?confirm=close\""), html);
        String confirm = PageFixture.run(page, "GET", Map.of("confirm", "close"), true).body.toString();
        assertTrue(confirm.contains("Close every federated connection of this node now?"), confirm);
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "close"), true);
        assertEquals("security.jsp?result=closed&count=3", x.redirect);
        assertEquals(1, f.security.closes);
        assertEquals(java.util.List.of("Federated connections closed: 3 connection(s) closed on this node"), f.audit);
    }

    @Test
    void aGeneratedSecretIsUsedButNeitherShownNorAudited() throws Exception {
        PageFixture.run(page, "POST", form("OPTIONAL", false, true, true, true, "generate", ""), true);
        String secret = f.security.lastSecret.reveal();
        assertEquals(40, secret.length());
        assertTrue(f.audit.get(0).endsWith("dialback secret: new random one"), f.audit.get(0));
        String html = PageFixture.run(page, "GET", Map.of("result", "saved"), true).body.toString();
        assertFalse(html.contains(secret), "never on the page, not even in the HTML source");
        assertTrue(html.contains("a secret set here is in use. It is never shown."));
    }

    @Test
    void aRefusedFormChangesNothingKeepsTheInputAndNeverEchoesTheSecret() throws Exception {
        S2sSecurity before = f.security.settings;
        PageFixture.Exchange x = PageFixture.run(page, "POST", form("NONE", false, true, true, false, "set", SECRET), true);
        assertNull(x.redirect);
        assertEquals(0, f.security.saves);
        assertEquals(before, f.security.settings);
        assertTrue(f.audit.isEmpty());
        String html = x.body.toString();
        assertTrue(html.contains("Nothing was saved."), html);
        assertTrue(html.contains("data-field-error=\"dialback\""), html);
        assertTrue(html.contains("Without TLS, dialback is the only way servers can authenticate."), html);
        assertTrue(html.contains("id=\"tls-NONE\" value=\"NONE\" checked"), "the choice is kept: " + html);
        assertFalse(html.contains(SECRET), "a refused secret is not written back into the page");
    }

    @Test
    void anEmptyOrShortSecretIsRefusedAndNothingSaved() throws Exception {
        for (String bad : new String[] {"", "fifteen-chars-x"}) {
            PageFixture.Exchange x = PageFixture.run(page, "POST", form("OPTIONAL", false, true, true, true, "set", bad), true);
            assertNull(x.redirect);
            assertTrue(x.body.toString().contains("data-field-error=\"secret\""), x.body.toString());
        }
        assertEquals(0, f.security.saves);
        assertNull(f.security.lastSecret);
    }

    @Test
    void strictValidationIsRefusedWhileTheTrustStoreHasNoAuthority() throws Exception {
        f.security.trust = new TrustStoreSummary(1, 0);
        PageFixture.Exchange x = PageFixture.run(page, "POST", form("REQUIRED", true, true, true, true, "keep", ""), true);
        assertNull(x.redirect);
        assertTrue(x.body.toString().contains("data-field-error=\"strictCertificates\""));
        assertTrue(x.body.toString().contains("no certificate authority (only self-signed certificates)"));
        assertEquals(0, f.security.saves);
    }

    @Test
    void underNoTlsTheGreyedOutOptionsKeepTheirValues() throws Exception {
        f.security.settings = new S2sSecurity(TlsMode.REQUIRED, true, false, true, true, false);
        // disabled inputs are not sent by the browser
        PageFixture.Exchange x = PageFixture.run(page, "POST", form("NONE", false, false, false, true, "keep", ""), true);
        assertNotNull(x.redirect);
        assertEquals(new S2sSecurity(TlsMode.NONE, true, false, true, true, false), f.security.settings);
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("class=\"tls-option\""), "the TLS options are marked for greying out");
        assertTrue(html.contains("options[i].disabled = none"), "and greyed out under No TLS");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", form("NONE", false, false, false, false, "keep", ""), false);
        assertEquals(403, x.error);
        assertEquals(0, f.security.saves);
    }
}
