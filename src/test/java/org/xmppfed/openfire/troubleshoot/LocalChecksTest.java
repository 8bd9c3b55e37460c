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
import org.xmppfed.openfire.policy.ConnectionGatePlan;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyException;

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

    private static LocalFacts facts(boolean enabled, int port) {
        return new LocalFacts("ours.example", "xmpp.ours.example", List.of(), enabled, "127.0.0.1", port, -1, Set.of(),
            FederationPolicy.lockdown(), Map.of(), true, Map.of());
    }
}
