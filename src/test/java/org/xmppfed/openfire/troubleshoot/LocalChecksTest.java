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
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.policy.ConnectionGatePlan;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoute;
import org.xmppfed.openfire.route.StaticRoutes;

class LocalChecksTest {
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    private static FederationPolicy policy(DefaultPolicy d, Object... patternDirection) {
        List<PolicyException> list = new java.util.ArrayList<>();
        for (int i = 0; i < patternDirection.length; i += 2) {
            list.add(PolicyException.of((String) patternDirection[i], (Direction) patternDirection[i + 1], T));
        }
        return FederationPolicy.of(true, d, list);
    }

    private static String evidence(Check c) {
        return c.evidence().stream().map(e -> e.source().render(Locale.ENGLISH) + ": " + e.what().render(Locale.ENGLISH))
            .collect(Collectors.joining("\n"));
    }

    @Test
    void anExceptionTheCoveringWildcardAlreadyDecidesIsShadowed() {
        FederationPolicy p = policy(DefaultPolicy.DENY,
            "*.example.com", Direction.BOTH,
            "a.example.com", Direction.INCOMING,    // shadowed: the wildcard allows both ways already
            "*.b.example.com", Direction.BOTH,      // shadowed wildcard
            "partner.org", Direction.BOTH,          // no wildcard over it
            "*.net", Direction.INCOMING,
            "x.net", Direction.OUTGOING);           // adds outgoing: not shadowed
        Check c = LocalChecks.shadowed(p);
        assertEquals(Verdict.WARN, c.verdict());
        String shown = evidence(c);
        assertTrue(shown.contains("exception a.example.com (INCOMING): changes nothing: the wildcard *.example.com (BOTH)"), shown);
        assertTrue(shown.contains("exception *.b.example.com (BOTH)"), shown);
        assertEquals(2, c.evidence().size(), shown);
        assertEquals(Verdict.PASS, LocalChecks.shadowed(policy(DefaultPolicy.ALLOW, "partner.org", Direction.BOTH)).verdict());
    }

    @Test
    void exceptionsCoveringOurOwnNamesAreNamed() {
        FederationPolicy p = policy(DefaultPolicy.DENY, "*.ours.example", Direction.BOTH, "partner.org", Direction.BOTH);
        Check c = LocalChecks.ownNames(p, List.of("ours.example", "mail.example"));
        assertEquals(Verdict.WARN, c.verdict());
        assertTrue(evidence(c).contains("covers ours.example"), evidence(c));
        assertEquals(Verdict.PASS, LocalChecks.ownNames(p, List.of("mail.example")).verdict());
    }

    @Test
    void sharedEmailAddressesAreListedWithTheirUsers() {
        Check c = LocalChecks.sharedEmails(Map.of("team@mail.example", Set.of("bob", "alice")));
        assertEquals(Verdict.WARN, c.verdict());
        assertTrue(evidence(c).contains("team@mail.example: shared by alice, bob"), evidence(c));
        assertEquals(Verdict.PASS, LocalChecks.sharedEmails(Map.of()).verdict());
    }

    @Test
    void openfiresPermissionListIsComparedWithWhatThePolicyRequires() {
        FederationPolicy p = policy(DefaultPolicy.DENY, "partner.example", Direction.BOTH);
        ConnectionGatePlan plan = ConnectionGatePlan.of(p);
        assertEquals(Map.of("partner.example", true), plan.entries());
        assertEquals(Verdict.PASS, LocalChecks.openfirePermissions(p, plan.whitelist(), plan.entries()).verdict());
        Check c = LocalChecks.openfirePermissions(p, plan.whitelist(), Map.of("partner.example", false, "extra.example", false));
        assertEquals(Verdict.FAIL, c.verdict());
        assertTrue(evidence(c).contains("partner.example: Openfire: block, the policy requires: allow"), evidence(c));
        assertTrue(evidence(c).contains("extra.example: Openfire: block, the policy requires: \u2014"), evidence(c));
        assertTrue(evidence(LocalChecks.openfirePermissions(p, false, plan.entries())).contains("mode blacklist, the policy requires whitelist"));
        assertEquals(Verdict.WARN, LocalChecks.openfirePermissions(p, null, Map.of()).verdict());
    }

    @Test
    void theListenerRowConnects() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            LocalFacts up = facts(true, s.getLocalPort());
            assertEquals(Verdict.PASS, LocalChecks.listener(up).verdict());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        assertEquals(Verdict.FAIL, LocalChecks.listener(facts(true, closed)).verdict());
        Check off = LocalChecks.listener(facts(false, closed));
        assertEquals(Verdict.FAIL, off.verdict());
        assertTrue(evidence(off).contains("switched off"));
    }

    private static StaticRoutes routes(boolean enabled, boolean automatic, String... domainTarget) {
        List<StaticRoute> list = new java.util.ArrayList<>();
        for (int i = 0; i < domainTarget.length; i += 2) {
            list.add(new StaticRoute(domainTarget[i], RouteTarget.parse(domainTarget[i + 1]), T));
        }
        return StaticRoutes.of(enabled, automatic, list);
    }

    /** The policy as the plugin has it in force: with the routed domains when routes are allowed automatically. */
    private static FederationPolicy inForce(FederationPolicy p, StaticRoutes r) {
        return p.withRoutedDomains(r.automaticallyAllowed());
    }

    static List<Arguments> routeCases() {
        return List.of(
            // no routes, routes off, federation off: nothing to judge
            Arguments.of(policy(DefaultPolicy.DENY), routes(true, false), Verdict.PASS, "static routes: no static routes are configured"),
            Arguments.of(policy(DefaultPolicy.DENY), routes(false, false, "p.example", "127.0.0.9"), Verdict.PASS,
                "static routes are not in use (1 domains have routes)"),
            Arguments.of(FederationPolicy.of(false, DefaultPolicy.DENY, List.of()), routes(true, false, "p.example", "127.0.0.9"),
                Verdict.PASS, "federation is switched off"),
            // routes allowed automatically: the route itself allows the domain both ways, whatever the default and exceptions say
            Arguments.of(policy(DefaultPolicy.DENY, "p.example", Direction.BOTH), routes(true, true, "p.example", "127.0.0.9"),
                Verdict.PASS, "all 1 domains with routes are allowed (Routes are allowed automatically)"),
            Arguments.of(policy(DefaultPolicy.ALLOW, "p.example", Direction.BOTH), routes(true, true, "p.example", "127.0.0.9"),
                Verdict.PASS, "all 1 domains with routes are allowed"),
            // allowed outgoing by the default, an exception or a wildcard
            Arguments.of(policy(DefaultPolicy.ALLOW), routes(true, false, "p.example", "127.0.0.9"), Verdict.PASS,
                "the policy allows traffic to all 1 domains with routes"),
            Arguments.of(policy(DefaultPolicy.DENY, "p.example", Direction.OUTGOING), routes(true, false, "p.example", "127.0.0.9"),
                Verdict.PASS, "allows traffic to all 1"),
            Arguments.of(policy(DefaultPolicy.DENY, "*.example", Direction.BOTH), routes(true, false, "p.example", "127.0.0.9"),
                Verdict.PASS, "allows traffic to all 1"),
            // denied both ways: dead
            Arguments.of(policy(DefaultPolicy.DENY), routes(true, false, "p.example", "127.0.0.9:5270"), Verdict.WARN,
                "route p.example \u2192 127.0.0.9:5270: dead configuration: the default policy (DENY) denies p.example in both directions"),
            Arguments.of(policy(DefaultPolicy.ALLOW, "p.example", Direction.BOTH), routes(true, false, "p.example", "127.0.0.9",
                "p.example", "127.0.0.10"), Verdict.WARN, "route p.example \u2192 127.0.0.10:5269, 127.0.0.9:5269: dead configuration: the policy "
                + "exception p.example (BOTH) denies p.example in both directions"),
            Arguments.of(policy(DefaultPolicy.ALLOW, "*.example", Direction.BOTH), routes(true, false, "p.example", "127.0.0.9"),
                Verdict.WARN, "the policy exception *.example (BOTH) denies p.example in both directions"),
            // denied outgoing only: nothing sent along it, used at most for dialback checks of incoming connections
            Arguments.of(policy(DefaultPolicy.DENY, "p.example", Direction.INCOMING), routes(true, false, "p.example", "127.0.0.9"),
                Verdict.WARN, "the default policy (DENY) denies traffic to p.example and no exception allows it: nothing is sent along this route"),
            Arguments.of(policy(DefaultPolicy.ALLOW, "p.example", Direction.OUTGOING), routes(true, false, "p.example", "127.0.0.9"),
                Verdict.WARN, "the policy exception p.example (OUTGOING) denies traffic to p.example: nothing is sent along this route (it is used at "
                + "most to verify p.example's incoming dialback connections)"));
    }

    @ParameterizedTest
    @MethodSource("routeCases")
    void staticRoutesToDomainsThePolicyDeniesOutgoingAreNamedWithTheirRule(FederationPolicy p, StaticRoutes r,
                                                                           Verdict verdict, String shown) {
        Check c = LocalChecks.deniedRoutes(inForce(p, r), r);
        assertEquals("policy.denied-routes", c.id());
        assertEquals(verdict, c.verdict(), evidence(c));
        assertTrue(evidence(c).contains(shown), evidence(c));
        assertEquals(verdict == Verdict.PASS, c.action() == null);
        if (verdict == Verdict.WARN) {
            assertTrue(c.action().render(Locale.ENGLISH).contains("Delete the routes shown"), c.action().render(Locale.ENGLISH));
        }
    }

    @Test
    void onlyTheDeniedRoutesAreListedAndAtMostTwenty() {
        String[] pairs = new String[2 * 30 + 2];
        for (int i = 0; i < 30; i++) {
            pairs[2 * i] = "d" + i + ".example";
            pairs[2 * i + 1] = "127.0.0.9";
        }
        pairs[60] = "allowed.example";
        pairs[61] = "127.0.0.9";
        StaticRoutes r = routes(true, false, pairs);
        Check c = LocalChecks.deniedRoutes(policy(DefaultPolicy.DENY, "allowed.example", Direction.BOTH), r);
        assertEquals(Verdict.WARN, c.verdict());
        assertEquals(21, c.evidence().size(), evidence(c));
        assertTrue(evidence(c).endsWith("static routes: and 10 more"), evidence(c));
        assertTrue(!evidence(c).contains("allowed.example"), evidence(c));
    }

    private static LocalFacts facts(boolean enabled, int port) {
        return new LocalFacts("ours.example", "xmpp.ours.example", List.of(), enabled, "127.0.0.1", port, -1, Set.of(),
            FederationPolicy.lockdown(), Map.of(), true, Map.of(), StaticRoutes.none());
    }
}
