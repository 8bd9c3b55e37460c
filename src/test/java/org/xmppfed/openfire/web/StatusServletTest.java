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
import org.xmppfed.openfire.connections.NodeReport;
import org.xmppfed.openfire.connections.StatusReason;

class StatusServletTest {
    private final PageFixture f = new PageFixture();
    private final StatusServlet page = new StatusServlet(() -> f.context);

    @Test
    void activeWhenNothingBlocksWithEveryNodesVersions() throws Exception {
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("data-state=\"ACTIVE\""), html);
        assertTrue(html.contains("data-node=\"node-2\""));
        assertTrue(html.contains("5.1.1"));
    }

    @Test
    void everyReasonOnItsOwnLineWithTheLinkThatFixesIt() throws Exception {
        f.nodes.reports.set(0, new NodeReport("node-1", "1.3.0", "5.1.1", List.of(
            StatusReason.blocking("status.reason.switch-off", "settings.jsp"),
            StatusReason.blocking("status.reason.not-listening", "/connection-settings-socket-s2s.jsp", "5269"),
            StatusReason.warning("status.reason.email-not-ready", "email.jsp")), List.of(), null));
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("id=\"state\" data-state=\"INACTIVE\""), html);
        assertTrue(html.contains("data-reason=\"status.reason.switch-off\""));
        assertTrue(html.contains("Nothing answers on the server-to-server port 5269"));
        assertTrue(html.contains("href=\"/connection-settings-socket-s2s.jsp\""));
        assertTrue(html.contains("href=\"email.jsp\""));
        assertTrue(html.contains("data-node=\"node-2\" data-state=\"ACTIVE\""), "the other node is still active");
    }

    @Test
    void aNewMetricsTokenIsShownOnceAndOnlyItsDigestKept() throws Exception {
        String html = PageFixture.run(page, "POST", Map.of("action", "new-token"), true).body.toString();
        int at = html.indexOf("id=\"metrics-token\">") + "id=\"metrics-token\">".length();
        String token = html.substring(at, html.indexOf('<', at));
        assertTrue(f.metrics.authorised("Bearer " + token));
        assertFalse(f.tokenDigest.contains(token));
        assertEquals(1, f.audit.size());
        assertFalse(f.audit.get(0).contains(token), "the audit never carries the token");
        String again = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertFalse(again.contains(token), "not shown a second time");
        assertTrue(PageFixture.run(page, "GET", Map.of("token", "remove-token"), true).body.toString().contains("Remove the metrics token?"));
        PageFixture.run(page, "POST", Map.of("action", "remove-token"), true);
        assertFalse(f.metrics.authorised("Bearer " + token));
    }
}
