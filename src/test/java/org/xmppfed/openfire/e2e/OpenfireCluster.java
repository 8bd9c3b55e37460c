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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * A real two-node Openfire cluster made from the installation in {@code OPENFIRE_HOME} (copied per
 * node, never modified): both nodes on one throw-away PostgreSQL database ({@link PostgresServer}),
 * each on its own loopback address with its own node ID, clustering switched on in
 * {@code conf/openfire.xml}, the Hazelcast clustering plugin and the federation plugin in each node's
 * {@code plugins/}, Hazelcast joining by TCP/IP ({@code conf/hazelcast-local-config.xml} lists both
 * members; {@code -Dhazelcast.local.localAddress} binds each to its node's address). Node 1 sets the
 * database up unattended; node 2 starts on the set-up database with node 1's encryption key and
 * certificate store, as an administrator adds a node. Started once per test class and stopped again,
 * also after a failure.
 */
final class OpenfireCluster implements AutoCloseable {
    static final String NODE1_IP = "127.0.2.1";
    static final String NODE2_IP = "127.0.2.2";
    static final String DATABASE_IP = "127.0.2.4";
    /** The node IDs (Openfire's {@code clustering.nodeid}), which the plugin's pages show as the nodes' names. */
    static final String NODE1 = "node-1";
    static final String NODE2 = "node-2";
    private static final String DATABASE = "openfire";
    private static final String DATABASE_USER = "openfire";
    private static final String DATABASE_PASSWORD = "openfire-e2e";
    private static final int HAZELCAST_PORT = 5701;

    PostgresServer database;
    OpenfireServer node1;
    OpenfireServer node2;
    AdminConsole admin1;
    AdminConsole admin2;

    private OpenfireCluster() {
    }

    /**
     * {@code users}: username → password (set up by node 1), {@code emails}: username → email address;
     * {@code resolvConf}: the resolver the nodes use (the suite's DNS server).
     */
    static OpenfireCluster start(Path work, Path installation, Path hazelcastPlugin, Path federationPlugin, Map<String, String> users,
                                 Map<String, String> emails, Path resolvConf) throws Exception {
        OpenfireCluster cluster = new OpenfireCluster();
        try {
            cluster.database = PostgresServer.start(work.resolve("postgres"), DATABASE_IP, 5432, DATABASE, DATABASE_USER, DATABASE_PASSWORD);
            String jdbc = cluster.database.jdbcUrl(DATABASE);
            cluster.node1 = OpenfireServer.configured(installation, work.resolve(NODE1), NODE1_IP, OpenfireServer.DOMAIN,
                config(NODE1_IP, NODE1, jdbc, "  <autosetup><run>true</run><locale>en</locale>\n"
                    + "    <xmpp><domain>" + OpenfireServer.DOMAIN + "</domain><fqdn>" + OpenfireServer.DOMAIN + "</fqdn></xmpp>\n"
                    + "    <database><mode>standard</mode>" + database(jdbc) + "</database>\n"
                    + "    <admin><email>admin@" + OpenfireServer.DOMAIN + "</email><password>" + OpenfireServer.ADMIN_PASSWORD + "</password></admin>\n"
                    + "    <users>" + OpenfireServer.autosetupUsers(users, emails) + "</users>\n  </autosetup>\n"));
            prepare(cluster.node1, NODE1_IP, hazelcastPlugin, federationPlugin, resolvConf);
            cluster.node1.start();
            cluster.admin1 = new AdminConsole(cluster.node1.adminUrl());
            cluster.admin1.login(OpenfireServer.ADMIN_PASSWORD);
            awaitPlugin(cluster.node1);
            awaitClustering(cluster.node1);

            cluster.node2 = OpenfireServer.configured(installation, work.resolve(NODE2), NODE2_IP, OpenfireServer.DOMAIN,
                config(NODE2_IP, NODE2, jdbc, "  <fqdn>" + OpenfireServer.DOMAIN + "</fqdn>\n  <setup>true</setup>\n"));
            // The property encryption key (the plugin's peer secrets are encrypted with it) and the certificate store:
            // what an administrator copies to a new node.
            Files.copy(cluster.node1.home.resolve("conf/security.xml"), cluster.node2.home.resolve("conf/security.xml"),
                StandardCopyOption.REPLACE_EXISTING);
            Files.copy(cluster.node1.home.resolve("resources/security/keystore"), cluster.node2.home.resolve("resources/security/keystore"),
                StandardCopyOption.REPLACE_EXISTING);
            prepare(cluster.node2, NODE2_IP, hazelcastPlugin, federationPlugin, resolvConf);
            cluster.node2.start();
            cluster.admin2 = new AdminConsole(cluster.node2.adminUrl());
            cluster.admin2.login(OpenfireServer.ADMIN_PASSWORD);
            awaitPlugin(cluster.node2);
            awaitClustering(cluster.node2);
            Await.require(Duration.ofSeconds(180), "both nodes to report 2 cluster nodes",
                () -> nodesRunning(cluster.admin1) == 2 && nodesRunning(cluster.admin2) == 2);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static String database(String jdbc) {
        return "<defaultProvider><driver>org.postgresql.Driver</driver><serverURL>" + jdbc + "</serverURL><username>" + DATABASE_USER
            + "</username><password>" + DATABASE_PASSWORD + "</password><minConnections>2</minConnections><maxConnections>20</maxConnections>"
            + "<connectionTimeout>1.0</connectionTimeout></defaultProvider>";
    }

    /** A node's conf/openfire.xml: its address and node ID, clustering on, the shared database, and {@code more}. */
    private static String config(String address, String nodeId, String jdbc, String more) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jive>\n"
            + "  <adminConsole><port>9090</port><securePort>9091</securePort></adminConsole>\n  <locale>en</locale>\n"
            + "  <network><interface>" + address + "</interface></network>\n"
            + "  <clustering><enabled>true</enabled><nodeid>" + nodeId + "</nodeid></clustering>\n"
            + "  <connectionProvider><className>org.jivesoftware.database.DefaultConnectionProvider</className></connectionProvider>\n"
            + "  <database>" + database(jdbc) + "</database>\n"
            + "  <xmpp><proxy><enabled>false</enabled></proxy></xmpp>\n"
            + "  <update><service-enabled>false</service-enabled></update>\n"
            + more + "</jive>\n";
    }

    private static void prepare(OpenfireServer node, String address, Path hazelcastPlugin, Path federationPlugin, Path resolvConf)
        throws IOException {
        Files.writeString(node.home.resolve("conf/hazelcast-local-config.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<hazelcast xmlns=\"http://www.hazelcast.com/schema/config\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            + "           xsi:schemaLocation=\"http://www.hazelcast.com/schema/config https://www.hazelcast.com/schema/config/hazelcast-config-5.5.xsd\">\n"
            + "  <network>\n    <port auto-increment=\"false\">" + HAZELCAST_PORT + "</port>\n    <join>\n"
            + "      <multicast enabled=\"false\"/>\n      <tcp-ip enabled=\"true\">\n"
            + "        <member>" + NODE1_IP + ":" + HAZELCAST_PORT + "</member>\n        <member>" + NODE2_IP + ":" + HAZELCAST_PORT + "</member>\n"
            + "      </tcp-ip>\n    </join>\n  </network>\n</hazelcast>\n");
        node.jvmOptions("-Dhazelcast.local.localAddress=" + address + " -Dhazelcast.socket.bind.any=false");
        node.useResolver(resolvConf);
        Files.copy(hazelcastPlugin, node.home.resolve("plugins/hazelcast.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(federationPlugin, node.home.resolve("plugins/federation.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void awaitPlugin(OpenfireServer node) {
        Await.require(Duration.ofSeconds(120), "the federation plugin to load on " + node.address,
            () -> Tools.logContains(node.log(), "Successfully loaded plugin 'federation"));
    }

    /**
     * Waits for the node's log to say that clustering has started. Only then may the Clustering page be asked:
     * Openfire 5.1.1 makes its clustering strategy on first use without synchronisation
     * ({@code CacheFactory.isClusteringAvailable}, which that page calls), so a page request while the node
     * starts clustering can leave it with a second strategy that never started; the node then fails to join
     * ("Cannot create clustered cache when not in a cluster"), as seen here.
     */
    private static void awaitClustering(OpenfireServer node) {
        Await.require(Duration.ofSeconds(180), "clustering to start on " + node.address,
            () -> Tools.logContains(node.log(), "Hazelcast clustering started"));
    }

    private static final java.util.regex.Pattern RUNNING = java.util.regex.Pattern.compile("You have (\\d+) node\\(s\\) running");

    /** How many nodes Openfire's own Clustering page says are running (0 while clustering has not started). */
    static int nodesRunning(AdminConsole admin) {
        java.util.regex.Matcher m = RUNNING.matcher(admin.get("system-clustering.jsp").body());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Override
    public void close() {
        // node 2 first: the senior stays until the end, and the database last
        for (AutoCloseable c : new AutoCloseable[] {node2, node1, database}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the others are closed anyway
                }
            }
        }
    }
}
