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

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.policy.DefaultPolicy;

class SettingsServletTest {
    private final PageFixture f = new PageFixture();
    private final SettingsServlet page = new SettingsServlet(() -> f.context);

    @Test
    void aNewInstallExplainsLockdown() throws Exception {
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("<meta name=\"pageID\" content=\"federation-settings\"/>"));
        assertTrue(html.contains("Lockdown: the default policy is Deny and there are no exceptions"));
        assertTrue(html.contains("id=\"defaultPolicy-DENY\" value=\"DENY\" checked"));
        assertTrue(html.contains("id=\"enabled-true\" value=\"true\" checked"));
    }

    @Test
    void savingChangesThePolicyAtOnceAndIsAudited() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("enabled", "false", "defaultPolicy", "ALLOW"), true);
        assertEquals("settings.jsp?result=saved", x.redirect);
        assertFalse(f.policy.current().enabled());
        assertEquals(DefaultPolicy.ALLOW, f.policy.current().defaultPolicy());
        assertEquals("Federation settings changed: federation on -> off, default policy DENY -> ALLOW", f.audit.get(0));
        String html = PageFixture.run(page, "GET", Map.of("result", "saved"), true).body.toString();
        assertTrue(html.contains("Settings saved."));
        assertTrue(html.contains("Federation is switched off"));
    }

    @Test
    void theRedirectWaitsUntilThisNodeEnforcesTheChangeOnConnections() throws Exception {
        PageFixture.run(page, "POST", Map.of("enabled", "true", "defaultPolicy", "ALLOW"), true);
        assertEquals(1, f.enforcementWaits);
        PageFixture.run(page, "POST", Map.of("enabled", "maybe", "defaultPolicy", "ALLOW"), true);
        assertEquals(1, f.enforcementWaits, "a rejected form changes nothing and waits for nothing");
    }

    @Test
    void badValuesSaveNothingAndAreExplained() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("enabled", "maybe", "defaultPolicy", "<b>SOMETIMES</b>"), true);
        assertNull(x.redirect);
        String html = x.body.toString();
        assertTrue(html.contains("data-field-error=\"enabled\">Choose On or Off."));
        assertTrue(html.contains("'&lt;b&gt;SOMETIMES&lt;/b&gt;' is not a default policy. Choose ALLOW or DENY."));
        assertTrue(f.policy.current().enabled());
        assertEquals(DefaultPolicy.DENY, f.policy.current().defaultPolicy());
    }

    @Test
    void refusesPostsThatDidNotPassTheCsrfCheck() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("enabled", "false", "defaultPolicy", "ALLOW"), false);
        assertEquals(403, x.error);
        assertTrue(f.policy.current().enabled());
    }
}
