package org.xmppfed.openfire.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prosody as the federated peer: one instance on its own loopback address serving the
 * given virtual hosts, dialback only (no TLS), resolving the other servers through the suite's DNS.
 */
final class ProsodyServer implements AutoCloseable {
    private final ManagedProcess process;
    final String address;

    private ProsodyServer(ManagedProcess process, String address) {
        this.process = process;
        this.address = address;
    }

    static ProsodyServer start(Path dir, String address, List<String> hosts, Map<String, String> users, Path resolvConf)
        throws IOException, InterruptedException {
        Tools.require("prosody", "prosody");
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("certs"));
        StringBuilder cfg = new StringBuilder();
        cfg.append("pidfile = \"").append(dir.resolve("prosody.pid")).append("\"\n")
            .append("data_path = \"").append(dir.resolve("data")).append("\"\n")
            .append("certificates = \"").append(dir.resolve("certs")).append("\"\n")
            .append("log = { debug = \"").append(dir.resolve("prosody.log")).append("\" }\n")
            .append("run_as_root = true\n")
            .append("interfaces = { \"").append(address).append("\" }\n")
            .append("local_interfaces = { \"").append(address).append("\" }\n")
            .append("c2s_ports = { 5222 }\ns2s_ports = { 5269 }\nc2s_direct_tls_ports = {}\ns2s_direct_tls_ports = {}\n")
            .append("http_ports = {}\nhttps_ports = {}\n")
            .append("unbound = { resolvconf = \"").append(resolvConf).append("\" }\n")
            .append("modules_enabled = { \"roster\"; \"saslauth\"; \"dialback\"; \"disco\"; \"ping\"; \"version\"; \"presence\" }\n")
            .append("modules_disabled = { \"tls\"; \"s2s_bidi\" }\n")
            .append("authentication = \"internal_plain\"\nallow_unencrypted_plain_auth = true\n")
            .append("c2s_require_encryption = false\ns2s_require_encryption = false\ns2s_secure_auth = false\n");
        for (String host : hosts) {
            cfg.append("VirtualHost \"").append(host).append("\"\n");
        }
        Path config = dir.resolve("prosody.cfg.lua");
        Files.writeString(config, cfg);
        for (String host : hosts) {
            for (Map.Entry<String, String> u : users.entrySet()) {
                Process p = new ProcessBuilder(Tools.require("prosodyctl", "prosody"), "--config", config.toString(), "register",
                    u.getKey(), host, u.getValue()).redirectErrorStream(true).redirectOutput(dir.resolve("register.log").toFile()).start();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("prosodyctl register failed; see " + dir.resolve("register.log"));
                }
            }
        }
        ManagedProcess process = ManagedProcess.start("prosody", List.of(Tools.require("prosody", "prosody"), "--config", config.toString(), "-F"),
            dir, Map.of(), dir.resolve("stdout.log"));
        ProsodyServer server = new ProsodyServer(process, address);
        Await.require(Duration.ofSeconds(30), "Prosody to listen on " + address + ":5222", () -> listening(address, 5222));
        return server;
    }

    static boolean listening(String host, int port) {
        try (Socket s = new Socket(host, port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
