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

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.policy.DecisionReason;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.route.StaticRoute;

class RoutesServletTest {
    private final PageFixture f = new PageFixture();
    private final RoutesServlet page = new RoutesServlet(() -> f.context);

    private List<String> routes() {
        return f.routes.current().routes().stream().map(StaticRoute::describe).toList();
    }

    @Test
    void pageIsDecoratedAndListsTheRoutesGroupedByDomainWithWhatThePolicyDoes() throws Exception {
        f.routes.add("partner.example", "192.0.2.10");
        f.routes.add("partner.example", "[2001:db8::1]:5270");
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("<meta name=\"pageID\" content=\"federation-routes\"/>"));
        assertTrue(html.contains("<title>Federation Static Routes</title>"));
        assertTrue(html.contains("name=\"csrf\" value=\"TOKEN123\""));
        assertTrue(html.contains("2 routes for 1 domain."));
        assertTrue(html.contains("data-domain=\"partner.example\" data-address=\"[2001:db8::1]:5270\""));
        assertTrue(html.contains("(2 routes, tried in random order)"));
        assertTrue(html.contains("Allowed both ways (static route)"));
        assertTrue(html.contains("href=\"routes-export.jsp?format=json\""));
    }

    @Test
    void addingARouteRedirectsAuditsAndTheDomainIsAllowedAtOnce() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "add", "domain", "Partner.Example", "address", "192.0.2.10"), true);
        assertEquals("routes.jsp?result=added&route=partner.example+%E2%86%92+192.0.2.10%3A5269", x.redirect);
        assertEquals(List.of("partner.example \u2192 192.0.2.10:5269"), routes());
        assertEquals("Federation static route added: partner.example \u2192 192.0.2.10:5269", f.audit.get(0));
        assertEquals(1, f.enforcementWaits, "the redirect waits until the change is enforced");
        assertEquals(DecisionReason.STATIC_ROUTE, f.policy.current().decide("partner.example", Direction.OUTGOING).reason());
        String html = PageFixture.run(page, "GET", Map.of("result", "added", "route", "partner.example \u2192 192.0.2.10:5269"), true).body.toString();
        assertTrue(html.contains("Route partner.example \u2192 192.0.2.10:5269 added."));
    }

    @Test
    void aRefusedRouteSavesNothingKeepsTheInputAndSaysWhyNextToItsField() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "add", "domain", "partner.example", "address", "partner.example:65536"), true);
        assertNull(x.redirect);
        String html = x.body.toString();
        assertTrue(html.contains("Nothing was saved."));
        assertTrue(html.contains("data-field-error=\"address\">Port 65536 in 'partner.example:65536' does not exist."), html);
        assertTrue(html.contains("value=\"partner.example:65536\""), "the input is kept");
        PageFixture.Exchange own = PageFixture.run(page, "POST", Map.of("action", "add", "domain", "openfire.test", "address", "192.0.2.1"), true);
        assertTrue(own.body.toString().contains("data-field-error=\"domain\">openfire.test is a domain of this server"), own.body.toString());
        assertEquals(List.of(), routes());
        assertTrue(f.audit.isEmpty());
        assertEquals(0, f.routeSettings.announcements);
    }

    @Test
    void theSwitchesAreSavedAndWithRoutesOffThePageSaysDnsOnly() throws Exception {
        f.routes.add("partner.example", "192.0.2.10");
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "settings", "enabled", "false", "autoAllow", "false"), true);
        assertEquals("routes.jsp?result=settings", x.redirect);
        assertFalse(f.routeSettings.enabled);
        assertFalse(f.routeSettings.auto);
        assertEquals(Set.of(), f.policy.current().routedDomains());
        assertTrue(PageFixture.run(page, "GET", Map.of(), true).body.toString()
            .contains("Static routes are not used: every domain is looked up in DNS. The 1 routes below are kept"));
        PageFixture.Exchange bad = PageFixture.run(page, "POST", Map.of("action", "settings", "enabled", "maybe", "autoAllow", "true"), true);
        assertNull(bad.redirect);
        assertFalse(f.routeSettings.enabled, "nothing changed");
    }

    @Test
    void editingAndDeletingGoThroughTheFormAndAConfirmation() throws Exception {
        f.routes.add("partner.example", "192.0.2.10");
        String edit = PageFixture.run(page, "GET", Map.of("edit", "partner.example 192.0.2.10:5269"), true).body.toString();
        assertTrue(edit.contains("Edit the route partner.example \u2192 192.0.2.10:5269"));
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "update", "original", "partner.example 192.0.2.10:5269",
            "domain", "partner.example", "address", "192.0.2.11:5270"), true);
        assertEquals(List.of("partner.example \u2192 192.0.2.11:5270"), routes());
        assertTrue(x.redirect.startsWith("routes.jsp?result=updated"));
        String confirm = PageFixture.run(page, "GET", Map.of("delete", "partner.example 192.0.2.11:5270"), true).body.toString();
        assertTrue(confirm.contains("Delete the route partner.example \u2192 192.0.2.11:5270?"));
        assertEquals(List.of("partner.example \u2192 192.0.2.11:5270"), routes(), "asking is not deleting");
        PageFixture.run(page, "POST", Map.of("action", "delete", "route", "partner.example 192.0.2.11:5270"), true);
        assertEquals(List.of(), routes());
        assertTrue(PageFixture.run(page, "GET", Map.of("delete", "partner.example 192.0.2.11:5270"), true).body.toString()
            .contains("There is no route from partner.example to 192.0.2.11:5270"));
    }

    @Test
    void importShowsAPreviewAndAppliesOnlyWhenConfirmed() throws Exception {
        f.routes.add("old.example", "192.0.2.1");
        PageFixture.Exchange preview = PageFixture.run(page, "POST", Map.of("action", "import-preview", "format", "CSV", "mode", "REPLACE",
            "content", "domain,address\npartner.example,192.0.2.10\npartner.example,192.0.2.11\n"), true);
        String html = preview.body.toString();
        assertTrue(html.contains("partner.example \u2192 192.0.2.10:5269"), html);
        assertTrue(html.contains("old.example \u2192 192.0.2.1:5269"), "the route a replace removes is listed");
        assertEquals(List.of("old.example \u2192 192.0.2.1:5269"), routes(), "a preview changes nothing");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"importId\" value=\"([0-9a-f]+)\"").matcher(html);
        assertTrue(m.find());
        PageFixture.Exchange apply = PageFixture.run(page, "POST", Map.of("action", "import-apply", "importId", m.group(1)), true);
        assertEquals("routes.jsp?result=imported&count=2", apply.redirect);
        assertEquals(List.of("partner.example \u2192 192.0.2.10:5269", "partner.example \u2192 192.0.2.11:5269"), routes());
        assertTrue(PageFixture.run(page, "POST", Map.of("action", "import-apply", "importId", m.group(1)), true).body.toString()
            .contains("This import preview has expired or was already applied."));
    }

    @Test
    void aBadImportIsRefusedWholeWithEveryLineNamed() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "import-preview", "format", "CSV", "mode", "MERGE",
            "content", "partner.example,192.0.2.10\nopenfire.test,192.0.2.11\npartner.example,xmpp://x\n"), true);
        String html = x.body.toString();
        assertTrue(html.contains("Line 2: openfire.test is a domain of this server"), html);
        assertTrue(html.contains("Line 3: 'xmpp://x' is a URL."), html);
        assertEquals(List.of(), routes());
    }

    @Test
    void theExportIsWhatTheImportReads() throws IOException {
        f.routes.add("partner.example", "[2001:db8::1]");
        PageFixture.Exchange csv = PageFixture.run(new RoutesExportServlet(() -> f.context), "GET", Map.of("format", "csv"), true);
        assertEquals("domain,address\npartner.example,[2001:db8::1]:5269\n", csv.body.toString());
        PageFixture.Exchange json = PageFixture.run(new RoutesExportServlet(() -> f.context), "GET", Map.of("format", "json"), true);
        assertEquals("{\n  \"routes\": [\n    {\"domain\": \"partner.example\", \"address\": \"[2001:db8::1]:5269\"}\n  ]\n}\n", json.body.toString());
    }

    @Test
    void postsWithoutTheCsrfCheckChangeNothing() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "add", "domain", "partner.example", "address", "192.0.2.1"), false);
        assertEquals(403, x.error);
        assertEquals(List.of(), routes());
    }
}
