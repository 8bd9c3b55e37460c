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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's ejabberd as a second federated peer implementation: one domain on its own loopback
 * address, dialback only, all state in a temporary directory. Erlang resolves SRV records through
 * the inetrc file but host addresses through the system resolver, so ejabberd runs in a private
 * mount namespace whose /etc/resolv.conf names the suite's DNS server (the host's file is untouched).
 */
final class EjabberdServer implements AutoCloseable {
    private final Path dir;
    private final ManagedProcess process;

    private EjabberdServer(Path dir, ManagedProcess process) {
        this.dir = dir;
        this.process = process;
    }

    static EjabberdServer start(Path dir, String address, String domain, Map<String, String> users) throws Exception {
        return start(dir, address, domain, users, null);
    }

    /**
     * For TLS: the CA certificate that peers' certificates must chain to, and this server's certificate
     * chain and key in one PEM file. With it ejabberd requires STARTTLS on server-to-server streams,
     * offers SASL EXTERNAL to peers with a valid certificate and uses it itself; dialback stays loaded.
     */
    record Tls(Path caFile, Path certificateAndKey) {
    }

    static EjabberdServer start(Path dir, String address, String domain, Map<String, String> users, Tls tls) throws Exception {
        String ctl = Tools.require("ejabberdctl", "ejabberd");
        String unshare = Tools.require("unshare", "util-linux");
        for (String sub : new String[] {"spool", "logs", "ext-modules/conf"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("ejabberd.yml"), String.join("\n",
            "hosts: [" + domain + "]",
            "loglevel: info",
            "log_rotate_count: 0",
            "auth_method: internal",
            "auth_password_format: plain",
            "default_db: mnesia",
            "acme: {auto: false}",
            tls == null ? "s2s_use_starttls: false" : "s2s_use_starttls: required",
            tls == null ? "" : "certfiles: [\"" + dir.resolve("tls/server.pem") + "\"]",
            tls == null ? "" : "ca_file: \"" + dir.resolve("tls/ca.pem") + "\"",
            tls == null ? "" : "s2s_cafile: \"" + dir.resolve("tls/ca.pem") + "\"",
            "s2s_access: all",
            "s2s_dns_timeout: 5",
            "s2s_dns_retries: 1",
            // after a refused outgoing connection ejabberd bounces everything for that server for a random time up to
            // this (default 300 s); a scenario that denies ejabberd on purpose must not starve the next one for minutes
            "s2s_max_retry_delay: 5",
            "outgoing_s2s_ipv4_address: \"" + address + "\"",
            "listen:",
            "  - {port: 5222, ip: \"" + address + "\", module: ejabberd_c2s, starttls: false, starttls_required: false, access: c2s}",
            "  - {port: 5269, ip: \"" + address + "\", module: ejabberd_s2s_in}",
            "acl: {local: {user_regexp: \"\"}}",
            "access_rules: {local: {allow: local}, c2s: {allow: all}, register: {deny: all}}",
            "api_permissions: {\"console commands\": {from: [ejabberd_ctl], who: all, what: \"*\"}}",
            "modules: {mod_s2s_dialback: {}, mod_disco: {}, mod_roster: {}, mod_ping: {}, mod_admin_extra: {}}",
            ""));
        Files.writeString(dir.resolve("ejabberdctl.cfg"), String.join("\n",
            "ERLANG_NODE=ejabberd-e2e@localhost",
            "SPOOL_DIR=" + dir.resolve("spool"),
            "LOGS_DIR=" + dir.resolve("logs"),
            "INET_DIST_INTERFACE=127.0.0.1",
            "ERL_EPMD_ADDRESS=127.0.0.1",
            "ERL_DIST_PORT=52107",
            "ERL_OPTIONS=\"-env ERL_CRASH_DUMP_BYTES 0 -setcookie e2e-test-cookie\"",
            "CONTRIB_MODULES_PATH=" + dir.resolve("ext-modules"),
            "CONTRIB_MODULES_CONF_DIR=" + dir.resolve("ext-modules/conf"),
            "EJABBERD_PID_PATH=" + dir.resolve("ejabberd.pid"),
            "EJABBERD_BYPASS_WARNINGS=true",
            ""));
        if (tls != null) {
            Files.createDirectories(dir.resolve("tls"));
            Files.copy(tls.caFile(), dir.resolve("tls/ca.pem"));
            Files.copy(tls.certificateAndKey(), dir.resolve("tls/server.pem"));
        }
        Files.writeString(dir.resolve("inetrc"), "{resolv_conf, \"\"}.\n{nameserver, {127,0,0,1}, 53}.\n{lookup, [file, dns]}.\n");
        Files.writeString(dir.resolve("resolv.conf"), "nameserver " + DnsServer.ADDRESS + "\n");
        run(List.of("chown", "-R", "ejabberd:ejabberd", dir.toString()));
        ManagedProcess process = ManagedProcess.start("ejabberd", List.of(Tools.require("setsid", "util-linux"), unshare, "-m", "sh", "-c",
            "mount --bind " + dir.resolve("resolv.conf") + " /etc/resolv.conf && exec " + ctl + " --config-dir " + dir + " foreground"),
            dir, Map.of(), dir.resolve("logs/foreground.out"));
        EjabberdServer server = new EjabberdServer(dir, process);
        try {
            Await.require(Duration.ofSeconds(60), "ejabberd to listen on " + address + ":5222", () -> ProsodyServer.listening(address, 5222));
            for (Map.Entry<String, String> u : users.entrySet()) {
                run(List.of(ctl, "--config-dir", dir.toString(), "register", u.getKey(), domain, u.getValue()));
            }
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("Failed: " + String.join(" ", command));
        }
    }

    @Override
    public void close() {
        // beam runs under su, outside the launcher's process tree: stop it through its pid file
        Path pidFile = dir.resolve("ejabberd.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).ifPresent(h -> {
                    h.destroy();
                    try {
                        h.onExit().get(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.destroyForcibly();
                    }
                });
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to stopping the launcher
        }
        process.close();
    }
}
