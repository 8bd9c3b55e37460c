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
package org.xmppfed.openfire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Status, connections, events and metrics against real peers: the connections page lists the real
 * Prosody and ejabberd sessions (direction, address, authentication, growing counters), closing
 * one from the page closes it on the wire (Prosody's log shows the stream end), the event log
 * shows sessions opened and closed, a route failure, a denial and a settings change, and the
 * metrics endpoint answers a scraper with the bearer token only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionsIT {
    private static final Duration ARRIVES = Duration.ofSeconds(20);
    /** The session watch looks every 5 s and events are written every 2 s. */
    private static final Duration EVENT = Duration.ofSeconds(30);
    private static final Pattern ROW = Pattern.compile("<tr class=\"jive-(?:even|odd)\" data-domain=\"([^\"]*)\" data-direction=\"([A-Z]+)\""
        + " data-node=\"([^\"]*)\" data-stream=\"([^\"]*)\">(.*?)</tr>", Pattern.DOTALL);

    private static FederationEnvironment env;
    private static XmppClient alice;
    private static XmppClient carolA;
    private static XmppClient daveB;
    private static XmppClient erin;

    /** One row of the connections page. */
    record Row(String domain, String direction, String node, String stream, String address, String auth, long in, long out) {
    }

    @BeforeAll
    static void startTheWorld() throws Exception {
        if (!FederationEnvironment.available()) {
            return;
        }
        env = FederationEnvironment.start();
        alice = new XmppClient("alice", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
        carolA = new XmppClient("carol", FederationEnvironment.REMOTE_A, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
        daveB = new XmppClient("dave", FederationEnvironment.REMOTE_B, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
        erin = new XmppClient("erin", FederationEnvironment.EJABBERD_DOMAIN, FederationEnvironment.EJABBERD_IP, FederationEnvironment.PASSWORD);
    }

    @AfterAll
    static void stopTheWorld() {
        for (XmppClient c : new XmppClient[] {alice, carolA, daveB, erin}) {
            if (c != null) {
                c.close();
            }
        }
        if (env != null) {
            env.close();
        }
    }

    @BeforeEach
    void skipWithoutOpenfire() {
        Assumptions.assumeTrue(env != null, FederationEnvironment.SKIP_MESSAGE);
    }

    private static boolean arrives(XmppClient from, XmppClient to) throws Exception {
        String body = from.send(to.jid, "e2e-" + UUID.randomUUID());
        return to.awaitMessage(body, ARRIVES) != null;
    }

    private static List<Row> rows() {
        String html = env.admin.get("plugins/federation/connections.jsp").body();
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            String cells = m.group(5);
            rows.add(new Row(m.group(1), m.group(2), m.group(3), m.group(4), cell(cells, "<td class=\"address\">([^<]*)</td>"),
                cell(cells, "data-auth=\"([A-Z_]+)\""), Long.parseLong(cell(cells, "<td class=\"in\" align=\"right\">(\\d+)</td>")),
                Long.parseLong(cell(cells, "<td class=\"out\" align=\"right\">(\\d+)</td>"))));
        }
        return rows;
    }

    private static String cell(String cells, String regex) {
        Matcher m = Pattern.compile(regex).matcher(cells);
        return m.find() ? m.group(1) : "";
    }

    private static Row row(String domain, String direction) {
        return rows().stream().filter(r -> r.domain().equals(domain) && r.direction().equals(direction)).findFirst().orElse(null);
    }

    private static boolean eventShown(String kind, String text) {
        String html = env.admin.get("plugins/federation/events.jsp?kind=" + kind).body();
        return html.contains(text);
    }

    @Test
    @Order(1)
    void theConnectionsPageListsTheRealSessionsWithGrowingCounters() throws Exception {
        env.policy(true, "ALLOW", "");
        assertTrue(arrives(alice, carolA), "message out to Prosody");
        assertTrue(arrives(carolA, alice), "message in from Prosody");
        assertTrue(arrives(alice, erin), "message out to ejabberd");
        assertTrue(arrives(erin, alice), "message in from ejabberd");
        Await.require(Duration.ofSeconds(20), "all four sessions on the page", () -> row(FederationEnvironment.REMOTE_A, "INCOMING") != null
            && row(FederationEnvironment.REMOTE_A, "OUTGOING") != null && row(FederationEnvironment.EJABBERD_DOMAIN, "INCOMING") != null
            && row(FederationEnvironment.EJABBERD_DOMAIN, "OUTGOING") != null);
        Row in = row(FederationEnvironment.REMOTE_A, "INCOMING");
        // Prosody listens on its own address but connects out from the host's default source address, on a port of its own.
        assertTrue(in.address().matches("127\\.0\\.0\\.\\d+:\\d+") && !in.address().endsWith(":5269"), "Prosody's address and port: " + in);
        assertEquals("DIALBACK", in.auth(), "the suite federates over dialback");
        assertTrue(in.in() >= 1, "Carol's message came in on it: " + in);
        Row out = row(FederationEnvironment.REMOTE_A, "OUTGOING");
        assertEquals(FederationEnvironment.PROSODY_IP + ":5269", out.address(), "Openfire connected to Prosody's S2S port: " + out);
        assertTrue(out.out() >= 1, "Alice's message went out on it: " + out);
        assertTrue(env.admin.get("plugins/federation/connections.jsp").body().contains("0 encrypted"), "dialback without TLS: none encrypted");
        Row ejabberdIn = row(FederationEnvironment.EJABBERD_DOMAIN, "INCOMING");
        assertTrue(ejabberdIn.address().matches("127\\.0\\.0\\.\\d+:\\d+"), ejabberdIn.toString());
        assertEquals(FederationEnvironment.EJABBERD_IP + ":5269", row(FederationEnvironment.EJABBERD_DOMAIN, "OUTGOING").address());
        for (int i = 0; i < 3; i++) {
            assertTrue(arrives(carolA, alice));
            assertTrue(arrives(alice, carolA));
        }
        Row inLater = row(FederationEnvironment.REMOTE_A, "INCOMING");
        Row outLater = row(FederationEnvironment.REMOTE_A, "OUTGOING");
        assertEquals(in.stream(), inLater.stream(), "the same session");
        assertTrue(inLater.in() >= in.in() + 3, "incoming counter grows: " + in.in() + " -> " + inLater.in());
        assertTrue(outLater.out() >= out.out() + 3, "outgoing counter grows: " + out.out() + " -> " + outLater.out());
        String html = env.admin.get("plugins/federation/connections.jsp?filter=ejabberd").body();
        assertTrue(html.contains("2 sessions (1 incoming, 1 outgoing) with 1 remote domains"), "filtered totals");
        Await.require(EVENT, "the sessions' opening in the event log",
            () -> eventShown("CONNECTION_OPENED", "Incoming S2S session " + OpenfireServer.DOMAIN + " &lt;- " + FederationEnvironment.REMOTE_A));
    }

    @Test
    @Order(2)
    void closingASessionFromThePageClosesItOnTheWire() throws Exception {
        Row in = row(FederationEnvironment.REMOTE_A, "INCOMING");
        assertNotNull(in);
        int endsBefore = Tools.count(env.prosody.log, "</stream:stream>");
        String confirm = env.admin.get("plugins/federation/connections.jsp?close="
            + java.net.URLEncoder.encode(in.node() + " " + in.stream(), StandardCharsets.UTF_8)).body();
        assertTrue(confirm.contains("Close session " + in.stream()), "asked first");
        AdminConsole.Page done = env.admin.post("plugins/federation/connections.jsp",
            Map.of("action", "close", "session", in.node() + " " + in.stream()));
        assertEquals(302, done.status(), done.body());
        assertTrue(done.location().contains("result=closed&count=1"), done.location());
        Await.require(Duration.ofSeconds(20), "the session gone from the page",
            () -> rows().stream().noneMatch(r -> r.stream().equals(in.stream())));
        Await.require(Duration.ofSeconds(20), "Prosody to see the stream end",
            () -> Tools.count(env.prosody.log, "</stream:stream>") > endsBefore);
        Await.require(EVENT, "the administrator's close in the event log",
            () -> eventShown("CONNECTION_CLOSED", "Administrator closed S2S session " + in.stream()));
        assertTrue(env.admin.get("plugins/federation/events.jsp?kind=CONNECTION_CLOSED").body().contains("<td>admin</td>"),
            "with the administrator's name");
        assertTrue(arrives(carolA, alice), "Prosody connects again when it has something to send");
    }

    @Test
    @Order(3)
    void refusedDeniedAndChangedAreEvents() throws Exception {
        env.policy(true, "ALLOW", FederationEnvironment.REMOTE_B + ",BOTH\n");
        daveB.send(alice.jid, "e2e-" + UUID.randomUUID());
        alice.send(org.jxmpp.jid.impl.JidCreate.from("nobody@nowhere.lan"), "e2e-" + UUID.randomUUID());
        Await.require(EVENT, "the denial", () -> eventShown("STANZA_DENIED", FederationEnvironment.REMOTE_B));
        Await.require(EVENT, "the settings change", () -> eventShown("SETTINGS_CHANGED", "admin"));
        Await.require(Duration.ofSeconds(60), "the failed connection to a domain nobody serves",
            () -> env.admin.get("plugins/federation/events.jsp?domain=nowhere.lan").body().contains("nowhere.lan</td>"));
        String failure = env.admin.get("plugins/federation/events.jsp?domain=nowhere.lan").body();
        assertTrue(failure.contains("data-kind=\"ROUTE_FAILURE\"") || failure.contains("data-kind=\"CONNECTION_REFUSED\""), failure);
        assertTrue(failure.contains("Openfire: "), "with Openfire's reason");
        env.policy(true, "ALLOW", "");
    }

    @Test
    @Order(4)
    void theStatusPageSaysActiveAndTheMetricsAnswerOnlyWithTheToken() throws Exception {
        String status = env.admin.get("plugins/federation/status.jsp").body();
        assertTrue(status.contains("id=\"state\" data-state=\"ACTIVE\""), status);
        assertTrue(status.contains("5.1.1"), "Openfire's version");
        assertTrue(status.contains("1.3.0"), "the plugin's version");
        String made = env.admin.post("plugins/federation/status.jsp", Map.of("action", "new-token")).body();
        Matcher m = Pattern.compile("id=\"metrics-token\">([^<]+)<").matcher(made);
        assertTrue(m.find(), made);
        String token = m.group(1);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(env.openfire.adminUrl() + "/plugins/federation/metrics");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), "no token, no metrics (and no login page either)");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer x" + token)
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        // Openfire's plugin servlet opens an HTTP session per request; a scrape must not leave it behind. Sent back,
        // the first scrape's session cookie names no session any more, so the server has to open a new one.
        String cookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
            .map(c -> c.split(";", 2)[0]).orElseThrow(() -> new AssertionError("a scrape opens a session: " + ok.headers()));
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
            .header("Cookie", cookie).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode());
        assertTrue(again.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
            "the first scrape's session was dropped: " + again.headers());
        String text = ok.body();
        assertTrue(text.contains("xmppfed_stanzas_allowed_total{domain=\"" + FederationEnvironment.REMOTE_A + "\",direction=\"incoming\"}"), text);
        assertTrue(text.contains("xmppfed_stanzas_denied_total{domain=\"" + FederationEnvironment.REMOTE_B + "\",direction=\"incoming\"}"), text);
        assertTrue(text.contains("xmppfed_sessions_open{domain=\"" + FederationEnvironment.EJABBERD_DOMAIN + "\""), text);
        assertTrue(text.contains("xmppfed_session_opens_total{domain=\"" + FederationEnvironment.REMOTE_A + "\",direction=\"incoming\"}"), text);
        Path promtool = Path.of("/usr/bin/promtool");
        if (Files.isExecutable(promtool)) {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
            .header("Accept", "application/openmetrics-text; version=1.0.0").timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(open.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        assertTrue(open.body().endsWith("# EOF\n"));
    }

    @Test
    @Order(5)
    void statusAndConnectionsInARealBrowser() throws Exception {
        Path shots = Path.of("target/e2e-screenshots");
        assertTrue(arrives(alice, carolA));
        try (Browser browser = new Browser(env.work.resolve("chromium-profile-connections"))) {
            String base = env.openfire.adminUrl();
            browser.open(base + "/login.jsp");
            browser.navigateBy("document.querySelector('input[name=username]').value='admin';"
                + "document.querySelector('input[name=password]').value=" + Browser.quote(OpenfireServer.ADMIN_PASSWORD) + ";"
                + "document.querySelector('input[type=submit], button[type=submit]').click();");
            browser.open(base + "/plugins/federation/status.jsp");
            assertEquals("Openfire Admin Console: Federation Status", browser.eval("document.title"));
            assertEquals("Status", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertEquals("ACTIVE", browser.eval("document.getElementById('state').dataset.state"));
            browser.screenshot(shots.resolve("status.png"));
            browser.open(base + "/plugins/federation/connections.jsp");
            assertEquals("Connections", browser.eval("document.querySelector('#jive-sidebar .currentlink a').textContent.trim()"));
            assertTrue(Integer.parseInt(browser.eval("document.querySelectorAll('#connections tr[data-stream]').length")) >= 2);
            browser.screenshot(shots.resolve("connections.png"));
            browser.navigateBy("document.querySelector('#connections a.close-session').click();");
            assertTrue(browser.eval("document.body.innerText").contains("Close session"), "the confirmation");
            browser.screenshot(shots.resolve("connections-close-confirm.png"));
            browser.navigateBy("document.querySelector('input[name=confirm]').click();");
            assertTrue(browser.eval("document.body.innerText").contains("1 session(s) closed."), browser.eval("document.body.innerText"));
            browser.open(base + "/plugins/federation/events.jsp?kind=CONNECTION_OPENED");
            browser.screenshot(shots.resolve("events-connections.png"));
            assertTrue(browser.pageErrors.isEmpty(), "no script errors: " + browser.pageErrors);
        }
        assertFalse(env.admin.get("plugins/federation/settings.jsp").body().isEmpty());
    }
}
