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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.xmppfed.openfire.dns.SrvCheck;

/**
 * The DNS rows: for every name this server answers for, its {@code _xmpp-server._tcp} records (and
 * {@code _xmpps-server._tcp} when direct TLS is on) must exist, use the listener's port, and name
 * targets that resolve to one of this server's addresses (not "." nor localhost). Names are looked
 * up in parallel on the given pool.
 */
public final class DnsChecks {
    private DnsChecks() {
    }

    public static List<Check> run(LocalFacts facts, SrvCheck dns, ExecutorService pool) {
        List<CompletableFuture<Check>> pending = new ArrayList<>();
        for (String name : facts.allNames()) {
            pending.add(CompletableFuture.supplyAsync(() -> check("_xmpp-server._tcp", name, facts.s2sPort(), facts, dns), pool));
            if (facts.directTlsPort() > 0) {
                pending.add(CompletableFuture.supplyAsync(() -> check("_xmpps-server._tcp", name, facts.directTlsPort(), facts, dns), pool));
            }
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    static Check check(String service, String name, int port, LocalFacts facts, SrvCheck dns) {
        String id = "dns." + service.substring(1, service.indexOf('.')) + "." + name;
        Text title = Text.of("check.dns", service, name);
        Text source = Text.of("troubleshoot.source.dns", service + "." + name);
        String wanted = service + "." + name + ". IN SRV 0 5 " + port + " " + facts.hostName() + ".";
        SrvCheck.Records records;
        try {
            records = dns.srv(service, name);
        } catch (RuntimeException e) {
            return new Check(id, Verdict.WARN, title, List.of(new Evidence(source, Text.of("troubleshoot.dns.failed", e.getMessage()))),
                Text.of("action.dns.resolver"));
        }
        switch (records.outcome()) {
            case NONE:
                return new Check(id, Verdict.FAIL, title, List.of(new Evidence(source, Text.of("troubleshoot.dns.none"))),
                    Text.of("action.dns.add", wanted));
            case FAILED:
                return new Check(id, Verdict.WARN, title, List.of(new Evidence(source, Text.of("troubleshoot.dns.failed", records.problem()))),
                    Text.of("action.dns.resolver"));
            default:
                break;
        }
        List<Evidence> evidence = new ArrayList<>();
        Verdict v = Verdict.PASS;
        Text action = null;
        for (SrvCheck.Target t : records.targets()) {
            String target = t.host() + ":" + t.port();
            String host = t.host().toLowerCase(Locale.ROOT);
            if (host.equals(".")) {
                v = v.worse(Verdict.FAIL);
                evidence.add(new Evidence(source, Text.of("troubleshoot.dns.no-service", target)));
                action = Text.of("action.dns.add", wanted);
            } else if (host.equals("localhost") || host.startsWith("localhost.")) {
                v = v.worse(Verdict.FAIL);
                evidence.add(new Evidence(source, Text.of("troubleshoot.dns.localhost", target)));
                action = Text.of("action.dns.add", wanted);
            } else if (t.port() != port) {
                v = v.worse(Verdict.FAIL);
                evidence.add(new Evidence(source, Text.of("troubleshoot.dns.port", target, port)));
                action = Text.of("action.dns.port", service + "." + name, port);
            } else if (t.addresses().isEmpty()) {
                v = v.worse(Verdict.FAIL);
                evidence.add(new Evidence(source, Text.of("troubleshoot.dns.unresolved", target)));
                action = Text.of("action.dns.unresolved", t.host());
            } else {
                Set<String> foreign = new TreeSet<>(t.addresses());
                foreign.removeAll(facts.ourAddresses());
                if (foreign.size() == t.addresses().size()) {
                    v = v.worse(Verdict.WARN);
                    evidence.add(new Evidence(source, Text.of("troubleshoot.dns.foreign", target, String.join(", ", t.addresses()))));
                    if (action == null) {
                        action = Text.of("action.dns.foreign", t.host(), String.join(", ", new TreeSet<>(facts.ourAddresses())));
                    }
                } else {
                    evidence.add(new Evidence(source, Text.of("troubleshoot.dns.ok", target, String.join(", ", t.addresses()))));
                }
            }
        }
        return new Check(id, v, title, evidence, v == Verdict.PASS ? null : action);
    }
}
