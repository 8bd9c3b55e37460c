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

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The plugin inside a real Openfire federating with a real Prosody over TLS, both sides
 * authenticated by certificates from a throw-away CA (SASL EXTERNAL; Openfire's dialback is off,
 * Prosody requires valid certificates): traffic crosses, the policy still governs it, and the email
 * domain works because Openfire's certificate names it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsFederationIT {
    /** How long a stanza that should arrive may take (the first one sets up S2S with TLS and SASL). */
    private static final Duration ARRIVES = Duration.ofSeconds(25);

    private static FederationEnvironment env;
    private static XmppClient alice;
    private static XmppClient carol;

    @BeforeAll
    static void startTheWorld() throws Exception {
        if (!FederationEnvironment.available()) {
            return; // every scenario reports itself skipped
        }
        env = FederationEnvironment.start(true);
        alice = new XmppClient("alice", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
        carol = new XmppClient("carol", FederationEnvironment.REMOTE_A, FederationEnvironment.PROSODY_IP, FederationEnvironment.PASSWORD);
    }

    @AfterAll
    static void stopTheWorld() {
        for (XmppClient c : new XmppClient[] {alice, carol}) {
            if (c != null) {
                c.close();
            }
        }
        if (env != null) {
            env.close();
        }
    }

    @BeforeEach
    void forgetEarlierStanzas() {
        Assumptions.assumeTrue(env != null, FederationEnvironment.SKIP_MESSAGE);
        alice.clearReceived();
        carol.clearReceived();
    }

    private static String body() {
        return "tls-e2e-" + UUID.randomUUID();
    }

    private static boolean arrives(XmppClient from, XmppClient to) throws Exception {
        String body = from.send(to.jid, body());
        return to.awaitMessage(body, ARRIVES) != null;
    }

    // ----- what Openfire's Server Sessions pages and Prosody's log say about the connections

    /** One row of Openfire's server-session-details.jsp: one S2S connection. */
    record SessionRow(String direction, boolean encrypted, String authentication, String protocol, String cipher) {
    }

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);

    /** The incoming and outgoing connections that Openfire's session details page lists for {@code domain}. */
    private static List<SessionRow> sessions(String domain) {
        String page = env.admin.get("server-session-details.jsp?hostname=" + domain).body();
        List<SessionRow> rows = new ArrayList<>();
        int in = page.indexOf("Incoming Session Details");
        int out = page.indexOf("Outgoing Session Details");
        if (in >= 0) {
            rows.addAll(rows("incoming", page.substring(in, out > in ? out : page.length())));
        }
        if (out >= 0) {
            rows.addAll(rows("outgoing", page.substring(out)));
        }
        return rows;
    }

    private static List<SessionRow> rows(String direction, String section) {
        String table = section.substring(0, Math.max(section.indexOf("</table>"), 0));
        List<SessionRow> rows = new ArrayList<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) {
            String[] cells = m.group(1).split("<td");
            if (cells.length < 6) {
                continue; // the header row
            }
            rows.add(new SessionRow(direction, cells[1].contains("alt=\"An encrypted connection\""), text(cells[3]), text(cells[4]), text(cells[5])));
        }
        return rows;
    }

    private static String text(String cell) {
        return cell.replaceFirst("^[^>]*>", "").replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    }

    /** Every connection with {@code domain} is encrypted with TLS and authenticated with SASL EXTERNAL; some in, some out. */
    private static List<SessionRow> assertTlsAndSaslExternal(String domain) {
        List<SessionRow> rows = sessions(domain);
        assertTrue(rows.stream().anyMatch(r -> r.direction().equals("incoming")), "an incoming S2S connection from " + domain + ": " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.direction().equals("outgoing")), "an outgoing S2S connection to " + domain + ": " + rows);
        for (SessionRow r : rows) {
            assertTrue(r.encrypted(), "encrypted: " + r);
            assertEquals("SASL EXTERNAL", r.authentication(), "authenticated by certificate: " + r);
            assertTrue(r.protocol().matches("TLSv1\\.[23]"), "TLS 1.2 or 1.3: " + r);
            assertTrue(r.cipher().startsWith("TLS_"), "a TLS cipher suite: " + r);
        }
        return rows;
    }

    /** The lines of Prosody's log matching {@code regex}. */
    private static List<String> prosodyLog(String regex) {
        return Tools.lines(env.prosody.log, regex);
    }

    /** Waits (bounded) until Prosody's log has a line matching {@code regex}, and returns the first. */
    private static String awaitProsodyLog(String regex) {
        Await.require(Duration.ofSeconds(15), "Prosody to log /" + regex + "/", () -> !prosodyLog(regex).isEmpty());
        String line = prosodyLog(regex).get(0);
        System.err.println("Prosody: " + line);
        return line;
    }

    private static void switchEmail(boolean on) {
        AdminConsole.Page r = env.admin.post("plugins/federation/email.jsp", Map.of("action", "switch", "enabled", Boolean.toString(on)));
        assertEquals(302, r.status(), "switching email addresses " + (on ? "on" : "off"));
        if (on && !env.admin.get("plugins/federation/email.jsp").body()
                .contains("data-domain=\"" + FederationEnvironment.MAIL_DOMAIN + "\" data-status=\"SERVED\"")) {
            // the users' domain is served once the administrator approves it
            AdminConsole.Page approve = env.admin.post("plugins/federation/email.jsp",
                Map.of("action", "approve", "domain", FederationEnvironment.MAIL_DOMAIN));
            assertEquals(302, approve.status(), "approving the users' email domain: " + approve.body());
        }
    }

    private static boolean gatewayListsMailDomain() {
        return env.admin.get("server-properties.jsp?searchName=xmpp.gateway.domains").body().contains(FederationEnvironment.MAIL_DOMAIN);
    }

    // ----- scenarios

    @Test
    @Order(1)
    void openfireUsesTheCertificateFromTheTestCa() throws Exception {
        KeyStore ks = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(env.openfire.home.resolve("resources/security/keystore"))) {
            ks.load(in, TestCertificateAuthority.STORE_PASSWORD.toCharArray());
        }
        assertEquals(List.of(FederationEnvironment.OPENFIRE_KEY_ALIAS), Collections.list(ks.aliases()),
            "Openfire made no self-signed certificate of its own");
        X509Certificate cert = (X509Certificate) ks.getCertificate(FederationEnvironment.OPENFIRE_KEY_ALIAS);
        assertEquals(env.ca.certificate.getSubjectX500Principal(), cert.getIssuerX500Principal());
        List<String> dnsNames = new ArrayList<>();
        for (List<?> san : cert.getSubjectAlternativeNames()) {
            if (Integer.valueOf(2).equals(san.get(0))) {
                dnsNames.add((String) san.get(1));
            }
        }
        assertTrue(dnsNames.containsAll(List.of(OpenfireServer.DOMAIN, FederationEnvironment.MAIL_DOMAIN)), dnsNames.toString());
        assertTrue(prosodyLog("Forbidding insecure connection").isEmpty(), "no certificate rejected yet");
    }

    @Test
    @Order(2)
    void withPolicyAllowMessagesCrossBothWaysOverTlsAuthenticatedByCertificate() throws Exception {
        env.policy(true, "ALLOW", "");
        assertTrue(arrives(alice, carol), "message out, alice → carol");
        assertTrue(arrives(carol, alice), "message in, carol → alice");
        // Openfire's own view: every connection with a.remote.lan is TLS and SASL EXTERNAL, none dialback
        List<SessionRow> rows = assertTlsAndSaslExternal(FederationEnvironment.REMOTE_A);
        System.err.println("Openfire's server-session-details.jsp for a.remote.lan: " + rows);
        // Prosody's view of both directions: Openfire authenticated with its certificate
        awaitProsodyLog("Accepting SASL EXTERNAL identity from " + Pattern.quote(OpenfireServer.DOMAIN) + "$");
        awaitProsodyLog("SASL EXTERNAL with " + Pattern.quote(OpenfireServer.DOMAIN) + " succeeded");
        assertEquals(List.of(), prosodyLog("Forbidding insecure connection|certificate chain validation result: invalid"),
            "every certificate Prosody saw was valid");
    }

    @Test
    @Order(3)
    void thePolicyStillDeniesOverTls() throws Exception {
        env.policy(true, "DENY", "");
        String id = alice.sendWithId(carol.jid, body());
        StanzaError error = alice.awaitMessageError(id, ARRIVES);
        assertNotNull(error, "the local sender gets an error for a denied message");
        assertEquals(StanzaError.Condition.not_allowed, error.getCondition());
        assertEquals("Federation policy does not allow sending to a.remote.lan (default policy DENY).", error.getDescriptiveText("en"));
        String in = carol.send(alice.jid, body());
        assertTrue(alice.awaitMessage(in, ARRIVES) == null, "incoming denied (watched as long as a delivery may take)");
        env.awaitNoServerSession(FederationEnvironment.REMOTE_A);
    }

    @Test
    @Order(4)
    void aProsodyUserReachesAliceAtHerEmailAddressOverTlsWithSaslExternal() throws Exception {
        env.policy(true, "ALLOW", "");
        switchEmail(true);
        Await.require(Duration.ofSeconds(15), "Openfire to accept streams for the email domain (xmpp.gateway.domains)",
            TlsFederationIT::gatewayListsMailDomain);
        String aliceEmail = FederationEnvironment.ALICE_EMAIL.toLowerCase(Locale.ROOT);

        String in = carol.send(JidCreate.from(aliceEmail), body());
        assertNotNull(alice.awaitMessage(in, ARRIVES), "a message to " + aliceEmail + " reaches alice");
        String out = alice.send(carol.jid, body());
        Message m = carol.awaitMessage(out, ARRIVES);
        assertNotNull(m, "Carol receives alice's reply");
        assertEquals(aliceEmail, m.getFrom().asBareJid().toString());

        // Prosody opened a stream to mail.lan, checked Openfire's certificate for that name (s2s_secure_auth) and
        // authenticated with SASL EXTERNAL; Openfire's reply came on its own stream from mail.lan, which Prosody
        // accepted by certificate too.
        awaitProsodyLog("SASL EXTERNAL with " + Pattern.quote(FederationEnvironment.MAIL_DOMAIN) + " succeeded");
        awaitProsodyLog("Accepting SASL EXTERNAL identity from " + Pattern.quote(FederationEnvironment.MAIL_DOMAIN) + "$");
        assertEquals(List.of(), prosodyLog("Forbidding insecure connection|certificate chain validation result: invalid"),
            "every certificate Prosody saw was valid, also for mail.lan");
        List<SessionRow> rows = assertTlsAndSaslExternal(FederationEnvironment.REMOTE_A);
        System.err.println("Openfire's server-session-details.jsp for a.remote.lan (email): " + rows);
        assertFalse(rows.isEmpty());
    }

    @Test
    @Order(5)
    void aProsodyUserReachesTheGroupChatServiceUnderItsAliasOverTlsWithSaslExternal() throws Exception {
        AdminConsole.Page added = env.admin.post("plugins/federation/aliases.jsp",
            Map.of("action", "add", "alias", FederationEnvironment.CHAT_ALIAS, "service", "conference." + OpenfireServer.DOMAIN));
        assertEquals(302, added.status(), "adding the chat node alias: " + added.body());
        Await.require(Duration.ofSeconds(15), "Openfire to accept streams for the alias (xmpp.gateway.domains)",
            () -> env.admin.get("server-properties.jsp?searchName=xmpp.gateway.domains").body().contains(FederationEnvironment.CHAT_ALIAS));
        org.jivesoftware.smackx.disco.packet.DiscoverInfo info = org.jivesoftware.smackx.disco.ServiceDiscoveryManager
            .getInstanceFor(carol.connection()).discoverInfo(JidCreate.from(FederationEnvironment.CHAT_ALIAS));
        assertEquals(FederationEnvironment.CHAT_ALIAS, info.getFrom().toString(), "the answer comes from the alias");
        assertTrue(info.containsFeature("http://jabber.org/protocol/muc"), "the alias answers as the group chat service");
        // Prosody's stream to the alias and Openfire's stream from the alias: both authenticated by certificate.
        awaitProsodyLog("SASL EXTERNAL with " + Pattern.quote(FederationEnvironment.CHAT_ALIAS) + " succeeded");
        awaitProsodyLog("Accepting SASL EXTERNAL identity from " + Pattern.quote(FederationEnvironment.CHAT_ALIAS) + "$");
        assertEquals(List.of(), prosodyLog("Forbidding insecure connection|certificate chain validation result: invalid"),
            "every certificate Prosody saw was valid, also for the alias");
    }

    @Test
    @Order(6)
    void openfireLoggedNoCertificateTlsOrSaslProblem() {
        assertEquals(List.of(), Tools.lines(env.openfire.log(), "(ERROR|WARN).*(?i:cert|tls|ssl|sasl|trust|dialback)"),
            "Openfire's log has no warning or error about certificates, TLS or authentication");
    }

    @Test
    @Order(6)
    void theProbeFindsProsodysTlsRequiredAndItsCertificateFromTheTestCaValid() {
        env.policy(true, "ALLOW", "");
        java.util.Map<String, String> s = ProbePage.probe(env.admin, FederationEnvironment.REMOTE_A);
        String a = FederationEnvironment.REMOTE_A;
        assertTrue(s.get(a + " resolve").startsWith("PASS") && s.get(a + " resolve").contains("static route"), s.toString());
        assertTrue(s.get(a + " connect").startsWith("PASS"), s.toString());
        assertTrue(s.get(a + " stream").startsWith("PASS"), s.toString());
        assertTrue(s.get(a + " starttls").startsWith("PASS offered and required"), s.toString());
        assertTrue(s.get(a + " tls").startsWith("PASS TLSv1.3"), s.toString());
        assertTrue(s.get(a + " certificate").startsWith("PASS valid and trusted"), s.toString());
        assertTrue(s.get(a + " certificate-name").startsWith("PASS"), s.toString());
        assertTrue(s.containsKey(a + " authentication") && !s.get(a + " authentication").startsWith("FAIL"), s.toString());
        // and the ping through Openfire's own TLS session, authenticated with certificates (SASL EXTERNAL)
        assertTrue(s.get(a + " ping").startsWith("PASS answered in"), s.toString());
    }
}
