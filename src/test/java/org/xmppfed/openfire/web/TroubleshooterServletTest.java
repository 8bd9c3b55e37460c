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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The troubleshooter page's probe rows for the ping step, and the static route row of the report. */
class TroubleshooterServletTest {
    private static final Pattern PING = Pattern.compile(
        "<tr data-probe=\"partner.example\" data-step=\"ping\" data-verdict=\"([A-Z]+)\">.*?color:(#[0-9a-f]+).*?<td style=\"text-align:left\">(.*?)</td>",
        Pattern.DOTALL);
    private final PageFixture f = new PageFixture();
    private final TroubleshooterServlet page = new TroubleshooterServlet(() -> f.context);

    private Matcher ping(String html) {
        Matcher m = PING.matcher(html);
        assertTrue(m.find(), html);
        return m;
    }

    @Test
    void aPingThePolicyRulesOutIsShownAsSkippedWithItsReasonAndNotSent() throws Exception {
        String html = PageFixture.run(page, "POST", Map.of("action", "probe", "domains", "partner.example"), true).body.toString();
        Matcher m = ping(html);
        assertEquals("SKIPPED", m.group(1));
        assertEquals("#666666", m.group(2), "grey, neither a pass nor a problem");
        assertEquals("not run: the default policy (DENY) denies traffic to partner.example, so this server sends it nothing", m.group(3));
        assertEquals(List.of(), f.pings);
    }

    @Test
    void anAllowedPartnerIsPingedFromOurDomainAndItsErrorAnswerIsExplained() throws Exception {
        f.policy.add("partner.example", "BOTH");
        String html = PageFixture.run(page, "POST", Map.of("action", "probe", "domains", "partner.example"), true).body.toString();
        Matcher m = ping(html);
        assertEquals("PASS", m.group(1));
        assertTrue(m.group(3).startsWith("answered with the error service-unavailable after 3 ms: the partner does not support XMPP ping"),
            m.group(3));
        assertEquals(List.of("openfire.test -> partner.example"), f.pings);
    }

    @Test
    void theReportHasTheStaticRouteRow() throws Exception {
        String html = PageFixture.run(page, "POST", Map.of("action", "run"), true).body.toString();
        assertTrue(html.contains("<tr data-check=\"policy.denied-routes\" data-verdict=\"PASS\">"), html);
        assertTrue(html.contains("No static route leads to a domain the policy denies"), html);
    }
}
