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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.FederationEvent;

class EventsServletTest {
    /** Midday, server time, so that date filters in the server's zone are unambiguous. */
    private static final Instant T0 = LocalDate.of(2024, 5, 1).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
    private final PageFixture f = new PageFixture();
    private final EventsServlet page = new EventsServlet(() -> f.context);
    private final EventsExportServlet export = new EventsExportServlet(() -> f.context);

    private void store(FederationEvent... events) {
        f.events.insert(List.of(events));
    }

    private static FederationEvent denied(int minute, String domain, int repeats) {
        return new FederationEvent(T0.plusSeconds(60L * minute), "node-1", EventKind.STANZA_DENIED, domain,
            "Denied incoming message from " + domain + ": default policy", null, null, repeats);
    }

    private static List<String> kinds(String html) {
        List<String> kinds = new ArrayList<>();
        Matcher m = Pattern.compile("data-kind=\"([A-Z_]+)\"").matcher(html);
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }

    @Test
    void showsTheEventsNewestFirstWithRepeatsAndTheAdmin() throws Exception {
        store(new FederationEvent(T0, "node-1", EventKind.PLUGIN_STARTED, null, "Federation plugin started", null, null, 0),
            denied(1, "spam.example", 0),
            denied(2, "spam.example", 41),
            new FederationEvent(T0.plusSeconds(300), "node-2", EventKind.SETTINGS_CHANGED, null, "Federation settings changed",
                "default policy DENY -> ALLOW", "admin", 0));
        String html = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertTrue(html.contains("<meta name=\"pageID\" content=\"federation-events\"/>"));
        assertEquals(List.of("SETTINGS_CHANGED", "STANZA_DENIED", "STANZA_DENIED", "PLUGIN_STARTED"), kinds(html));
        assertTrue(html.contains("4 events match."));
        assertTrue(html.contains("41 more like this in the last minute"));
        assertTrue(html.contains("<td>admin</td>"));
        assertTrue(html.contains("default policy DENY -&gt; ALLOW"));
        assertTrue(html.contains("Stanza denied by policy"), "kinds in the administrator's words");
        HostileValuesTest.assertNoTemplateSource(html);
    }

    @Test
    void filtersByDomainKindNodeAndTimeAndKeepsTheInput() throws Exception {
        store(denied(0, "a.example", 0), denied(1, "b.example", 0), denied(60 * 24, "a.example", 0),
            new FederationEvent(T0.plusSeconds(120), "node-2", EventKind.CONNECTION_CLOSED, "a.example", "Closed", "reason: policy", null, 0));
        String html = PageFixture.run(page, "GET", Map.of("domain", "A.Example", "kind", "STANZA_DENIED", "node", "node-1",
            "from", "2024-05-01", "to", "2024-05-01"), true).body.toString();
        assertEquals(List.of("STANZA_DENIED"), kinds(html), "a.example, denied, on node-1, on 1 May only");
        assertTrue(html.contains("1 events match."));
        assertTrue(html.contains("id=\"domain\" name=\"domain\" size=\"30\" maxlength=\"300\" value=\"A.Example\""), "input kept");
        assertTrue(html.contains("<option value=\"STANZA_DENIED\" selected>"));
        assertTrue(html.contains("href=\"events-export.jsp?from=2024-05-01&amp;to=2024-05-01&amp;domain=A.Example&amp;kind=STANZA_DENIED&amp;node=node-1\""));

        String times = PageFixture.run(page, "GET", Map.of("from", "2024-05-01 12:01", "to", "2024-05-01 12:02:30"), true).body.toString();
        assertEquals(List.of("CONNECTION_CLOSED", "STANZA_DENIED"), kinds(times), "from inclusive, to exclusive, to the second");
    }

    @Test
    void badFiltersAreExplainedNextToTheirFieldsWithTheInputKept() throws Exception {
        store(denied(0, "a.example", 0));
        String html = PageFixture.run(page, "GET", Map.of("from", "1st of May", "to", "2024-13-01", "domain", "bad domain!",
            "kind", "EXPLOSION"), true).body.toString();
        assertTrue(html.contains("data-field-error=\"from\">'1st of May' is not a time."), html);
        assertTrue(html.contains("data-field-error=\"to\">'2024-13-01' is not a time."));
        assertTrue(html.contains("data-field-error=\"domain\">"));
        assertTrue(html.contains("data-field-error=\"kind\">'EXPLOSION' is not a kind of event."));
        assertTrue(html.contains("value=\"1st of May\""));
        assertTrue(html.contains("The filters are not valid"));
        assertEquals(List.of(), kinds(html), "no events for filters that are not valid");
        assertFalse(html.contains("id=\"export-csv\""));

        String range = PageFixture.run(page, "GET", Map.of("from", "2024-05-02", "to", "2024-05-01"), true).body.toString();
        assertTrue(range.contains("data-field-error=\"to\">The end of the time range must be after its start."));
    }

    @Test
    void pagesOf100() throws Exception {
        List<FederationEvent> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(denied(i, "d" + i + ".example", 0));
        }
        f.events.insert(many);
        String first = PageFixture.run(page, "GET", Map.of(), true).body.toString();
        assertEquals(100, kinds(first).size());
        assertTrue(first.contains("Events 1 to 100 of 250"));
        assertTrue(first.contains("d249.example"), "newest first");
        assertTrue(first.contains("id=\"next\" href=\"events.jsp?start=100&amp;from="));
        assertFalse(first.contains("id=\"previous\""));
        String last = PageFixture.run(page, "GET", Map.of("start", "200"), true).body.toString();
        assertEquals(50, kinds(last).size());
        assertTrue(last.contains("Events 201 to 250 of 250"));
        assertTrue(last.contains("d0.example<"));
        assertTrue(last.contains("id=\"previous\" href=\"events.jsp?start=100&amp;"));
        assertFalse(last.contains("id=\"next\""));
        String beyond = PageFixture.run(page, "GET", Map.of("start", "9999"), true).body.toString();
        assertTrue(beyond.contains("Events 201 to 250 of 250"), "a start beyond the end shows the last page");
    }

    @Test
    void theCsvHasTheSameFiltersEscapesAndDefusesFormulas() throws Exception {
        store(new FederationEvent(T0, "node-1", EventKind.SETTINGS_CHANGED, null, "=HYPERLINK(\"http://evil\")",
                "+ a.example, \"quoted\"\nsecond line", "admin", 0),
            denied(1, "a.example", 3),
            denied(2, "b.example", 0));
        String csv = PageFixture.run(export, "GET", Map.of(), true).body.toString();
        String[] lines = csv.split("\r\n", -1);
        assertEquals(EventsExportServlet.HEADER, lines[0]);
        assertTrue(lines[1].contains(",STANZA_DENIED,b.example,Denied incoming message from b.example: default policy,,,0"), lines[1]);
        assertTrue(lines[2].endsWith(",,,3"), "the repeat count");
        assertTrue(csv.contains(",SETTINGS_CHANGED,,\"'=HYPERLINK(\"\"http://evil\"\")\","), "formula defused, then quoted: " + csv);
        assertTrue(csv.contains(",\"'+ a.example, \"\"quoted\"\"\nsecond line\",admin,0\r\n"), "quoted, defused, line break kept: " + csv);

        String filtered = PageFixture.run(export, "GET", Map.of("domain", "a.example"), true).body.toString();
        assertEquals(3, filtered.split("\r\n", -1).length, "header, one event, end");

        Map<String, String> bad = new HashMap<>(Map.of("from", "yesterday"));
        assertEquals(400, PageFixture.run(export, "GET", bad, true).error);
    }

    @Test
    void cellsAreEscaped() {
        assertEquals("", EventsExportServlet.cell(null));
        assertEquals("plain", EventsExportServlet.cell("plain"));
        assertEquals("'-1", EventsExportServlet.cell("-1"));
        assertEquals("'@SUM(A1)", EventsExportServlet.cell("@SUM(A1)"));
        assertEquals("'\tx", EventsExportServlet.cell("\tx"));
        assertEquals("\"a,b\"", EventsExportServlet.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", EventsExportServlet.cell("say \"hi\""));
    }

    @Test
    void thePageIsInTheSidebarAfterEmailAndMapped() throws Exception {
        String plugin = Files.readString(Path.of("plugin.xml"), StandardCharsets.UTF_8);
        assertTrue(plugin.indexOf("id=\"federation-events\"") > plugin.indexOf("id=\"federation-email\""));
        assertTrue(plugin.contains("url=\"events.jsp\""));
        String web = Files.readString(Path.of("web/WEB-INF/web.xml"), StandardCharsets.UTF_8);
        assertTrue(web.contains("<servlet-class>org.xmppfed.openfire.web.EventsServlet</servlet-class>"));
        assertTrue(web.contains("<url-pattern>/events.jsp</url-pattern>"));
        assertTrue(web.contains("<servlet-class>org.xmppfed.openfire.web.EventsExportServlet</servlet-class>"));
        assertTrue(web.contains("<url-pattern>/events-export.jsp</url-pattern>"));
    }
}
