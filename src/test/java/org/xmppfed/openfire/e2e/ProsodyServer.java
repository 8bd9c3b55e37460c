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
 * With {@link Tls} material it requires TLS on server-to-server streams and authenticates peers
 * by certificate only ({@code s2s_secure_auth}).
 */
final class ProsodyServer implements AutoCloseable {
    private final ManagedProcess process;
    final String address;
    /** Prosody's debug log. */
    final Path log;

    /**
     * For TLS: the CA certificate peers must be signed by, each virtual host's certificate and key (PEM
     * files), and extra global configuration lines (empty for none).
     */
    record Tls(Path caFile, Map<String, Path> certificates, Map<String, Path> keys, String extraConfig, boolean required) {
        Tls(Path caFile, Map<String, Path> certificates, Map<String, Path> keys) {
            this(caFile, certificates, keys, "");
        }

        Tls(Path caFile, Map<String, Path> certificates, Map<String, Path> keys, String extraConfig) {
            this(caFile, certificates, keys, extraConfig, true);
        }

        /** TLS offered but not required, and peers without a valid certificate accepted by dialback. */
        static Tls offered(Path caFile, Map<String, Path> certificates, Map<String, Path> keys) {
            return new Tls(caFile, certificates, keys, "", false);
        }
    }

    private ProsodyServer(ManagedProcess process, String address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    static ProsodyServer start(Path dir, String address, List<String> hosts, Map<String, String> users, Path resolvConf)
        throws IOException, InterruptedException {
        return start(dir, address, hosts, users, resolvConf, null);
    }

    /** {@code tls}: null for dialback only without TLS (as {@link #start(Path, String, List, Map, Path)}). */
    static ProsodyServer start(Path dir, String address, List<String> hosts, Map<String, String> users, Path resolvConf, Tls tls)
        throws IOException, InterruptedException {
        return start(dir, address, hosts, users, resolvConf, tls, java.util.Set.of());
    }

    /** {@code withoutPing}: virtual hosts that do not answer XMPP pings (a server without XEP-0199: service-unavailable). */
    static ProsodyServer start(Path dir, String address, List<String> hosts, Map<String, String> users, Path resolvConf, Tls tls,
                               java.util.Set<String> withoutPing)
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
            .append("authentication = \"internal_plain\"\nallow_unencrypted_plain_auth = true\n");
        if (tls == null) {
            cfg.append("modules_enabled = { \"roster\"; \"saslauth\"; \"dialback\"; \"disco\"; \"ping\"; \"version\"; \"presence\" }\n")
                .append("modules_disabled = { \"tls\"; \"s2s_bidi\" }\n")
                .append("c2s_require_encryption = false\ns2s_require_encryption = false\ns2s_secure_auth = false\n");
        } else {
            // TLS required on s2s; a peer is accepted only with a certificate that chains to the CA and names its
            // domain, which is what SASL EXTERNAL needs (dialback stays loaded: secure auth makes it need that too).
            cfg.append("modules_enabled = { \"roster\"; \"saslauth\"; \"tls\"; \"dialback\"; \"disco\"; \"ping\"; \"version\"; \"presence\" }\n")
                .append("modules_disabled = { \"s2s_bidi\" }\n")
                .append("c2s_require_encryption = false\n")
                .append(tls.required() ? "s2s_require_encryption = true\ns2s_secure_auth = true\n" : "s2s_require_encryption = false\ns2s_secure_auth = false\n")
                .append(tls.extraConfig());
        }
        for (String host : hosts) {
            cfg.append("VirtualHost \"").append(host).append("\"\n");
            if (withoutPing.contains(host)) {
                cfg.append("  modules_disabled = { \"ping\" }\n");
            }
            if (tls != null) {
                cfg.append("  ssl = { certificate = \"").append(tls.certificates().get(host)).append("\"; key = \"")
                    .append(tls.keys().get(host)).append("\"; cafile = \"").append(tls.caFile()).append("\" }\n");
            }
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
        ProsodyServer server = new ProsodyServer(process, address, dir.resolve("prosody.log"));
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
