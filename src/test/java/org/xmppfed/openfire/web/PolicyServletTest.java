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
import org.xmppfed.openfire.policy.Direction;

class PolicyServletTest {
    private final PageFixture f = new PageFixture();
    private final PolicyServlet page = new PolicyServlet(() -> f.context);

    @Test
    void pageIsDecoratedByTheAdminConsoleAndCarriesTheCsrfToken() throws Exception {
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("<meta name=\"pageID\" content=\"federation-policy\"/>"));
        assertTrue(html.contains("<title>Federation Policy</title>"));
        assertTrue(html.contains("name=\"csrf\" value=\"TOKEN123\""));
        assertTrue(html.contains("No exceptions."));
    }

    @Test
    void addingAnExceptionRedirectsWithSuccessAndIsAudited() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST",
            Map.of("action", "add", "pattern", "Partner.Example", "direction", "INCOMING"), true);
        assertEquals("policy.jsp?result=added&pattern=partner.example", x.redirect);
        assertEquals(Direction.INCOMING, f.policy.find("partner.example").orElseThrow().direction());
        assertEquals("Federation policy exception added: partner.example INCOMING", f.audit.get(0));
        String html = PageFixture.run(page, "GET", Map.of("result", "added", "pattern", "partner.example"), true).body.toString();
        assertTrue(html.contains("Exception partner.example added."));
        assertTrue(html.contains("data-pattern=\"partner.example\""));
    }

    @Test
    void aRejectedAddSavesNothingKeepsTheInputAndExplainsNextToTheField() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST",
            Map.of("action", "add", "pattern", "bob@partner.example", "direction", "BOTH"), true);
        assertNull(x.redirect);
        String html = x.body.toString();
        assertTrue(html.contains("Nothing was saved."));
        assertTrue(html.contains("data-field-error=\"pattern\">'bob@partner.example' is an address, not a domain. Enter only the domain part, for example partner.example."));
        assertTrue(html.contains("value=\"bob@partner.example\""), "the input is kept");
        assertTrue(f.policy.current().exceptions().isEmpty());
        assertTrue(f.audit.isEmpty());
    }

    @Test
    void postsWithoutTheCsrfCheckChangeNothing() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "add", "pattern", "a.example", "direction", "BOTH"), false);
        assertEquals(403, x.error);
        assertTrue(f.policy.current().exceptions().isEmpty());
    }

    @Test
    void outputIsEscaped() throws Exception {
        String evil = "<script>alert(1)</script>.example";
        String html = PageFixture.run(page, "GET", Map.of("test", evil, "filter", "\"><img src=x>"), true).body.toString();
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img src=x>"));
        assertTrue(html.contains("&lt;script&gt;"));
    }

    @Test
    void deleteAsksForConfirmationFirst() throws Exception {
        f.policy.add("a.example", "BOTH");
        String html = PageFixture.run(page, "GET", Map.of("delete", "a.example"), true).body.toString();
        assertTrue(html.contains("Delete the exception a.example?"));
        assertTrue(f.policy.find("a.example").isPresent(), "showing the confirmation deletes nothing");
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "delete", "pattern", "a.example"), true);
        assertEquals("policy.jsp?result=deleted&pattern=a.example", x.redirect);
        assertFalse(f.policy.find("a.example").isPresent());
    }

    @Test
    void editingKeepsCreationAndChangesDirection() throws Exception {
        f.policy.add("a.example", "BOTH");
        String form = PageFixture.run(page, "GET", Map.of("edit", "a.example"), true).body.toString();
        assertTrue(form.contains("Edit the exception a.example"));
        assertTrue(form.contains("name=\"original\" value=\"a.example\""));
        PageFixture.run(page, "POST", Map.of("action", "update", "original", "a.example", "pattern", "a.example", "direction", "OUTGOING"), true);
        assertEquals(Direction.OUTGOING, f.policy.find("a.example").orElseThrow().direction());
    }

    @Test
    void testerShowsTheEnforcedDecisionAndItsRule() throws Exception {
        f.policy.add("*.partner.example", "INCOMING");
        String html = PageFixture.run(page, "GET", Map.of("test", "Chat.Partner.Example"), true).body.toString();
        assertTrue(html.contains("Decision for chat.partner.example"));
        assertTrue(html.contains("data-direction=\"INCOMING\" data-allowed=\"true\""));
        assertTrue(html.contains("data-direction=\"OUTGOING\" data-allowed=\"false\""));
        assertTrue(html.contains("Policy exception *.partner.example (Incoming only)"));
        assertTrue(html.contains("Default policy (DENY)"));
    }

    @Test
    void importShowsAPreviewAndAppliesOnlyWhenConfirmed() throws Exception {
        f.policy.add("old.example", "BOTH");
        String csv = "pattern,direction\nnew.example,INCOMING\nold.example,OUTGOING\n";
        String preview = PageFixture.run(page, "POST", Map.of("action", "import-preview", "format", "CSV", "mode", "REPLACE", "content", csv), true)
            .body.toString();
        assertTrue(preview.contains("The file has 2 valid entries: 1 to add, 1 to change, 0 to delete, 0 unchanged."));
        assertEquals(1, f.policy.current().exceptions().size(), "a preview changes nothing");
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "import-apply", "format", "CSV", "mode", "REPLACE", "content", csv), true);
        assertEquals("policy.jsp?result=imported&count=2", x.redirect);
        assertEquals(Direction.OUTGOING, f.policy.find("old.example").orElseThrow().direction());
        assertTrue(f.policy.find("new.example").isPresent());
    }

    @Test
    void aBadImportListsEveryBadLineAndAppliesNothing() throws Exception {
        String csv = "pattern,direction\ngood.example,BOTH\nuser@bad.example,BOTH\nfine.example,SIDEWAYS\n";
        String html = PageFixture.run(page, "POST", Map.of("action", "import-apply", "format", "CSV", "mode", "MERGE", "content", csv), true)
            .body.toString();
        assertTrue(html.contains("Line 3: 'user@bad.example' is an address, not a domain."));
        assertTrue(html.contains("Line 4: 'SIDEWAYS' is not a direction."));
        assertTrue(f.policy.current().exceptions().isEmpty());
    }

    @Test
    void exportDownloadsWhatTheImportReads() throws Exception {
        f.policy.add("*.a.example", "INCOMING");
        f.policy.add("b.example", "BOTH");
        String csv = PageFixture.run(new PolicyExportServlet(() -> f.context), "GET", Map.of("format", "csv"), true).body.toString();
        assertEquals("pattern,direction\n*.a.example,INCOMING\nb.example,BOTH\n", csv);
        String json = PageFixture.run(new PolicyExportServlet(() -> f.context), "GET", Map.of("format", "json"), true).body.toString();
        assertTrue(json.contains("{\"pattern\": \"*.a.example\", \"direction\": \"INCOMING\""));
    }
}
