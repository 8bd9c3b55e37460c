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
package org.xmppfed.openfire.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Where DNS sends federated servers for a domain: its {@code _xmpp-server._tcp} SRV records and
 * the addresses of their targets, through a resolver the administrator chooses (so tests can use
 * a local DNS server). Answers are never cached here; every call asks the resolver.
 */
public final class SrvCheck {
    /** What DNS says about a domain's S2S service. */
    public record Answer(Outcome outcome, List<String> targets, Set<String> addresses, String problem) {
        public enum Outcome {
            /** SRV records exist; {@code targets} and their {@code addresses}. */
            FOUND,
            /** The name or the records do not exist. */
            NONE,
            /** The resolver did not give an answer (timeout, server failure); {@code problem} says which. */
            FAILED
        }
    }

    private final Resolver resolver;

    /**
     * @param server  host or host:port of the DNS server to ask; blank for the system's resolvers
     * @param timeout per query
     */
    public SrvCheck(String server, Duration timeout) {
        try {
            Resolver r;
            if (server == null || server.isBlank()) {
                r = new ExtendedResolver();
            } else {
                String host = server.strip();
                int port = 53;
                int colon = host.lastIndexOf(':');
                if (colon > 0 && host.indexOf(':') == colon) {
                    port = Integer.parseInt(host.substring(colon + 1));
                    host = host.substring(0, colon);
                }
                SimpleResolver simple = new SimpleResolver(host);
                simple.setPort(port);
                r = simple;
            }
            r.setTimeout(timeout);
            this.resolver = r;
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a DNS server: " + server, e);
        }
    }

    /** One SRV record: its target host (without the final dot; "." stays "."), port and the target's addresses. */
    public record Target(String host, int port, Set<String> addresses) {
    }

    /** The records of one SRV service name, or why there are none. */
    public record Records(Answer.Outcome outcome, List<Target> targets, String problem) {
    }

    /** The {@code _xmpp-server._tcp} records of {@code domain} and the addresses their targets resolve to. */
    public Answer xmppServer(String domain) {
        Records r = srv("_xmpp-server._tcp", domain);
        List<String> targets = new ArrayList<>();
        Set<String> addresses = new TreeSet<>();
        for (Target t : r.targets()) {
            targets.add(t.host() + ":" + t.port());
            addresses.addAll(t.addresses());
        }
        return new Answer(r.outcome(), targets, r.outcome() == Answer.Outcome.FOUND ? addresses : Set.of(), r.problem());
    }

    /** The SRV records of {@code service} (e.g. {@code _xmpps-server._tcp}) for {@code domain}, each target resolved. */
    public Records srv(String service, String domain) {
        Lookup srv = lookup(service + "." + domain, Type.SRV);
        Record[] records = srv.run();
        if (srv.getResult() == Lookup.HOST_NOT_FOUND || srv.getResult() == Lookup.TYPE_NOT_FOUND) {
            return new Records(Answer.Outcome.NONE, List.of(), null);
        }
        if (records == null) {
            return new Records(Answer.Outcome.FAILED, List.of(), srv.getErrorString());
        }
        List<Target> targets = new ArrayList<>();
        for (Record r : records) {
            SRVRecord s = (SRVRecord) r;
            String target = s.getTarget().toString(true);
            boolean none = target.isEmpty() || target.equals(".");
            targets.add(new Target(none ? "." : target, s.getPort(), none ? Set.of() : addressesOf(target)));
        }
        return new Records(Answer.Outcome.FOUND, targets, null);
    }

    /** The A and AAAA addresses of {@code host} (empty when it has none or the resolver does not answer). */
    public Set<String> addressesOf(String host) {
        Set<String> result = new TreeSet<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Record[] records = lookup(host, type).run();
            if (records == null) {
                continue;
            }
            for (Record r : records) {
                InetAddress a = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress();
                result.add(a.getHostAddress());
            }
        }
        return result;
    }

    private Lookup lookup(String name, int type) {
        try {
            Lookup l = new Lookup(Name.fromString(name.endsWith(".") ? name : name + "."), type);
            l.setResolver(resolver);
            l.setCache(null);
            return l;
        } catch (TextParseException e) {
            throw new IllegalArgumentException("Not a DNS name: " + name, e);
        }
    }
}
