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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A fresh Openfire instance made from the installation in {@code OPENFIRE_HOME} (which is never
 * modified): copied to a temporary directory, set up unattended through {@code conf/openfire.xml}'s
 * autosetup section with an embedded database, all listeners on one loopback address.
 */
final class OpenfireServer implements AutoCloseable {
    static final String DOMAIN = "openfire.lan";
    static final String ADMIN_PASSWORD = "admin-secret";

    final Path home;
    final String address;
    final String domain;
    private ManagedProcess process;
    private final Map<String, String> environment = new java.util.HashMap<>();
    /** A resolv.conf Openfire's name lookups (DNS SRV included) should use instead of the host's; null: the host's. */
    private Path resolvConf;

    /** {@code users}: username → password; {@code emails}: username → email address (users without one have none). */
    OpenfireServer(Path installation, Path home, String address, Map<String, String> users, Map<String, String> emails)
        throws IOException {
        this(installation, home, address, DOMAIN, users, emails);
    }

    /** An instance serving {@code domain} (a second, independent deployment beside the first). */
    OpenfireServer(Path installation, Path home, String address, String domain, Map<String, String> users, Map<String, String> emails)
        throws IOException {
        this(installation, home, address, domain);
        Files.writeString(home.resolve("conf/openfire.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jive>\n"
            + "  <adminConsole><port>9090</port><securePort>9091</securePort></adminConsole>\n  <locale>en</locale>\n"
            + "  <network><interface>" + address + "</interface></network>\n"
            + "  <connectionProvider><className>org.jivesoftware.database.EmbeddedConnectionProvider</className></connectionProvider>\n"
            + "  <xmpp><proxy><enabled>false</enabled></proxy></xmpp>\n"
            + "  <autosetup><run>true</run><locale>en</locale>\n"
            + "    <xmpp><domain>" + domain + "</domain><fqdn>" + domain + "</fqdn></xmpp>\n"
            + "    <database><mode>embedded</mode></database>\n"
            + "    <admin><email>admin@" + domain + "</email><password>" + ADMIN_PASSWORD + "</password></admin>\n"
            + "    <users>" + autosetupUsers(users, emails) + "</users>\n  </autosetup>\n</jive>\n");
    }

    private OpenfireServer(Path installation, Path home, String address, String domain) throws IOException {
        this.home = home;
        this.address = address;
        this.domain = domain;
        Tools.copyTree(installation, home);
        home.resolve("bin/openfire.sh").toFile().setExecutable(true);
    }

    /** An instance with {@code openfireXml} as its {@code conf/openfire.xml} (a cluster node, another database). */
    static OpenfireServer configured(Path installation, Path home, String address, String domain, String openfireXml) throws IOException {
        OpenfireServer server = new OpenfireServer(installation, home, address, domain);
        Files.writeString(home.resolve("conf/openfire.xml"), openfireXml);
        return server;
    }

    /** The users of an autosetup section: username → password; {@code emails}: username → email address. */
    static String autosetupUsers(Map<String, String> users, Map<String, String> emails) {
        StringBuilder u = new StringBuilder();
        int i = 1;
        for (Map.Entry<String, String> e : users.entrySet()) {
            u.append("<user").append(i).append("><username>").append(e.getKey()).append("</username><password>").append(e.getValue())
                .append("</password><name>").append(e.getKey()).append("</name>")
                .append(emails.containsKey(e.getKey()) ? "<email>" + emails.get(e.getKey()) + "</email>" : "")
                .append("</user").append(i).append(">");
            i++;
        }
        return u.toString();
    }

    /** Before start: options for Openfire's JVM ({@code OPENFIRE_OPTS} of {@code bin/openfire.sh}). */
    void jvmOptions(String options) {
        environment.put("OPENFIRE_OPTS", options);
    }

    /**
     * Before the first start: replaces the identity store and the trust store that server-to-server
     * connections use ({@code resources/security/keystore} and {@code resources/security/truststore},
     * JKS, password changeit: Openfire 5.1's defaults for {@code xmpp.socket.ssl.*}). With a certificate
     * for the XMPP domain in the identity store, Openfire generates no self-signed one.
     */
    void useCertificateStores(Path identityStore, Path trustStore) throws IOException {
        Files.copy(identityStore, home.resolve("resources/security/keystore"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(trustStore, home.resolve("resources/security/truststore"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Before start: Openfire resolves names through {@code resolvConf} (the suite's DNS server). It
     * then runs in a private mount namespace whose /etc/resolv.conf is that file (the host's is
     * untouched), as ejabberd does: Java reads /etc/resolv.conf and has no other way to be told.
     */
    void useResolver(Path resolvConf) {
        this.resolvConf = resolvConf;
    }

    String adminUrl() {
        return "http://" + address + ":9090";
    }

    Path log() {
        return home.resolve("logs/openfire.log");
    }

    void start() throws IOException {
        List<String> command = resolvConf == null ? List.of(home.resolve("bin/openfire.sh").toString())
            : List.of(Tools.require("unshare", "util-linux"), "-m", "sh", "-c",
                "mount --bind " + resolvConf + " /etc/resolv.conf && exec " + home.resolve("bin/openfire.sh"));
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("OPENFIRE_HOME", home.toString());
        process = ManagedProcess.start("openfire", command, home, env, home.resolve("run.log"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Await.require(Duration.ofSeconds(180), "Openfire's admin console on " + adminUrl(), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(adminUrl() + "/login.jsp")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Await.require(Duration.ofSeconds(60), "Openfire's client port", () -> ProsodyServer.listening(address, 5222));
    }

    void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    void restart() throws IOException {
        stop();
        start();
    }

    /** Installs the plugin the way an administrator can: by dropping the jar into plugins/. */
    void installPlugin(Path jar) throws IOException {
        int loadedBefore = Tools.count(log(), "Successfully loaded plugin 'federation");
        Files.copy(jar, home.resolve("plugins/federation.jar"), StandardCopyOption.REPLACE_EXISTING);
        Await.require(Duration.ofSeconds(90), "the plugin to load", () -> Tools.count(log(), "Successfully loaded plugin 'federation") > loadedBefore);
    }

    /** Removes the plugin jar; Openfire unloads the plugin and deletes its folder. */
    void uninstallPlugin() throws IOException {
        Files.deleteIfExists(home.resolve("plugins/federation.jar"));
        Await.require(Duration.ofSeconds(90), "the plugin to unload", () -> !Files.exists(home.resolve("plugins/federation")));
    }

    /** How many threads of the Openfire JVM have a name starting with {@code prefix}. */
    long threads(String prefix) {
        return process.threadNames().stream().filter(n -> n.startsWith(prefix)).count();
    }

    boolean pluginLoaded() {
        return Files.exists(home.resolve("plugins/federation"));
    }

    @Override
    public void close() {
        stop();
    }
}
