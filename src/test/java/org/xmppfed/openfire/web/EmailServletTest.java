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

import java.util.Map;

import org.junit.jupiter.api.Test;

class EmailServletTest {
    private final PageFixture f = new PageFixture();
    private final EmailServlet page = new EmailServlet(() -> f.context);

    private String get(Map<String, String> params) throws Exception {
        return PageFixture.run(page, "GET", params, true).body.toString();
    }

    @Test
    void thePageShowsTheSwitchWarningsDomainsAndUsersWithoutEmail() throws Exception {
        f.index.replaceAll(Map.of("alice", "Alice.Smith@mail.test", "bob", "", "carl", "carl@<b>bad"));
        String html = get(Map.of());
        assertTrue(html.contains("<meta name=\"pageID\" content=\"federation-email\"/>"));
        assertTrue(html.contains("id=\"enabled-false\" value=\"false\" checked"), "off on a new install");
        assertTrue(html.contains("Contacts they added with the XMPP address (user@openfire.test) stop working"));
        assertTrue(html.contains("this server&#39;s certificate") || html.contains("this server's certificate"), html);
        assertFalse(html.contains("''") || html.contains("&#39;&#39;"), "'' in the bundle is one apostrophe on the page");
        assertTrue(html.contains("data-domain=\"mail.test\" data-status=\"PROPOSED\""), "the users' domain waits for approval");
        assertFalse(html.contains("_xmpp-server._tcp.mail.test."), "no DNS hint for a domain that is not served");
        assertTrue(html.contains("3 of 3 users federate with their XMPP address"), html);
        assertTrue(html.contains("The email domain mail.test is not served"), "alice's reason");
        assertTrue(html.contains("carl@&lt;b&gt;bad"), "output escaped");
        assertFalse(html.contains("carl@<b>bad"));
    }

    @Test
    void switchingOnIsSavedAndAudited() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "switch", "enabled", "true"), true);
        assertEquals("email.jsp?result=on", x.redirect);
        assertTrue(f.email.enabled());
        assertEquals("Email address for federation switched on: was off", f.audit.get(0));
    }

    @Test
    void aBadDomainIsExplainedNextToTheFieldWithTheInputKeptAndNothingSaved() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "add", "domain", "abc.1om"), true);
        String html = x.body.toString();
        assertTrue(html.contains("data-field-error=\"domain\">The last label &#39;1om&#39; of &#39;abc.1om&#39; starts with a digit")
            || html.contains("data-field-error=\"domain\">The last label '1om' of 'abc.1om' starts with a digit"), html);
        assertTrue(html.contains("value=\"abc.1om\""));
        assertTrue(f.email.domains().isEmpty());
        assertEquals(0, f.emailSettings.announcements);
    }

    @Test
    void withoutACsrfTokenNothingChanges() throws Exception {
        PageFixture.Exchange x = PageFixture.run(page, "POST", Map.of("action", "add", "domain", "partner.example"), false);
        assertEquals(403, x.error);
        assertTrue(f.email.domains().isEmpty());
    }

    @Test
    void anAdministratorDomainIsAddedRenamedAndDeletedAfterConfirmation() throws Exception {
        assertEquals("email.jsp?result=added&domain=partner.example",
            PageFixture.run(page, "POST", Map.of("action", "add", "domain", " Partner.Example "), true).redirect);
        assertTrue(get(Map.of("delete", "partner.example")).contains("Delete the email domain partner.example?"));
        assertEquals(1, f.email.domains().size(), "asking for confirmation deletes nothing");
        assertEquals("email.jsp?result=renamed&from=partner.example&domain=partners.example",
            PageFixture.run(page, "POST", Map.of("action", "rename", "original", "partner.example", "domain", "partners.example"), true).redirect);
        assertEquals("email.jsp?result=deleted&domain=partners.example",
            PageFixture.run(page, "POST", Map.of("action", "delete", "domain", "partners.example"), true).redirect);
        assertTrue(f.email.domains().isEmpty());
        assertEquals(3, f.audit.size());
    }

    @Test
    void aSystemManagedDomainCannotBeDeleted() throws Exception {
        f.index.replaceAll(Map.of("alice", "alice@mail.test"));
        String html = PageFixture.run(page, "POST", Map.of("action", "delete", "domain", "mail.test"), true).body.toString();
        assertTrue(html.contains("mail.test is system-managed"), html);
        assertEquals(1, f.email.domains().size());
    }

    @Test
    void rereadingUsersIsOnePost() throws Exception {
        assertEquals("email.jsp?result=reread", PageFixture.run(page, "POST", Map.of("action", "reread"), true).redirect);
        assertEquals(1, f.rereads);
    }
}
