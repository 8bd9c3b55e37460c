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
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * BIND (Debian's named) on 127.0.0.1:53 serving the zone {@code lan}: A records and
 * {@code _xmpp-server._tcp} SRV records for every XMPP domain of the suite. (Not {@code test}:
 * libunbound, which Prosody resolves with, answers every {@code .test} name itself with NXDOMAIN.)
 */
final class DnsServer implements AutoCloseable {
    static final String ADDRESS = "127.0.0.1";
    static final String ZONE = "lan";
    private final Path dir;
    private final ManagedProcess process;

    private DnsServer(Path dir, ManagedProcess process) {
        this.dir = dir;
        this.process = process;
    }

    /** {@code hosts}: domain (under {@link #ZONE}) → IPv4 address. */
    static DnsServer start(Path dir, Map<String, String> hosts) throws IOException {
        return start(dir, hosts, List.of());
    }

    /** {@code extra}: further zone lines (names relative to the zone), e.g. a deliberately wrong SRV record. */
    static DnsServer start(Path dir, Map<String, String> hosts, List<String> extra) throws IOException {
        requireFreePort();
        Files.createDirectories(dir);
        StringBuilder zone = new StringBuilder("$TTL 60\n@ IN SOA ns." + ZONE + ". admin." + ZONE + ". ( 1 60 60 600 60 )\n@ IN NS ns." + ZONE + ".\nns IN A "
            + ADDRESS + "\n");
        hosts.forEach((domain, ip) -> {
            String name = domain.substring(0, domain.length() - ZONE.length() - 1);
            zone.append(name).append(" IN A ").append(ip).append('\n');
            zone.append("_xmpp-server._tcp.").append(name).append(" IN SRV 0 5 5269 ").append(domain).append(".\n");
        });
        extra.forEach(line -> zone.append(line).append('\n'));
        Files.writeString(dir.resolve("test.zone"), zone);
        Files.writeString(dir.resolve("named.conf"), "options {\n  directory \"" + dir + "\";\n  listen-on port 53 { " + ADDRESS
            + "; };\n  listen-on-v6 { none; };\n  recursion no;\n  pid-file \"" + dir.resolve("named.pid") + "\";\n"
            + "  allow-query { 127.0.0.0/8; };\n  dnssec-validation no;\n};\ncontrols { };\n"
            + "zone \"" + ZONE + "\" { type primary; file \"" + dir.resolve("test.zone") + "\"; };\n");
        Files.writeString(dir.resolve("resolv.conf"), "nameserver " + ADDRESS + "\n");
        ManagedProcess p = ManagedProcess.start("named", List.of(Tools.require("named", "bind9"), "-g", "-u", "root", "-c",
            dir.resolve("named.conf").toString()), dir, Map.of(), dir.resolve("named.log"));
        DnsServer server = new DnsServer(dir, p);
        Await.require(Duration.ofSeconds(20), "named to load the zone", () -> Tools.logContains(dir.resolve("named.log"), "running"));
        return server;
    }

    /** A resolv.conf that names this server, for programs that take one. */
    Path resolvConf() {
        return dir.resolve("resolv.conf");
    }

    private static void requireFreePort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ADDRESS), 53))) {
            s.close();
        } catch (SocketException e) {
            throw new IllegalStateException("UDP port 53 on " + ADDRESS + " is in use; the suite runs its own DNS server there", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
