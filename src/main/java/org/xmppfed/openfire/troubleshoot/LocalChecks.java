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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xmppfed.openfire.policy.ConnectionGatePlan;
import org.xmppfed.openfire.policy.Decision;
import org.xmppfed.openfire.policy.DecisionReason;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.DomainPattern;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoutes;

/**
 * The checks of this server alone (DNS is in {@link DnsChecks}): the S2S listener answers, the
 * policy makes sense (no exception that its wildcard already decides, none naming our own names, no
 * static route to a domain the policy denies), no email address shared by several users, Openfire's
 * own S2S permission list as the policy requires it.
 */
public final class LocalChecks {
    static final int CONNECT_TIMEOUT_MILLIS = 3000;
    private static final int LISTED = 20;

    private LocalChecks() {
    }

    public static Check listener(LocalFacts f) {
        Text title = Text.of("check.local.s2s-listener", f.s2sPort());
        Text source = Text.of("troubleshoot.source.listener", f.listenHost() + ":" + f.s2sPort());
        if (!f.s2sEnabled()) {
            return new Check("local.s2s-listener", Verdict.FAIL, title, List.of(new Evidence(source, Text.of("troubleshoot.listener.disabled"))),
                Text.of("action.local.s2s-listener.disabled"));
        }
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(f.listenHost(), f.s2sPort()), CONNECT_TIMEOUT_MILLIS);
            return new Check("local.s2s-listener", Verdict.PASS, title,
                List.of(new Evidence(source, Text.of("troubleshoot.listener.up", (System.nanoTime() - start) / 1_000_000))), null);
        } catch (IOException e) {
            return new Check("local.s2s-listener", Verdict.FAIL, title,
                List.of(new Evidence(source, Text.of("troubleshoot.listener.down", String.valueOf(e.getMessage())))),
                Text.of("action.local.s2s-listener.down"));
        }
    }

    /**
     * Exceptions that change nothing because the nearest wildcard covering them already decides the
     * same for both directions: O(exceptions × labels).
     */
    public static Check shadowed(FederationPolicy policy) {
        Map<String, Direction> wildcards = new HashMap<>();
        for (PolicyException e : policy.exceptions()) {
            if (e.pattern().wildcard()) {
                wildcards.put(e.pattern().domain(), e.direction());
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        int count = 0;
        for (PolicyException e : policy.exceptions()) {
            String cover = coveringWildcard(e.pattern(), wildcards);
            if (cover == null) {
                continue;
            }
            boolean same = true;
            for (Direction t : Direction.TRAFFIC) {
                boolean withoutX = decidedBy(e.pattern(), wildcards, t);
                boolean withX = e.direction().covers(t) || withoutX;
                same &= withX == withoutX;
            }
            if (same) {
                count++;
                if (evidence.size() < LISTED) {
                    evidence.add(new Evidence(Text.of("troubleshoot.source.exception", e.pattern() + " (" + e.direction() + ")"),
                        Text.of("troubleshoot.policy.shadowed", "*." + cover, wildcards.get(cover).name())));
                }
            }
        }
        if (count > LISTED) {
            evidence.add(new Evidence(Text.of("troubleshoot.source.policy"), Text.of("troubleshoot.more", count - LISTED)));
        }
        return new Check("policy.shadowed", count == 0 ? Verdict.PASS : Verdict.WARN, Text.of("check.policy.shadowed"),
            count == 0 ? List.of(new Evidence(Text.of("troubleshoot.source.policy"), Text.of("troubleshoot.policy.exceptions", policy.exceptions().size())))
                : evidence, count == 0 ? null : Text.of("action.policy.shadowed"));
    }

    /** The base of the most specific wildcard (other than the pattern itself) that covers {@code p}, or null. */
    private static String coveringWildcard(DomainPattern p, Map<String, Direction> wildcards) {
        String d = p.wildcard() ? parent(p.domain()) : p.domain();
        while (d != null) {
            if (wildcards.containsKey(d)) {
                return d;
            }
            d = parent(d);
        }
        return null;
    }

    /** Whether some wildcard wider than {@code p} inverts the default for traffic {@code t}. */
    private static boolean decidedBy(DomainPattern p, Map<String, Direction> wildcards, Direction t) {
        String d = p.wildcard() ? parent(p.domain()) : p.domain();
        while (d != null) {
            Direction w = wildcards.get(d);
            if (w != null && w.covers(t)) {
                return true;
            }
            d = parent(d);
        }
        return false;
    }

    private static String parent(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? null : domain.substring(dot + 1);
    }

    /** Exceptions whose pattern covers a name of our own: the policy never applies to local traffic. */
    public static Check ownNames(FederationPolicy policy, List<String> ourNames) {
        List<Evidence> evidence = new ArrayList<>();
        for (PolicyException e : policy.exceptions()) {
            for (String name : ourNames) {
                if (e.pattern().matches(name)) {
                    evidence.add(new Evidence(Text.of("troubleshoot.source.exception", e.pattern() + " (" + e.direction() + ")"),
                        Text.of("troubleshoot.policy.own-name", name)));
                }
            }
        }
        Verdict v = evidence.isEmpty() ? Verdict.PASS : Verdict.WARN;
        if (evidence.isEmpty()) {
            evidence.add(new Evidence(Text.of("troubleshoot.source.policy"), Text.of("troubleshoot.policy.no-own-names", String.join(", ", ourNames))));
        }
        return new Check("policy.own-names", v, Text.of("check.policy.own-names"), evidence.subList(0, Math.min(LISTED, evidence.size())),
            v == Verdict.PASS ? null : Text.of("action.policy.own-names"));
    }

    /**
     * Static routes to domains the policy denies outgoing traffic to: nothing is ever sent along them
     * (denied both ways, the route is dead; denied outgoing only, it is used at most to verify the
     * partner's incoming dialback connections). Judged with the policy in force, so that a domain
     * allowed because of its routes ("Routes are allowed automatically") passes. O(routed domains).
     */
    public static Check deniedRoutes(FederationPolicy policy, StaticRoutes routes) {
        Text title = Text.of("check.policy.denied-routes");
        Text source = Text.of("troubleshoot.source.routes");
        if (routes.routes().isEmpty()) {
            return new Check("policy.denied-routes", Verdict.PASS, title, List.of(new Evidence(source, Text.of("troubleshoot.routes.none"))), null);
        }
        if (!routes.enabled()) {
            return new Check("policy.denied-routes", Verdict.PASS, title,
                List.of(new Evidence(source, Text.of("troubleshoot.routes.off", routes.domains().size()))), null);
        }
        if (!policy.enabled()) {
            return new Check("policy.denied-routes", Verdict.PASS, title,
                List.of(new Evidence(source, Text.of("troubleshoot.routes.federation-off", routes.domains().size()))), null);
        }
        List<Evidence> evidence = new ArrayList<>();
        int count = 0;
        for (String domain : new TreeSet<>(routes.domains())) {
            Decision out = policy.decide(domain, Direction.OUTGOING);
            if (out.allowed()) {
                continue;
            }
            count++;
            if (evidence.size() < LISTED) {
                boolean incoming = policy.decide(domain, Direction.INCOMING).allowed();
                List<String> targets = routes.configuredFor(domain).stream().map(RouteTarget::toString).toList();
                String rule = out.reason() == DecisionReason.EXCEPTION
                    ? out.exception().pattern() + " (" + out.exception().direction().name() + ")" : policy.defaultPolicy().name();
                String kind = out.reason() == DecisionReason.EXCEPTION ? "exception" : "default";
                evidence.add(new Evidence(Text.of("troubleshoot.source.route", domain + " \u2192 " + String.join(", ", targets)),
                    Text.of("troubleshoot.route.denied." + (incoming ? "out." : "both.") + kind, domain, rule)));
            }
        }
        if (count > LISTED) {
            evidence.add(new Evidence(source, Text.of("troubleshoot.more", count - LISTED)));
        }
        if (count == 0) {
            return new Check("policy.denied-routes", Verdict.PASS, title, List.of(new Evidence(source,
                Text.of(routes.allowedAutomatically() ? "troubleshoot.routes.allowed.auto" : "troubleshoot.routes.allowed", routes.domains().size()))),
                null);
        }
        return new Check("policy.denied-routes", Verdict.WARN, title, evidence, Text.of("action.policy.denied-routes"));
    }

    /** Email addresses that several users have: none of them can federate by email. */
    public static Check sharedEmails(Map<String, Set<String>> shared) {
        List<Evidence> evidence = new ArrayList<>();
        new TreeMap<>(shared).forEach((address, users) -> {
            if (evidence.size() < LISTED) {
                evidence.add(new Evidence(Text.of("troubleshoot.source.email", address),
                    Text.of("troubleshoot.email.shared", String.join(", ", new TreeSet<>(users)))));
            }
        });
        if (shared.size() > LISTED) {
            evidence.add(new Evidence(Text.of("troubleshoot.source.users"), Text.of("troubleshoot.more", shared.size() - LISTED)));
        }
        Verdict v = shared.isEmpty() ? Verdict.PASS : Verdict.WARN;
        if (shared.isEmpty()) {
            evidence.add(new Evidence(Text.of("troubleshoot.source.users"), Text.of("troubleshoot.email.none-shared")));
        }
        return new Check("email.shared", v, Text.of("check.email.shared"), evidence, v == Verdict.PASS ? null : Text.of("action.email.shared"));
    }

    /** Openfire's own allow/block list against what the policy requires of it (the connection gate). */
    public static Check openfirePermissions(FederationPolicy policy, Boolean whitelist, Map<String, Boolean> entries) {
        Text title = Text.of("check.local.openfire-permissions");
        Text source = Text.of("troubleshoot.source.openfire-permissions");
        if (whitelist == null) {
            return new Check("local.openfire-permissions", Verdict.WARN, title,
                List.of(new Evidence(source, Text.of("troubleshoot.permissions.unreadable"))), Text.of("action.local.openfire-permissions"));
        }
        ConnectionGatePlan plan = ConnectionGatePlan.of(policy);
        List<Evidence> evidence = new ArrayList<>();
        if (plan.whitelist() != whitelist) {
            evidence.add(new Evidence(source, Text.of("troubleshoot.permissions.mode", whitelist ? "whitelist" : "blacklist",
                plan.whitelist() ? "whitelist" : "blacklist")));
        }
        Set<String> all = new TreeSet<>(plan.entries().keySet());
        all.addAll(entries.keySet());
        for (String domain : all) {
            Boolean want = plan.entries().get(domain);
            Boolean have = entries.get(domain);
            if (!java.util.Objects.equals(want, have) && evidence.size() < LISTED) {
                evidence.add(new Evidence(Text.of("troubleshoot.source.domain", domain), Text.of("troubleshoot.permissions.entry",
                    word(have), word(want))));
            }
        }
        Verdict v = evidence.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        if (evidence.isEmpty()) {
            evidence.add(new Evidence(source, Text.of("troubleshoot.permissions.same", entries.size())));
        }
        return new Check("local.openfire-permissions", v, title, evidence, v == Verdict.PASS ? null : Text.of("action.local.openfire-permissions"));
    }

    private static String word(Boolean allowed) {
        return allowed == null ? "\u2014" : allowed ? "allow" : "block";
    }
}
