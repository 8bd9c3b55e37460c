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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.xmppfed.openfire.peer.RequestSignature;
import org.xmppfed.openfire.troubleshoot.NodeStatus;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotJson;

/**
 * A real two-node Openfire cluster ({@link OpenfireCluster}: Hazelcast, one PostgreSQL database) with
 * the plugin on both nodes, a real Prosody serving two remote domains and the suite's BIND, whose
 * records send Prosody's connections for openfire.lan and for the chat node alias to node 2:
 * a session that ends on node 2 is listed and closed from node 1's pages (seen on the wire), the
 * event log of either node shows what both wrote, the status page of either node lists both nodes;
 * a static route and a chat node alias added on node 1's pages work on node 2 without a restart;
 * the troubleshooter compares the nodes of this cluster (gathered over the cluster), and a signed
 * snapshot request accepted by node 1 is refused when it is replayed to node 2.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    /** The Hazelcast clustering plugin's jar (built from igniterealtime/openfire-hazelcast-plugin for the Openfire tested). */
    static final String HAZELCAST_VARIABLE = "OPENFIRE_HAZELCAST_PLUGIN";
    static final String SKIP_MESSAGE = "ClusterIT skipped: " + HAZELCAST_VARIABLE
        + " is not set (point it at the Hazelcast clustering plugin's jar built for the Openfire in OPENFIRE_HOME)";
    private static final String PROSODY_IP = "127.0.2.3";
    private static final String REMOTE_A = FederationEnvironment.REMOTE_A;
    /** Known to no DNS server: node 2 reaches it by the static route only. */
    private static final String REMOTE_B = FederationEnvironment.REMOTE_B;
    private static final String ALIAS = FederationEnvironment.CHAT_ALIAS;
    private static final String SERVICE = "conference." + OpenfireServer.DOMAIN;
    private static final String PASSWORD = FederationEnvironment.PASSWORD;
    private static final String SECRET = "cluster-peer-secret-0123456789";
    private static final String SNAPSHOT_PATH = "/plugins/federation/peer-api/snapshot";
    private static final Duration ARRIVES = Duration.ofSeconds(30);
    /** The session watch looks every 5 s and events are written every 2 s. */
    private static final Duration EVENT = Duration.ofSeconds(30);
    private static final Pattern CONNECTION = Pattern.compile("<tr class=\"jive-(?:even|odd)\" data-domain=\"([^\"]*)\" data-direction=\"([A-Z]+)\""
        + " data-node=\"([^\"]*)\" data-stream=\"([^\"]*)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NODE = Pattern.compile("<tr class=\"jive-(?:even|odd)\" data-node=\"([^\"]*)\" data-state=\"([A-Z]+)\">(.*?)</tr>",
        Pattern.DOTALL);
    private static final Pattern CHECK = Pattern.compile(
        "<tr data-check=\"([^\"]*)\" data-verdict=\"([A-Z]+)\">(.*?)</tr>\\s*(?=<tr data-check|</tbody>)", Pattern.DOTALL);
    private static final List<String> NODE_ROWS = List.of("node.plugin-version", "node.openfire-version", "node.s2s-port", "node.certificates");

    private static Path work;
    private static DnsServer dns;
    private static ProsodyServer prosody;
    private static OpenfireCluster cluster;
    private static XmppClient alice;
    private static XmppClient bob;
    private static XmppClient carol;
    private static XmppClient dave;
    private static String closedStream;
    private static long started;

    /** One row of a connections page. */
    record Connection(String domain, String direction, String node, String stream, String address) {
    }

    /** One row of a troubleshooter report: verdict and its HTML (evidence, action). */
    record Row(String verdict, String html) {
    }

    @BeforeAll
    static void startTheCluster() throws Exception {
        if (!FederationEnvironment.available()) {
            return;
        }
        String hazelcast = System.getenv(HAZELCAST_VARIABLE);
        if (hazelcast == null || hazelcast.isBlank()) {
            System.err.println("*** " + SKIP_MESSAGE + " ***");
            return;
        }
        Path hazelcastJar = Path.of(hazelcast);
        if (!Files.isRegularFile(hazelcastJar)) {
            throw new IllegalStateException(HAZELCAST_VARIABLE + "=" + hazelcast + " is not a file");
        }
        Path pluginJar = Path.of("target/federation.jar").toAbsolutePath();
        if (!Files.exists(pluginJar)) {
            throw new IllegalStateException(pluginJar + " is missing: run the suite with mvn verify, which builds it first");
        }
        started = System.nanoTime();
        work = Files.createTempDirectory("federation-cluster-e2e-");
        // PostgreSQL runs as its own user and must reach its directory inside this one
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Map<String, String> hosts = new LinkedHashMap<>();
            // Prosody's connections to the cluster's domain and to the alias end on node 2.
            hosts.put(OpenfireServer.DOMAIN, OpenfireCluster.NODE2_IP);
            hosts.put(ALIAS, OpenfireCluster.NODE2_IP);
            hosts.put(REMOTE_A, PROSODY_IP);
            dns = DnsServer.start(work.resolve("dns"), hosts);
            prosody = ProsodyServer.start(work.resolve("prosody"), PROSODY_IP, List.of(REMOTE_A, REMOTE_B),
                Map.of("carol", PASSWORD, "dave", PASSWORD), dns.resolvConf());
            Map<String, String> users = new LinkedHashMap<>();
            users.put("alice", PASSWORD);
            users.put("bob", PASSWORD);
            cluster = OpenfireCluster.start(work, FederationEnvironment.openfireHome(), hazelcastJar, pluginJar, users, Map.of(), dns.resolvConf());
            System.err.println("Two-node cluster with the plugin up in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
            // Settings are shared: made on node 1, in force on both. Dialback without TLS (as Prosody here).
            cluster.admin1.setSystemProperty("xmpp.server.tls.policy", "disabled");
            cluster.admin1.setSystemProperty("plugin.federation.dns.server", DnsServer.ADDRESS + ":53");
            cluster.admin1.setSystemProperty("plugin.federation.public-addresses", OpenfireCluster.NODE1_IP + "," + OpenfireCluster.NODE2_IP);
            assertEquals(302, cluster.admin1.post("plugins/federation/settings.jsp", Map.of("enabled", "true", "defaultPolicy", "ALLOW")).status());
            alice = new XmppClient("alice", OpenfireServer.DOMAIN, OpenfireCluster.NODE1_IP, PASSWORD);
            bob = new XmppClient("bob", OpenfireServer.DOMAIN, OpenfireCluster.NODE2_IP, PASSWORD);
            carol = new XmppClient("carol", REMOTE_A, PROSODY_IP, PASSWORD);
            dave = new XmppClient("dave", REMOTE_B, PROSODY_IP, PASSWORD);
        } catch (Exception | Error e) {
            stopTheCluster();
            throw e;
        }
    }

    @AfterAll
    static void stopTheCluster() {
        for (XmppClient c : new XmppClient[] {alice, bob, carol, dave}) {
            if (c != null) {
                c.close();
            }
        }
        alice = bob = carol = dave = null;
        for (AutoCloseable c : new AutoCloseable[] {cluster, prosody, dns}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the others are closed anyway
                }
            }
        }
        cluster = null;
        prosody = null;
        dns = null;
        if (work != null) {
            if (System.getenv("FEDERATION_E2E_KEEP") == null) {
                Tools.deleteTree(work);
            } else {
                System.err.println("End-to-end files kept in " + work);
            }
            System.err.println("ClusterIT ran " + (System.nanoTime() - started) / 1_000_000_000 + " s in all");
            work = null;
        }
    }

    @BeforeEach
    void needsTheCluster() {
        Assumptions.assumeTrue(System.getenv("OPENFIRE_HOME") != null && !System.getenv("OPENFIRE_HOME").isBlank(),
            FederationEnvironment.SKIP_MESSAGE);
        Assumptions.assumeTrue(cluster != null, SKIP_MESSAGE);
    }

    // ----- the pages, read as an administrator reads them

    private static List<Connection> connections(AdminConsole admin) {
        List<Connection> rows = new ArrayList<>();
        Matcher m = CONNECTION.matcher(admin.get("plugins/federation/connections.jsp").body());
        while (m.find()) {
            Matcher address = Pattern.compile("<td class=\"address\">([^<]*)</td>").matcher(m.group(5));
            rows.add(new Connection(m.group(1), m.group(2), m.group(3), m.group(4), address.find() ? address.group(1) : ""));
        }
        return rows;
    }

    private static Connection connection(AdminConsole admin, String domain, String direction) {
        return connections(admin).stream().filter(c -> c.domain().equals(domain) && c.direction().equals(direction)).findFirst().orElse(null);
    }

    private static boolean eventShown(AdminConsole admin, String query, String text) {
        return admin.get("plugins/federation/events.jsp?" + query).body().contains(text);
    }

    private static boolean arrives(XmppClient from, XmppClient to) throws Exception {
        String body = from.send(to.jid, "cluster-e2e-" + UUID.randomUUID());
        return to.awaitMessage(body, ARRIVES) != null;
    }

    /** Runs the troubleshooter through {@code admin}'s page; rows by check id (the last one wins for repeated ids). */
    private static Map<String, Row> troubleshoot(AdminConsole admin) {
        AdminConsole.Page page = admin.post("plugins/federation/troubleshooter.jsp", Map.of("action", "run"));
        assertEquals(200, page.status());
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher m = CHECK.matcher(page.body());
        while (m.find()) {
            rows.put(m.group(1), new Row(m.group(2), m.group(3)));
        }
        assertFalse(rows.isEmpty(), page.body());
        return rows;
    }

    private static HttpResponse<String> snapshotRequest(String address, long time, String nonce) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + ":9090" + SNAPSHOT_PATH)).timeout(Duration.ofSeconds(20))
            .header(RequestSignature.TIMESTAMP, Long.toString(time)).header(RequestSignature.NONCE, nonce)
            .header(RequestSignature.SIGNATURE, RequestSignature.sign(SECRET, "GET", SNAPSHOT_PATH, time, nonce, new byte[0])).GET().build();
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ----- the scenarios

    @Test
    @Order(1)
    void eitherNodesStatusPageListsBothNodesWithPluginAndOpenfireVersion() {
        for (AdminConsole admin : List.of(cluster.admin1, cluster.admin2)) {
            Map<String, String> nodes = new LinkedHashMap<>();
            Await.require(Duration.ofSeconds(30), "both nodes active on " + admin.base(), () -> {
                nodes.clear();
                Matcher m = NODE.matcher(admin.get("plugins/federation/status.jsp").body());
                while (m.find()) {
                    nodes.put(m.group(1), m.group(2) + " " + m.group(3));
                }
                return nodes.size() == 2 && nodes.values().stream().allMatch(v -> v.startsWith("ACTIVE "));
            });
            for (String node : List.of(OpenfireCluster.NODE1, OpenfireCluster.NODE2)) {
                String row = nodes.get(node);
                assertNotNull(row, node + " on " + admin.base() + ": " + nodes);
                assertTrue(row.contains("<td>1.3.0</td>"), "plugin version of " + node + ": " + row);
                assertTrue(row.contains("<td>5.1.1</td>"), "Openfire version of " + node + ": " + row);
            }
        }
    }

    @Test
    @Order(2)
    void aSessionEndingOnNode2IsListedAndClosedFromNode1sPage() throws Exception {
        assertTrue(arrives(carol, alice), "carol's message reaches alice (on node 1) through node 2");
        Await.require(Duration.ofSeconds(20), "Prosody's incoming session on node 1's connections page",
            () -> connection(cluster.admin1, REMOTE_A, "INCOMING") != null);
        Connection in = connection(cluster.admin1, REMOTE_A, "INCOMING");
        assertEquals(OpenfireCluster.NODE2, in.node(), "the session lives on node 2, where DNS sends Prosody: " + in);
        assertTrue(in.address().startsWith("127."), in.toString());
        assertEquals(in, connection(cluster.admin2, REMOTE_A, "INCOMING"), "node 2's page lists the same session");

        int endsBefore = Tools.count(prosody.log, "</stream:stream>");
        String session = in.node() + " " + in.stream();
        assertTrue(cluster.admin1.get("plugins/federation/connections.jsp?close=" + URLEncoder.encode(session, StandardCharsets.UTF_8)).body()
            .contains("Close session " + in.stream()), "asked first");
        AdminConsole.Page done = cluster.admin1.post("plugins/federation/connections.jsp", Map.of("action", "close", "session", session));
        assertEquals(302, done.status(), done.body());
        assertTrue(done.location().contains("result=closed&count=1"), "closed on node 2 from node 1: " + done.location());
        closedStream = in.stream();
        Await.require(Duration.ofSeconds(20), "Prosody to see the stream end", () -> Tools.count(prosody.log, "</stream:stream>") > endsBefore);
        Await.require(Duration.ofSeconds(20), "the session gone from both pages", () -> connections(cluster.admin1).stream()
            .noneMatch(c -> c.stream().equals(in.stream())) && connections(cluster.admin2).stream().noneMatch(c -> c.stream().equals(in.stream())));
        assertTrue(arrives(carol, alice), "Prosody connects again when it has something to send");
        Await.require(Duration.ofSeconds(20), "the new session on node 2", () -> {
            Connection again = connection(cluster.admin1, REMOTE_A, "INCOMING");
            return again != null && !again.stream().equals(in.stream()) && again.node().equals(OpenfireCluster.NODE2);
        });
    }

    @Test
    @Order(3)
    void eitherNodesEventLogShowsWhatBothNodesWrote() {
        for (AdminConsole admin : List.of(cluster.admin1, cluster.admin2)) {
            Await.require(EVENT, "both nodes' start in the event log of " + admin.base(), () -> {
                String started = admin.get("plugins/federation/events.jsp?kind=PLUGIN_STARTED").body();
                return started.contains("<td>" + OpenfireCluster.NODE1 + "</td>") && started.contains("<td>" + OpenfireCluster.NODE2 + "</td>");
            });
        }
        // written by node 2 (which saw the session open and end), shown by node 1; written by node 1 (the administrator's close), shown by node 2
        Await.require(EVENT, "node 2's connection events on node 1's page", () -> eventShown(cluster.admin1,
            "kind=CONNECTION_OPENED&node=" + OpenfireCluster.NODE2, "Incoming S2S session " + OpenfireServer.DOMAIN + " &lt;- " + REMOTE_A));
        Await.require(EVENT, "node 1's record of the administrator's close on node 2's page", () -> eventShown(cluster.admin2,
            "kind=CONNECTION_CLOSED&node=" + OpenfireCluster.NODE1, "Administrator closed S2S session " + closedStream));
    }

    @Test
    @Order(4)
    void aStaticRouteAddedOnNode1IsFollowedByNode2WithoutARestart() throws Exception {
        String id = bob.sendWithId(dave.jid, "cluster-e2e-" + UUID.randomUUID());
        StanzaError error = bob.awaitMessageError(id, Duration.ofSeconds(60));
        assertNotNull(error, "without a route node 2 cannot find " + REMOTE_B + " (no DNS record)");

        AdminConsole.Page added = cluster.admin1.post("plugins/federation/routes.jsp",
            Map.of("action", "add", "domain", REMOTE_B, "address", PROSODY_IP + ":5269"));
        assertEquals(302, added.status(), added.body());
        Await.require(Duration.ofSeconds(20), "node 2 to have the route (its routes page shows what it uses)", () -> cluster.admin2
            .get("plugins/federation/routes.jsp").body().contains("data-domain=\"" + REMOTE_B + "\" data-address=\"" + PROSODY_IP + ":5269\""));
        assertTrue(arrives(bob, dave), "bob's message (node 2) reaches dave by the route");
        Connection out = connection(cluster.admin1, REMOTE_B, "OUTGOING");
        assertNotNull(out, "node 2's outgoing session listed on node 1's page");
        assertEquals(OpenfireCluster.NODE2, out.node());
        assertEquals(PROSODY_IP + ":5269", out.address(), "connected where the route points");
        assertTrue(arrives(dave, bob), "and back");
    }

    @Test
    @Order(5)
    void aChatNodeAliasAddedOnNode1IsServedByNode2WithoutARestart() throws Exception {
        AdminConsole.Page added = cluster.admin1.post("plugins/federation/aliases.jsp", Map.of("action", "add", "alias", ALIAS, "service", SERVICE));
        assertEquals(302, added.status(), added.body());
        Await.require(Duration.ofSeconds(20), "node 2 to have the alias", () -> cluster.admin2.get("plugins/federation/aliases.jsp").body()
            .contains("data-alias=\"" + ALIAS + "\" data-service=\"" + SERVICE + "\""));
        Await.require(Duration.ofSeconds(20), "node 2 to accept streams for the alias", () -> cluster.admin2
            .get("server-properties.jsp?searchName=xmpp.gateway.domains").body().contains(ALIAS));

        // carol's server reaches the alias on node 2 (DNS), which answers as the group chat service
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(carol.connection()).discoverInfo(JidCreate.from(ALIAS));
        assertTrue(info.hasIdentity("conference", "text"), "the alias answers as a group chat service: " + info.toXML());
        assertEquals(ALIAS, info.getFrom().toString(), "under the alias");

        EntityBareJid room = JidCreate.entityBareFrom("cluster-lobby@" + SERVICE);
        MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob.connection()).getMultiUserChat(room);
        bobRoom.create(Resourcepart.from("bob")).makeInstant();
        MultiUserChat carolRoom = MultiUserChatManager.getInstanceFor(carol.connection())
            .getMultiUserChat(JidCreate.entityBareFrom("cluster-lobby@" + ALIAS));
        carolRoom.join(carolRoom.getEnterConfigurationBuilder(Resourcepart.from("carol")).timeoutAfter(ARRIVES.toMillis()).build());
        assertTrue(carolRoom.isJoined(), "carol is in the room under the alias");
        Await.require(ARRIVES, "bob sees carol in the room", () -> bobRoom.getOccupants().stream().anyMatch(o -> o.toString().endsWith("/carol")));
        String body = "cluster-e2e-" + UUID.randomUUID();
        bobRoom.sendMessage(body);
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        org.jivesoftware.smack.packet.Message got = null;
        while (got == null && System.nanoTime() < deadline) {
            org.jivesoftware.smack.packet.Message m = carolRoom.nextMessage(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (m != null && body.equals(m.getBody())) {
                got = m;
            }
        }
        assertNotNull(got, "bob's room message reaches carol");
        assertEquals("cluster-lobby@" + ALIAS + "/bob", got.getFrom().toString(), "from the room under the alias");
    }

    @Test
    @Order(6)
    void theTroubleshooterComparesThisClustersNodesGatheredOverTheCluster() {
        // The cluster registered as its own peer through node 2: node 2's snapshot, compared with node 1's, shows that
        // the shared settings agree (every setting row passes) and that node 2 gathers the nodes too.
        AdminConsole.Page peer = cluster.admin1.post("plugins/federation/peers.jsp", Map.of("action", "add", "name", "same-cluster",
            "url", "http://" + OpenfireCluster.NODE2_IP + ":9090/plugins/federation", "secret", SECRET));
        assertEquals(302, peer.status(), peer.body());
        for (AdminConsole admin : List.of(cluster.admin1, cluster.admin2)) {
            Map<String, Row> rows = troubleshoot(admin);
            assertEquals("PASS", rows.get("peer.link").verdict(), rows.get("peer.link").html());
            for (String id : NODE_ROWS) {
                Row row = rows.get(id);
                assertNotNull(row, id + " on " + admin.base());
                assertEquals("PASS", row.verdict(), id + ": " + row.html());
                for (String source : List.of(OpenfireServer.DOMAIN, "same-cluster")) {
                    for (String node : List.of(OpenfireCluster.NODE1, OpenfireCluster.NODE2)) {
                        assertTrue(row.html().contains("node " + node + " of " + source), id + " names " + node + " of " + source + ": " + row.html());
                    }
                }
            }
            Row active = rows.get("cluster.federation-active");
            assertEquals("PASS", active.verdict());
            assertEquals(2, Pattern.compile("federation active on 2 of 2 nodes").matcher(active.html()).results().count(), active.html());
            rows.forEach((id, row) -> {
                if (id.startsWith("item.")) {
                    assertEquals("PASS", row.verdict(), "shared setting " + id + " is the same on both nodes: " + row.html());
                }
            });
            assertTrue(rows.keySet().stream().filter(id -> id.startsWith("item.")).count() >= 10, rows.keySet().toString());
        }
    }

    @Test
    @Order(7)
    void aCertificateChangedOnNode2AloneMakesTheCertificatesRowWarnOnNode1() {
        // Certificates are kept per node: a new one on node 2's Certificates page is on node 2 only.
        AdminConsole.Page made = cluster.admin2.post("plugins/federation/certificates.jsp",
            Map.of("action", "selfsigned", "keyType", "EC_P256", "replace", "true"));
        assertEquals(302, made.status(), made.body());
        Map<String, Row> rows = troubleshoot(cluster.admin1);
        Row certificates = rows.get("node.certificates");
        assertEquals("WARN", certificates.verdict(), certificates.html());
        Matcher node2 = Pattern.compile("node " + OpenfireCluster.NODE2 + " of " + Pattern.quote(OpenfireServer.DOMAIN) + "</i></td><td[^>]*>([^<]*)<")
            .matcher(certificates.html());
        Matcher node1 = Pattern.compile("node " + OpenfireCluster.NODE1 + " of " + Pattern.quote(OpenfireServer.DOMAIN) + "</i></td><td[^>]*>([^<]*)<")
            .matcher(certificates.html());
        assertTrue(node1.find() && node2.find(), certificates.html());
        assertTrue(node2.group(1).contains(OpenfireServer.DOMAIN + "_federation_"), "node 2's new certificate: " + node2.group(1));
        assertFalse(node1.group(1).contains(OpenfireServer.DOMAIN + "_federation_"), "node 1 keeps its own: " + node1.group(1));
        assertTrue(certificates.html().contains("Install the same S2S certificate on every node"), "with what to do: " + certificates.html());
        for (String id : List.of("node.plugin-version", "node.openfire-version", "node.s2s-port")) {
            assertEquals("PASS", rows.get(id).verdict(), id + ": " + rows.get(id).html());
        }
    }

    @Test
    @Order(8)
    void aSignedRequestAcceptedByNode1IsRefusedWhenReplayedToNode2() throws Exception {
        long now = Instant.now().getEpochSecond();
        String nonce = RequestSignature.nonce();
        HttpResponse<String> accepted = snapshotRequest(OpenfireCluster.NODE1_IP, now, nonce);
        assertEquals(200, accepted.statusCode(), accepted.body());
        HttpResponse<String> replayed = snapshotRequest(OpenfireCluster.NODE2_IP, now, nonce);
        assertEquals(401, replayed.statusCode(), "the same request replayed to node 2: " + replayed.body());
        assertEquals("{\"error\":\"refused\"}", replayed.body());
        HttpResponse<String> fresh = snapshotRequest(OpenfireCluster.NODE2_IP, now, RequestSignature.nonce());
        assertEquals(200, fresh.statusCode(), "node 2 accepts a request of its own");

        SettingsSnapshot snapshot = SnapshotJson.read(accepted.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(OpenfireCluster.NODE1, OpenfireCluster.NODE2), snapshot.nodes().stream().map(NodeStatus::node).toList(),
            "node 1 serves both nodes of its cluster");
        assertTrue(snapshot.nodes().stream().allMatch(NodeStatus::federationActive));
        assertEquals(List.of(OpenfireCluster.NODE2, OpenfireCluster.NODE1), SnapshotJson.read(fresh.body().getBytes(StandardCharsets.UTF_8)).nodes()
            .stream().map(NodeStatus::node).toList(), "node 2 serves them too, itself first");
        Matcher refused = Pattern.compile("data-refused=\"(\\d+)\"").matcher(cluster.admin2.get("plugins/federation/troubleshooter.jsp").body());
        assertTrue(refused.find() && Integer.parseInt(refused.group(1)) >= 1, "counted on node 2");
    }
}
