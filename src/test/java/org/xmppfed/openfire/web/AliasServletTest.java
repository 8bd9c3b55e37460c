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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.alias.ChatNodeAlias;

class AliasServletTest {
    private final PageFixture f = new PageFixture();
    private final AliasServlet page = new AliasServlet(() -> f.context);

    private String get(Map<String, String> params) throws Exception {
        return PageFixture.run(page, "GET", params, true).body.toString();
    }

    @Test
    void thePageListsTheAliasesWithTheirDnsRecordAndCertificateNameAndOffersTheServices() throws Exception {
        f.aliases.add("chat.partners.example", "conference.openfire.test");
        String html = get(Map.of());
        assertTrue(html.contains("<meta name=\"pageID\" content=\"federation-aliases\"/>"));
        assertTrue(html.contains("data-alias=\"chat.partners.example\" data-service=\"conference.openfire.test\""), html);
        assertTrue(html.contains("_xmpp-server._tcp.chat.partners.example. IN SRV 0 5 5269 xmpp.openfire.test."), "the SRV record it needs");
        assertTrue(html.contains("DNS:chat.partners.example"), "the certificate name it needs");
        assertTrue(html.contains("<option value=\"conference.openfire.test\"") && html.contains("<option value=\"rooms.openfire.test\""),
            "every group chat service is offered");
    }

    @Test
    void anAliasIsAddedAndAuditedAndAnnouncedToTheCluster() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST",
            Map.of("action", "add", "alias", " Chat.Partners.Example ", "service", "conference.openfire.test"), true);
        assertEquals("aliases.jsp?result=added&alias=chat.partners.example&service=conference.openfire.test", x.redirect);
        assertEquals(List.of(new ChatNodeAlias("chat.partners.example", "conference.openfire.test")), f.aliases.current().all());
        assertEquals(List.of("Chat node alias added: chat.partners.example -> conference.openfire.test"), f.audit);
        assertEquals(1, f.aliasAnnouncements, "the other cluster nodes are told");
        assertEquals(1, f.enforcementWaits, "the page waits until this node applied it");
        assertTrue(get(Map.of("result", "added", "alias", "chat.partners.example", "service", "conference.openfire.test"))
            .contains("Chat node alias chat.partners.example added: federated partners reach conference.openfire.test under it now."));
    }

    @Test
    void aRefusedAliasIsExplainedNextToItsFieldWithTheInputKeptAndNothingSaved() throws Exception {
        f.policy.add("partner.example", "BOTH");
        String html = PageFixture.run(page, "POST", Map.of("action", "add", "alias", "partner.example", "service", "rooms.openfire.test"), true)
            .body.toString();
        assertTrue(html.contains("data-field-error=\"add-alias\">partner.example is already in use here as a domain with a policy exception."),
            html);
        assertTrue(html.contains("value=\"partner.example\""), "the input is kept");
        assertTrue(html.contains("<option value=\"rooms.openfire.test\" selected>"), "the chosen service is kept");
        String service = PageFixture.run(page, "POST", Map.of("action", "add", "alias", "chat.example", "service", "nochat.example"), true)
            .body.toString();
        assertTrue(service.contains("data-field-error=\"add-service\">'nochat.example' is not a group chat service of this server."),
            service);
        assertTrue(f.aliases.current().isEmpty());
        assertEquals(0, f.aliasAnnouncements);
        assertTrue(f.audit.isEmpty());
    }

    @Test
    void anAliasIsEditedAndDeletedAfterConfirmation() throws Exception {
        f.aliases.add("chat.partners.example", "conference.openfire.test");
        String form = get(Map.of("edit", "chat.partners.example"));
        assertTrue(form.contains("id=\"edit-alias-name\" name=\"alias\" size=\"40\" maxlength=\"300\" value=\"chat.partners.example\""), form);
        assertEquals("aliases.jsp?result=changed&alias=talk.partners.example&service=rooms.openfire.test",
            PageFixture.run(page, "POST", Map.of("action", "edit", "original", "chat.partners.example", "alias", "talk.partners.example",
                "service", "rooms.openfire.test"), true).redirect);
        assertEquals(List.of(new ChatNodeAlias("talk.partners.example", "rooms.openfire.test")), f.aliases.current().all());
        assertTrue(get(Map.of("delete", "talk.partners.example")).contains("Delete the chat node alias talk.partners.example?"));
        assertEquals(1, f.aliases.current().all().size(), "asking for confirmation deletes nothing");
        assertEquals("aliases.jsp?result=deleted&alias=talk.partners.example",
            PageFixture.run(page, "POST", Map.of("action", "delete", "alias", "talk.partners.example"), true).redirect);
        assertTrue(f.aliases.current().isEmpty());
        assertEquals(List.of("Chat node alias changed: chat.partners.example -> conference.openfire.test is now talk.partners.example -> rooms.openfire.test",
            "Chat node alias deleted: talk.partners.example -> rooms.openfire.test"), f.audit.subList(0, 2));
    }

    @Test
    void deletingAnAliasThatIsGoneSaysSo() throws Exception {
        String html = PageFixture.run(page, "POST", Map.of("action", "delete", "alias", "gone.example"), true).body.toString();
        assertTrue(html.contains("There is no alias gone.example (it may have been deleted meanwhile). Reload the page."), html);
    }

    @Test
    void withoutACsrfTokenNothingChanges() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST",
            Map.of("action", "add", "alias", "chat.partners.example", "service", "conference.openfire.test"), false);
        assertEquals(403, x.error);
        assertTrue(f.aliases.current().isEmpty());
        assertFalse(f.aliasAnnouncements > 0);
    }
}
