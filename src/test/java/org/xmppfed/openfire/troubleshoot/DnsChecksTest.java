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
package org.xmppfed.openfire.troubleshoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.policy.FederationPolicy;

/** The DNS rows against a real (tiny) DNS server: every way a record can be wrong gives its own verdict. */
class DnsChecksTest {
    private TinyDnsServer dns;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() throws Exception {
        dns = new TinyDnsServer();
        a("xmpp.ours.example", "127.0.0.5");
        a("other.example", "192.0.2.9");
        srv("good.example", 5269, "xmpp.ours.example");
        srv("wrong-port.example", 5222, "xmpp.ours.example");
        srv("unresolved.example", 5269, "nowhere.example");
        srv("foreign.example", 5269, "other.example");
        srv("dot.example", 0, ".");
        srv("local.example", 5269, "localhost");
    }

    @AfterEach
    void stop() {
        dns.close();
        pool.shutdownNow();
    }

    private void a(String host, String ip) throws Exception {
        dns.add(new ARecord(Name.fromString(host + "."), DClass.IN, 60, InetAddress.getByName(ip)));
    }

    private void srv(String domain, int port, String target) throws Exception {
        dns.add(new SRVRecord(Name.fromString("_xmpp-server._tcp." + domain + "."), DClass.IN, 60, 0, 5, port,
            target.equals(".") ? Name.root : Name.fromString(target + ".")));
    }

    private Map<String, Check> run(List<String> names) {
        return run(names, dns.address());
    }

    private Map<String, Check> run(List<String> names, String server) {
        LocalFacts facts = new LocalFacts(names.get(0), "xmpp.ours.example", names.subList(1, names.size()), true, "127.0.0.5", 5269, -1,
            Set.of("127.0.0.5"), FederationPolicy.lockdown(), Map.of(), true, Map.of(), org.xmppfed.openfire.route.StaticRoutes.none());
        return DnsChecks.run(facts, new SrvCheck(server, Duration.ofSeconds(1)), pool).stream()
            .collect(Collectors.toMap(Check::id, c -> c));
    }

    private static String evidence(Check c) {
        return c.evidence().stream().map(e -> e.what().render(Locale.ENGLISH)).collect(Collectors.joining("; "));
    }

    @Test
    void eachWayARecordIsWrongHasItsVerdictAndAction() {
        Map<String, Check> rows = run(List.of("good.example", "missing.example", "wrong-port.example", "unresolved.example",
            "foreign.example", "dot.example", "local.example"));
        assertEquals(Verdict.PASS, rows.get("dns.xmpp-server.good.example").verdict(), evidence(rows.get("dns.xmpp-server.good.example")));
        Check missing = rows.get("dns.xmpp-server.missing.example");
        assertEquals(Verdict.FAIL, missing.verdict());
        assertEquals("Add the record to DNS: _xmpp-server._tcp.missing.example. IN SRV 0 5 5269 xmpp.ours.example.",
            missing.action().render(Locale.ENGLISH));
        assertEquals(Verdict.FAIL, rows.get("dns.xmpp-server.wrong-port.example").verdict());
        assertTrue(evidence(rows.get("dns.xmpp-server.wrong-port.example")).contains("port differs from the listener's port 5269"));
        assertEquals(Verdict.FAIL, rows.get("dns.xmpp-server.unresolved.example").verdict());
        assertTrue(evidence(rows.get("dns.xmpp-server.unresolved.example")).contains("no A or AAAA"));
        assertEquals(Verdict.WARN, rows.get("dns.xmpp-server.foreign.example").verdict());
        assertTrue(evidence(rows.get("dns.xmpp-server.foreign.example")).contains("192.0.2.9"));
        assertEquals(Verdict.FAIL, rows.get("dns.xmpp-server.dot.example").verdict());
        assertEquals(Verdict.FAIL, rows.get("dns.xmpp-server.local.example").verdict());
    }

    @Test
    void aResolverThatDoesNotAnswerIsAWarningNamingTheSetting() {
        String address = dns.address();
        dns.close();
        Map<String, Check> rows = run(List.of("good.example"), address);
        Check c = rows.get("dns.xmpp-server.good.example");
        assertEquals(Verdict.WARN, c.verdict());
        assertTrue(c.action().render(Locale.ENGLISH).contains("plugin.federation.dns.server"));
    }
}
