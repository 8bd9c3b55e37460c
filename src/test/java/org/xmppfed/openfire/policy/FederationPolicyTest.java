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
package org.xmppfed.openfire.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FederationPolicyTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static PolicyException ex(String pattern, Direction d) {
        return PolicyException.of(pattern, d, T);
    }

    /** default × exception direction × traffic direction, for an exact exception on the domain. */
    static Stream<Arguments> singleExceptionTable() {
        List<Arguments> rows = new ArrayList<>();
        for (DefaultPolicy def : DefaultPolicy.values()) {
            for (Direction exDir : Direction.values()) {
                for (Direction traffic : Direction.TRAFFIC) {
                    boolean covered = exDir.covers(traffic);
                    boolean expected = covered != def.allows();
                    rows.add(Arguments.of(def, exDir, traffic, expected, covered));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "default {0}, exception {1}, traffic {2} -> allowed={3}")
    @MethodSource("singleExceptionTable")
    void anExceptionInvertsTheDefaultForTheTrafficItCovers(DefaultPolicy def, Direction exDir, Direction traffic,
                                                            boolean expected, boolean covered) {
        FederationPolicy p = FederationPolicy.of(true, def, List.of(ex("partner.example", exDir)));
        Decision d = p.decide("partner.example", traffic);
        assertEquals(expected, d.allowed());
        assertEquals(traffic, d.direction());
        assertEquals(covered ? DecisionReason.EXCEPTION : DecisionReason.DEFAULT_POLICY, d.reason());
        // the same rule applied through a wildcard on the domain's parent
        FederationPolicy w = FederationPolicy.of(true, def, List.of(ex("*.example", exDir)));
        assertEquals(expected, w.decide("partner.example", traffic).allowed());
        assertEquals(expected, w.decide("example", traffic).allowed(), "*.example matches example itself");
        // unrelated domains follow the default
        assertEquals(def.allows(), p.decide("other.example", traffic).allowed());
        assertEquals(def.allows(), w.decide("example.org", traffic).allowed());
    }

    @Test
    void denyWithIncomingExceptionReceivesButDoesNotSend() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(ex("partner.com", Direction.INCOMING)));
        assertTrue(p.decide("partner.com", Direction.INCOMING).allowed());
        assertFalse(p.decide("partner.com", Direction.OUTGOING).allowed());
        assertTrue(p.connectionAllowed("partner.com"));
        assertFalse(p.connectionAllowed("other.com"));
    }

    static Stream<Arguments> precedenceTable() {
        // pattern set used by every row
        return Stream.of(
            // domain, traffic, expected allowed, expected deciding pattern (null = default)
            Arguments.of("example.com", Direction.INCOMING, true, "*.example.com"),
            Arguments.of("a.example.com", Direction.INCOMING, true, "*.example.com"),
            Arguments.of("x.a.example.com", Direction.INCOMING, true, "*.example.com"),
            Arguments.of("b.example.com", Direction.INCOMING, true, "*.example.com"),
            // exact wins over wildcard, but only for the direction it covers
            Arguments.of("exact.example.com", Direction.OUTGOING, true, "exact.example.com"),
            Arguments.of("exact.example.com", Direction.INCOMING, true, "*.example.com"),
            // exact does not reach subdomains
            Arguments.of("sub.exact.example.com", Direction.OUTGOING, false, null),
            Arguments.of("sub.exact.example.com", Direction.INCOMING, true, "*.example.com"),
            // a longer wildcard beats a shorter one when it covers the direction
            Arguments.of("deep.example.com", Direction.OUTGOING, true, "*.deep.example.com"),
            Arguments.of("x.deep.example.com", Direction.OUTGOING, true, "*.deep.example.com"),
            Arguments.of("x.deep.example.com", Direction.INCOMING, true, "*.example.com"),
            // the longer wildcard that covers both directions takes over from the shorter one
            Arguments.of("y.both.example.com", Direction.OUTGOING, true, "*.both.example.com"),
            Arguments.of("y.both.example.com", Direction.INCOMING, true, "*.both.example.com"),
            // suffix must be label-aligned
            Arguments.of("notexample.com", Direction.INCOMING, false, null),
            Arguments.of("example.com.evil", Direction.INCOMING, false, null),
            Arguments.of("com", Direction.INCOMING, false, null));
    }

    @ParameterizedTest(name = "{0} {1} -> allowed={2} by {3}")
    @MethodSource("precedenceTable")
    void mostSpecificCoveringPatternDecides(String domain, Direction traffic, boolean allowed, String rule) {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(
            ex("*.example.com", Direction.INCOMING),
            ex("exact.example.com", Direction.OUTGOING),
            ex("*.deep.example.com", Direction.OUTGOING),
            ex("*.both.example.com", Direction.BOTH)));
        Decision d = p.decide(domain, traffic);
        assertEquals(allowed, d.allowed());
        if (rule == null) {
            assertEquals(DecisionReason.DEFAULT_POLICY, d.reason());
            assertNull(d.exception());
        } else {
            assertEquals(rule, d.exception().pattern().toString());
        }
    }

    @Test
    void underAllowExceptionsDenyAndSpecificityStillWins() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of(
            ex("*.evil.example", Direction.BOTH),
            ex("good.evil.example", Direction.BOTH)));
        assertFalse(p.decide("x.evil.example", Direction.INCOMING).allowed());
        assertFalse(p.decide("evil.example", Direction.OUTGOING).allowed());
        // an exact exception under ALLOW also denies: it cannot re-allow a subdomain of a denied wildcard
        assertFalse(p.decide("good.evil.example", Direction.OUTGOING).allowed());
        assertEquals("good.evil.example", p.decide("good.evil.example", Direction.OUTGOING).exception().pattern().toString());
        assertTrue(p.decide("fine.example", Direction.OUTGOING).allowed());
    }

    @Test
    void federationOffDeniesEverything() {
        FederationPolicy p = FederationPolicy.of(false, DefaultPolicy.ALLOW, List.of(ex("partner.example", Direction.BOTH)));
        for (Direction t : Direction.TRAFFIC) {
            Decision d = p.decide("partner.example", t);
            assertFalse(d.allowed());
            assertEquals(DecisionReason.FEDERATION_OFF, d.reason());
        }
        assertFalse(p.connectionAllowed("anything.example"));
    }

    @Test
    void lockdownDeniesEverything() {
        FederationPolicy p = FederationPolicy.lockdown();
        assertTrue(p.enabled());
        assertEquals(DefaultPolicy.DENY, p.defaultPolicy());
        assertFalse(p.decide("partner.example", Direction.INCOMING).allowed());
        assertFalse(p.decide("partner.example", Direction.OUTGOING).allowed());
    }

    @Test
    void remoteDomainsAreNormalisedBeforeLookupAndInvalidOnesAreDenied() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(
            ex("partner.example", Direction.BOTH), ex("bücher.example", Direction.BOTH)));
        assertTrue(p.decide("Partner.Example.", Direction.INCOMING).allowed());
        assertTrue(p.decide("bücher.example", Direction.INCOMING).allowed());
        assertTrue(p.decide("xn--bcher-kva.example", Direction.OUTGOING).allowed());
        Decision bad = p.decide("bad domain", Direction.INCOMING);
        assertFalse(bad.allowed());
        assertEquals(DecisionReason.INVALID_DOMAIN, bad.reason());
        FederationPolicy allowAll = FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of());
        assertFalse(allowAll.decide("", Direction.INCOMING).allowed(), "fail closed on garbage even under ALLOW");
        assertFalse(allowAll.decide(null, Direction.OUTGOING).allowed());
    }

    @Test
    void decisionsAreBuiltInAdvance() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(ex("*.example.com", Direction.BOTH)));
        assertSame(p.decide("a.example.com", Direction.INCOMING), p.decide("b.example.com", Direction.INCOMING));
        assertSame(p.decide("x.org", Direction.OUTGOING), p.decide("y.org", Direction.OUTGOING));
    }

    @Test
    void duplicatePatternsAreRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FederationPolicy.of(true, DefaultPolicy.DENY,
            List.of(ex("a.example", Direction.BOTH), ex("A.example.", Direction.INCOMING))));
        assertEquals("The exception a.example appears twice.", e.getMessage());
        // an exact pattern and a wildcard on the same base are different patterns
        FederationPolicy.of(true, DefaultPolicy.DENY, List.of(ex("a.example", Direction.BOTH), ex("*.a.example", Direction.INCOMING)));
    }

    @Test
    void trafficMustBeIncomingOrOutgoing() {
        assertThrows(IllegalArgumentException.class, () -> FederationPolicy.lockdown().decide("a.example", Direction.BOTH));
    }

    @Test
    void largePolicyAgreesWithANaiveScan() {
        List<PolicyException> all = new ArrayList<>();
        Direction[] dirs = Direction.values();
        for (int i = 0; i < 5000; i++) {
            all.add(ex((i % 3 == 0 ? "*." : "") + "d" + i + ".zone" + (i % 17) + ".example", dirs[i % 3]));
        }
        for (int z = 0; z < 17; z += 2) {
            all.add(ex("*.zone" + z + ".example", dirs[z % 3]));
        }
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, all);
        java.util.Random rnd = new java.util.Random(42);
        for (int n = 0; n < 20000; n++) {
            int i = rnd.nextInt(6000);
            String domain = (rnd.nextBoolean() ? "h" + rnd.nextInt(3) + "." : "") + "d" + i + ".zone" + (i % 17) + ".example";
            for (Direction t : Direction.TRAFFIC) {
                assertEquals(naive(all, DefaultPolicy.DENY, domain, t), p.decide(domain, t).allowed(), domain + " " + t);
            }
        }
    }

    /** The specification read literally: most specific matching pattern that covers the direction. */
    private static boolean naive(List<PolicyException> all, DefaultPolicy def, String domain, Direction t) {
        PolicyException best = null;
        for (PolicyException e : all) {
            if (!e.pattern().matches(domain) || !e.direction().covers(t)) {
                continue;
            }
            if (best == null || moreSpecific(e.pattern(), best.pattern())) {
                best = e;
            }
        }
        return best == null ? def.allows() : !def.allows();
    }

    private static boolean moreSpecific(DomainPattern a, DomainPattern b) {
        if (!a.wildcard() && b.wildcard()) {
            return true;
        }
        if (a.wildcard() && !b.wildcard()) {
            return false;
        }
        return a.domain().length() > b.domain().length();
    }
}
