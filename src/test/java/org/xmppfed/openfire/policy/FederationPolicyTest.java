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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision function against the specification (SPEC.md §1). Every expectation in the tables is
 * written by hand: whether the traffic is allowed, which exception decided (pattern and direction)
 * and the rule text the policy tester shows. The randomised comparison uses a reference written
 * here on plain strings that calls nothing of the product.
 */
class FederationPolicyTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static final Direction BOTH = Direction.BOTH;
    private static final Direction INCOMING = Direction.INCOMING;
    private static final Direction OUTGOING = Direction.OUTGOING;
    private static final DefaultPolicy ALLOW = DefaultPolicy.ALLOW;
    private static final DefaultPolicy DENY = DefaultPolicy.DENY;
    private static final boolean ALLOWED = true;
    private static final boolean DENIED = false;
    /** "Decided by" column: no exception covered the traffic. */
    private static final String DEFAULT = "default";

    /** The administrator's words for the directions, as the English bundle has them. */
    private static final Map<String, String> DIRECTION_TEXT = Map.of(
        "BOTH", "Both directions", "INCOMING", "Incoming only", "OUTGOING", "Outgoing only");

    private static PolicyException ex(String pattern, Direction d) {
        return PolicyException.of(pattern, d, T);
    }

    /** The text of the "Decided by" column of the policy tester, rendered as PolicyServlet renders it. */
    private static String testerText(Decision d, DefaultPolicy def) {
        return switch (d.reason()) {
            case EXCEPTION -> Messages.english("reason.EXCEPTION", d.exception().pattern().toString(),
                Messages.english("direction." + d.exception().direction().name()));
            case DEFAULT_POLICY -> Messages.english("reason.DEFAULT_POLICY", def.name());
            default -> Messages.english("reason." + d.reason().name());
        };
    }

    /**
     * Asserts one decision against a hand-written expectation. {@code decidedBy} is {@value #DEFAULT}
     * or "pattern DIRECTION" of the deciding exception, e.g. {@code "*.a.example OUTGOING"}.
     */
    private static void assertDecision(Decision d, DefaultPolicy def, Direction traffic, boolean allowed, String decidedBy) {
        assertEquals(allowed, d.allowed(), "allowed");
        assertEquals(traffic, d.direction(), "direction of the traffic");
        if (decidedBy.equals(DEFAULT)) {
            assertEquals(DecisionReason.DEFAULT_POLICY, d.reason());
            assertNull(d.exception());
            assertEquals("default policy " + def.name(), d.ruleDescription(def));
            assertEquals("Default policy (" + def.name() + ")", testerText(d, def));
        } else {
            String pattern = decidedBy.substring(0, decidedBy.indexOf(' '));
            String direction = decidedBy.substring(decidedBy.indexOf(' ') + 1);
            assertEquals(DecisionReason.EXCEPTION, d.reason());
            assertEquals(decidedBy, d.exception().pattern() + " " + d.exception().direction(), "deciding exception");
            assertEquals("policy exception " + pattern + " (" + direction + ")", d.ruleDescription(def));
            assertEquals("Policy exception " + pattern + " (" + DIRECTION_TEXT.get(direction) + ")", testerText(d, def));
        }
    }

    // ---- one exception ----

    private static Arguments one(DefaultPolicy def, String pattern, Direction covers, String domain, Direction traffic,
                                 boolean allowed, String decidedBy) {
        return Arguments.of(def, pattern, covers, domain, traffic, allowed, decidedBy);
    }

    static Stream<Arguments> oneException() {
        return Stream.of(
            //  default exception                    remote domain      traffic   allowed  decided by
            one(DENY,  "partner.example", BOTH,     "partner.example", INCOMING, ALLOWED, "partner.example BOTH"),
            one(DENY,  "partner.example", BOTH,     "partner.example", OUTGOING, ALLOWED, "partner.example BOTH"),
            one(DENY,  "partner.example", INCOMING, "partner.example", INCOMING, ALLOWED, "partner.example INCOMING"),
            one(DENY,  "partner.example", INCOMING, "partner.example", OUTGOING, DENIED,  DEFAULT),
            one(DENY,  "partner.example", OUTGOING, "partner.example", INCOMING, DENIED,  DEFAULT),
            one(DENY,  "partner.example", OUTGOING, "partner.example", OUTGOING, ALLOWED, "partner.example OUTGOING"),
            one(ALLOW, "partner.example", BOTH,     "partner.example", INCOMING, DENIED,  "partner.example BOTH"),
            one(ALLOW, "partner.example", BOTH,     "partner.example", OUTGOING, DENIED,  "partner.example BOTH"),
            one(ALLOW, "partner.example", INCOMING, "partner.example", INCOMING, DENIED,  "partner.example INCOMING"),
            one(ALLOW, "partner.example", INCOMING, "partner.example", OUTGOING, ALLOWED, DEFAULT),
            one(ALLOW, "partner.example", OUTGOING, "partner.example", INCOMING, ALLOWED, DEFAULT),
            one(ALLOW, "partner.example", OUTGOING, "partner.example", OUTGOING, DENIED,  "partner.example OUTGOING"),
            // a wildcard covers subdomains of its base ...
            one(DENY,  "*.example", BOTH,     "partner.example", INCOMING, ALLOWED, "*.example BOTH"),
            one(DENY,  "*.example", INCOMING, "partner.example", INCOMING, ALLOWED, "*.example INCOMING"),
            one(DENY,  "*.example", INCOMING, "partner.example", OUTGOING, DENIED,  DEFAULT),
            one(DENY,  "*.example", OUTGOING, "a.b.example",     INCOMING, DENIED,  DEFAULT),
            one(DENY,  "*.example", OUTGOING, "a.b.example",     OUTGOING, ALLOWED, "*.example OUTGOING"),
            one(ALLOW, "*.example", BOTH,     "a.b.example",     OUTGOING, DENIED,  "*.example BOTH"),
            one(ALLOW, "*.example", INCOMING, "partner.example", INCOMING, DENIED,  "*.example INCOMING"),
            one(ALLOW, "*.example", OUTGOING, "partner.example", INCOMING, ALLOWED, DEFAULT),
            // ... and the base itself
            one(DENY,  "*.example", BOTH,     "example",         OUTGOING, ALLOWED, "*.example BOTH"),
            one(DENY,  "*.example", OUTGOING, "example",         INCOMING, DENIED,  DEFAULT),
            one(ALLOW, "*.example", INCOMING, "example",         INCOMING, DENIED,  "*.example INCOMING"),
            // what a pattern does not match follows the default
            one(DENY,  "partner.example", BOTH, "www.partner.example", INCOMING, DENIED,  DEFAULT),
            one(DENY,  "partner.example", BOTH, "other.example",       OUTGOING, DENIED,  DEFAULT),
            one(ALLOW, "partner.example", BOTH, "example",             INCOMING, ALLOWED, DEFAULT),
            one(DENY,  "*.example",       BOTH, "example.org",         INCOMING, DENIED,  DEFAULT),
            one(DENY,  "*.example",       BOTH, "notexample",          OUTGOING, DENIED,  DEFAULT),
            one(ALLOW, "*.example",       BOTH, "anexample",           INCOMING, ALLOWED, DEFAULT),
            one(ALLOW, "*.example",       BOTH, "example.com",         OUTGOING, ALLOWED, DEFAULT));
    }

    @ParameterizedTest(name = "[{index}] default {0}, exception {1} {2}: {3} {4} -> allowed={5} by {6}")
    @MethodSource("oneException")
    void anExceptionInvertsTheDefaultForTheTrafficItCovers(DefaultPolicy def, String pattern, Direction covers,
                                                            String domain, Direction traffic, boolean allowed, String decidedBy) {
        FederationPolicy p = FederationPolicy.of(true, def, List.of(ex(pattern, covers)));
        assertDecision(p.decide(domain, traffic), def, traffic, allowed, decidedBy);
    }

    @Test
    void denyWithIncomingExceptionReceivesButDoesNotSend() {
        FederationPolicy p = FederationPolicy.of(true, DENY, List.of(ex("partner.com", INCOMING)));
        assertTrue(p.decide("partner.com", INCOMING).allowed());
        assertFalse(p.decide("partner.com", OUTGOING).allowed());
        assertTrue(p.connectionAllowed("partner.com"));
        assertFalse(p.connectionAllowed("other.com"));
    }

    @Test
    void aConnectionIsAllowedWhenEitherDirectionIs() {
        FederationPolicy p = FederationPolicy.of(true, ALLOW, List.of(
            ex("in-denied.example", INCOMING), ex("out-denied.example", OUTGOING), ex("both-denied.example", BOTH)));
        assertTrue(p.connectionAllowed("in-denied.example"));
        assertTrue(p.connectionAllowed("out-denied.example"));
        assertFalse(p.connectionAllowed("both-denied.example"));
        assertTrue(p.connectionAllowed("other.example"));
    }

    // ---- precedence: which of several matching exceptions decides ----

    /** A policy the precedence rows are decided against. */
    record Scenario(String name, DefaultPolicy defaultPolicy, List<PolicyException> exceptions) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Nested wildcards three deep, with exact exceptions on some of their bases; exceptions allow. */
    private static final Scenario NESTED = new Scenario("nested", DENY, List.of(
        ex("*.a.example", BOTH),
        ex("*.b.a.example", OUTGOING),
        ex("*.c.b.a.example", BOTH),
        ex("b.a.example", INCOMING),
        ex("d.c.b.a.example", OUTGOING)));

    /** Exceptions that cover one direction under wider ones that cover both; exceptions deny. */
    private static final Scenario SHADOWS = new Scenario("shadows", ALLOW, List.of(
        ex("*.evil.example", BOTH),
        ex("good.evil.example", INCOMING),
        ex("*.in.evil.example", INCOMING),
        ex("*.corp.example", OUTGOING),
        ex("mail.corp.example", BOTH),
        ex("*.lab.corp.example", INCOMING)));

    /** An exact pattern and a wildcard on the same base name. */
    private static final Scenario SAME_BASE = new Scenario("same base", DENY, List.of(
        ex("partner.example", OUTGOING),
        ex("*.partner.example", BOTH),
        ex("shop.partner.example", BOTH),
        ex("*.example", INCOMING)));

    private static Arguments row(Scenario s, String domain, Direction traffic, boolean allowed, String decidedBy) {
        return Arguments.of(s, domain, traffic, allowed, decidedBy);
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
            //  scenario  remote domain        traffic   allowed  decided by
            row(NESTED, "a.example",           INCOMING, ALLOWED, "*.a.example BOTH"),
            row(NESTED, "x.a.example",         OUTGOING, ALLOWED, "*.a.example BOTH"),
            // exact beats the wildcard that covers the same direction
            row(NESTED, "b.a.example",         INCOMING, ALLOWED, "b.a.example INCOMING"),
            // the exact one does not cover OUTGOING: the longer of the two matching wildcards decides
            row(NESTED, "b.a.example",         OUTGOING, ALLOWED, "*.b.a.example OUTGOING"),
            row(NESTED, "x.b.a.example",       OUTGOING, ALLOWED, "*.b.a.example OUTGOING"),
            row(NESTED, "y.x.b.a.example",     OUTGOING, ALLOWED, "*.b.a.example OUTGOING"),
            // the longer wildcard does not cover INCOMING: the shorter one decides
            row(NESTED, "x.b.a.example",       INCOMING, ALLOWED, "*.a.example BOTH"),
            // the longest of three matching wildcards decides
            row(NESTED, "c.b.a.example",       INCOMING, ALLOWED, "*.c.b.a.example BOTH"),
            row(NESTED, "c.b.a.example",       OUTGOING, ALLOWED, "*.c.b.a.example BOTH"),
            row(NESTED, "z.c.b.a.example",     OUTGOING, ALLOWED, "*.c.b.a.example BOTH"),
            // exact beats three matching wildcards, in the direction it covers only
            row(NESTED, "d.c.b.a.example",     OUTGOING, ALLOWED, "d.c.b.a.example OUTGOING"),
            row(NESTED, "d.c.b.a.example",     INCOMING, ALLOWED, "*.c.b.a.example BOTH"),
            // an exact pattern does not reach subdomains
            row(NESTED, "e.d.c.b.a.example",   OUTGOING, ALLOWED, "*.c.b.a.example BOTH"),
            // suffixes count only at label boundaries: xb.a.example is not under b.a.example
            row(NESTED, "xb.a.example",        OUTGOING, ALLOWED, "*.a.example BOTH"),
            row(NESTED, "xc.b.a.example",      INCOMING, ALLOWED, "*.a.example BOTH"),
            row(NESTED, "a.example.org",       INCOMING, DENIED,  DEFAULT),
            row(NESTED, "example",             OUTGOING, DENIED,  DEFAULT),

            // exact INCOMING inside wildcard BOTH: INCOMING by the exact one, OUTGOING by the wildcard
            row(SHADOWS, "good.evil.example",   INCOMING, DENIED,  "good.evil.example INCOMING"),
            row(SHADOWS, "good.evil.example",   OUTGOING, DENIED,  "*.evil.example BOTH"),
            row(SHADOWS, "x.good.evil.example", INCOMING, DENIED,  "*.evil.example BOTH"),
            // wildcard INCOMING inside wildcard BOTH
            row(SHADOWS, "in.evil.example",     INCOMING, DENIED,  "*.in.evil.example INCOMING"),
            row(SHADOWS, "x.in.evil.example",   INCOMING, DENIED,  "*.in.evil.example INCOMING"),
            row(SHADOWS, "x.in.evil.example",   OUTGOING, DENIED,  "*.evil.example BOTH"),
            // wildcard OUTGOING alone: INCOMING falls through to the default
            row(SHADOWS, "corp.example",        INCOMING, ALLOWED, DEFAULT),
            row(SHADOWS, "x.corp.example",      OUTGOING, DENIED,  "*.corp.example OUTGOING"),
            // exact BOTH inside wildcard OUTGOING
            row(SHADOWS, "mail.corp.example",   INCOMING, DENIED,  "mail.corp.example BOTH"),
            row(SHADOWS, "mail.corp.example",   OUTGOING, DENIED,  "mail.corp.example BOTH"),
            row(SHADOWS, "x.mail.corp.example", INCOMING, ALLOWED, DEFAULT),
            row(SHADOWS, "x.mail.corp.example", OUTGOING, DENIED,  "*.corp.example OUTGOING"),
            // wildcard INCOMING inside wildcard OUTGOING: each decides its own direction
            row(SHADOWS, "x.lab.corp.example",  INCOMING, DENIED,  "*.lab.corp.example INCOMING"),
            row(SHADOWS, "x.lab.corp.example",  OUTGOING, DENIED,  "*.corp.example OUTGOING"),
            row(SHADOWS, "evil.example.net",    INCOMING, ALLOWED, DEFAULT),

            // exact and wildcard on the same base
            row(SAME_BASE, "partner.example",      OUTGOING, ALLOWED, "partner.example OUTGOING"),
            row(SAME_BASE, "partner.example",      INCOMING, ALLOWED, "*.partner.example BOTH"),
            row(SAME_BASE, "www.partner.example",  OUTGOING, ALLOWED, "*.partner.example BOTH"),
            row(SAME_BASE, "shop.partner.example", INCOMING, ALLOWED, "shop.partner.example BOTH"),
            row(SAME_BASE, "other.example",        INCOMING, ALLOWED, "*.example INCOMING"),
            row(SAME_BASE, "other.example",        OUTGOING, DENIED,  DEFAULT),
            row(SAME_BASE, "example",              INCOMING, ALLOWED, "*.example INCOMING"),
            row(SAME_BASE, "example",              OUTGOING, DENIED,  DEFAULT));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} {2} -> allowed={3} by {4}")
    @MethodSource("precedence")
    void theMostSpecificCoveringExceptionDecides(Scenario s, String domain, Direction traffic, boolean allowed, String decidedBy) {
        FederationPolicy p = FederationPolicy.of(true, s.defaultPolicy(), s.exceptions());
        assertDecision(p.decide(domain, traffic), s.defaultPolicy(), traffic, allowed, decidedBy);

        List<PolicyException> reversed = new ArrayList<>(s.exceptions());
        Collections.reverse(reversed);
        assertDecision(FederationPolicy.of(true, s.defaultPolicy(), reversed).decide(domain, traffic),
            s.defaultPolicy(), traffic, allowed, decidedBy);
    }

    // ---- switch, lockdown, invalid input ----

    @Test
    void federationOffDeniesEverything() {
        FederationPolicy p = FederationPolicy.of(false, ALLOW, List.of(ex("partner.example", BOTH)));
        for (Direction t : List.of(INCOMING, OUTGOING)) {
            Decision d = p.decide("partner.example", t);
            assertFalse(d.allowed());
            assertEquals(t, d.direction());
            assertEquals(DecisionReason.FEDERATION_OFF, d.reason());
            assertNull(d.exception());
            assertEquals("federation is switched off", d.ruleDescription(ALLOW));
            assertEquals("Federation is switched off", testerText(d, ALLOW));
        }
        assertFalse(p.connectionAllowed("anything.example"));
        assertFalse(p.enabled());
    }

    @Test
    void lockdownDeniesEverything() {
        FederationPolicy p = FederationPolicy.lockdown();
        assertTrue(p.enabled());
        assertEquals(DENY, p.defaultPolicy());
        assertEquals(List.of(), p.exceptions());
        assertDecision(p.decide("partner.example", INCOMING), DENY, INCOMING, DENIED, DEFAULT);
        assertDecision(p.decide("partner.example", OUTGOING), DENY, OUTGOING, DENIED, DEFAULT);
    }

    @Test
    void remoteDomainsAreNormalisedBeforeLookupAndInvalidOnesAreDenied() {
        FederationPolicy p = FederationPolicy.of(true, DENY, List.of(
            ex("partner.example", BOTH), ex("bücher.example", BOTH)));
        assertDecision(p.decide("Partner.Example.", INCOMING), DENY, INCOMING, ALLOWED, "partner.example BOTH");
        assertDecision(p.decide("partner.example.", OUTGOING), DENY, OUTGOING, ALLOWED, "partner.example BOTH");
        assertDecision(p.decide("bücher.example", INCOMING), DENY, INCOMING, ALLOWED, "xn--bcher-kva.example BOTH");
        assertDecision(p.decide("xn--bcher-kva.example", OUTGOING), DENY, OUTGOING, ALLOWED, "xn--bcher-kva.example BOTH");
        Decision bad = p.decide("bad domain", INCOMING);
        assertFalse(bad.allowed());
        assertEquals(DecisionReason.INVALID_DOMAIN, bad.reason());
        assertEquals(INCOMING, bad.direction());
        assertEquals("the remote domain is not a valid domain name", bad.ruleDescription(DENY));
        assertEquals("Not a valid domain name (denied)", testerText(bad, DENY));
        FederationPolicy allowAll = FederationPolicy.of(true, ALLOW, List.of());
        assertEquals(DecisionReason.INVALID_DOMAIN, allowAll.decide("", INCOMING).reason(), "fail closed on garbage even under ALLOW");
        assertFalse(allowAll.decide("", INCOMING).allowed());
        assertFalse(allowAll.decide(null, OUTGOING).allowed());
        assertEquals(OUTGOING, allowAll.decide(null, OUTGOING).direction());
        assertTrue(allowAll.decide("fine.example", OUTGOING).allowed());
    }

    @Test
    void decisionsAreBuiltInAdvance() {
        FederationPolicy p = FederationPolicy.of(true, DENY, List.of(ex("*.example.com", BOTH)));
        assertSame(p.decide("a.example.com", INCOMING), p.decide("b.example.com", INCOMING));
        assertSame(p.decide("x.org", OUTGOING), p.decide("y.org", OUTGOING));
    }

    @Test
    void duplicatePatternsAreRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FederationPolicy.of(true, DENY,
            List.of(ex("a.example", BOTH), ex("A.example.", INCOMING))));
        assertEquals("The exception a.example appears twice.", e.getMessage());
        InvalidInputException w = assertThrows(InvalidInputException.class, () -> FederationPolicy.of(true, DENY,
            List.of(ex("*.a.example", BOTH), ex("*.A.example", OUTGOING))));
        assertEquals("The exception *.a.example appears twice.", w.getMessage());
    }

    @Test
    void anExactPatternAndAWildcardOnTheSameBaseAreTwoExceptions() {
        FederationPolicy p = FederationPolicy.of(true, DENY, List.of(ex("a.example", OUTGOING), ex("*.a.example", INCOMING)));
        assertEquals(List.of("a.example OUTGOING", "*.a.example INCOMING"),
            p.exceptions().stream().map(e -> e.pattern() + " " + e.direction()).toList());
        assertDecision(p.decide("a.example", OUTGOING), DENY, OUTGOING, ALLOWED, "a.example OUTGOING");
        assertDecision(p.decide("a.example", INCOMING), DENY, INCOMING, ALLOWED, "*.a.example INCOMING");
    }

    @Test
    void exceptionsAreListedTopLevelLabelFirst() {
        FederationPolicy p = FederationPolicy.of(true, DENY, List.of(
            ex("b.example.org", BOTH), ex("*.example.com", BOTH), ex("a.example.org", BOTH), ex("example.com", BOTH),
            ex("z.example.com", BOTH)));
        assertEquals(List.of("example.com", "*.example.com", "z.example.com", "a.example.org", "b.example.org"),
            p.exceptions().stream().map(e -> e.pattern().toString()).toList());
    }

    @Test
    void trafficMustBeIncomingOrOutgoing() {
        assertThrows(IllegalArgumentException.class, () -> FederationPolicy.lockdown().decide("a.example", BOTH));
        assertThrows(IllegalArgumentException.class,
            () -> FederationPolicy.of(false, ALLOW, List.of()).decide("a.example", BOTH));
    }

    // ---- the same semantics on thousands of random policies, against a reference written here ----

    /** Directions of the reference, deliberately not the product's type. */
    private enum Way { BOTH, INCOMING, OUTGOING }

    private record RefException(String pattern, Way way) {
    }

    /** The reference's answer: the deciding exception, or null when the default applies. */
    private static RefException reference(List<RefException> exceptions, String domain, Way traffic) {
        RefException best = null;
        int bestRank = -1;
        for (RefException e : exceptions) {
            if (!refMatches(e.pattern(), domain) || !refCovers(e.way(), traffic)) {
                continue;
            }
            int rank = refSpecificity(e.pattern());
            if (rank == bestRank) {
                throw new IllegalStateException("two exceptions equally specific for " + domain + ": " + best + ", " + e);
            }
            if (rank > bestRank) {
                best = e;
                bestRank = rank;
            }
        }
        return best;
    }

    /** "*.x.y" matches "x.y" and every name ending in ".x.y"; anything else matches only itself. */
    private static boolean refMatches(String pattern, String domain) {
        if (pattern.startsWith("*.")) {
            String base = pattern.substring(2);
            return domain.equals(base) || domain.endsWith("." + base);
        }
        return domain.equals(pattern);
    }

    private static boolean refCovers(Way exception, Way traffic) {
        return switch (exception) {
            case BOTH -> true;
            case INCOMING -> traffic == Way.INCOMING;
            case OUTGOING -> traffic == Way.OUTGOING;
        };
    }

    /** Exact beats any wildcard; among wildcards, more labels in the base is more specific. */
    private static int refSpecificity(String pattern) {
        if (!pattern.startsWith("*.")) {
            return Integer.MAX_VALUE;
        }
        int labels = 1;
        for (char c : pattern.substring(2).toCharArray()) {
            if (c == '.') {
                labels++;
            }
        }
        return labels;
    }

    /** Few, short labels so that patterns nest and overlap often; na and 0c collide in the product's hash. */
    private static final String[] LABELS = {"a", "b", "ab", "ba", "na", "0c", "x1"};
    private static final String[] TOPS = {"example", "test"};

    private static String randomName(Random rnd, int labels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels; i++) {
            sb.append(LABELS[rnd.nextInt(LABELS.length)]).append('.');
        }
        return sb.append(TOPS[rnd.nextInt(TOPS.length)]).toString();
    }

    private static void assertAgreesWithReference(List<RefException> refs, boolean defaultAllows, String domain, Way traffic,
                                                  FederationPolicy policy, String context) {
        RefException expected = reference(refs, domain, traffic);
        Decision d = policy.decide(domain, Direction.valueOf(traffic.name()));
        String where = context + ": " + domain + " " + traffic;
        assertEquals(expected == null ? defaultAllows : !defaultAllows, d.allowed(), where);
        assertEquals(expected == null ? null : expected.pattern() + " " + expected.way(),
            d.exception() == null ? null : d.exception().pattern() + " " + d.exception().direction(), where);
    }

    private static FederationPolicy toPolicy(boolean defaultAllows, List<RefException> refs) {
        List<PolicyException> exceptions = new ArrayList<>();
        for (RefException r : refs) {
            exceptions.add(ex(r.pattern(), Direction.valueOf(r.way().name())));
        }
        return FederationPolicy.of(true, defaultAllows ? ALLOW : DENY, exceptions);
    }

    @Test
    void randomPoliciesAgreeWithTheReference() {
        long seed = 20260101L;
        Random rnd = new Random(seed);
        Way[] ways = Way.values();
        for (int n = 0; n < 1000; n++) {
            Map<String, RefException> byPattern = new LinkedHashMap<>();
            int size = 1 + rnd.nextInt(12);
            while (byPattern.size() < size) {
                String pattern = (rnd.nextBoolean() ? "*." : "") + randomName(rnd, rnd.nextInt(4));
                byPattern.putIfAbsent(pattern, new RefException(pattern, ways[rnd.nextInt(ways.length)]));
            }
            List<RefException> refs = List.copyOf(byPattern.values());
            boolean defaultAllows = rnd.nextBoolean();
            FederationPolicy policy = toPolicy(defaultAllows, refs);
            for (int probe = 0; probe < 40; probe++) {
                String domain = randomName(rnd, rnd.nextInt(5));
                for (Way traffic : List.of(Way.INCOMING, Way.OUTGOING)) {
                    assertAgreesWithReference(refs, defaultAllows, domain, traffic, policy, "seed " + seed + ", policy " + n + " " + refs);
                }
            }
        }
    }

    @Test
    void aLargePolicyAgreesWithTheReference() {
        Way[] ways = Way.values();
        List<RefException> refs = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            refs.add(new RefException((i % 3 == 0 ? "*." : "") + "d" + i + ".zone" + (i % 17) + ".example", ways[i % 3]));
        }
        for (int z = 0; z < 17; z += 2) {
            refs.add(new RefException("*.zone" + z + ".example", ways[z % 3]));
        }
        FederationPolicy policy = toPolicy(false, refs);
        Random rnd = new Random(42);
        for (int n = 0; n < 2000; n++) {
            int i = rnd.nextInt(6000);
            String domain = (rnd.nextBoolean() ? "h" + rnd.nextInt(3) + "." : "") + "d" + i + ".zone" + (i % 17) + ".example";
            for (Way traffic : List.of(Way.INCOMING, Way.OUTGOING)) {
                assertAgreesWithReference(refs, false, domain, traffic, policy, "large policy");
            }
        }
    }

    /** The reference itself, on rows whose answers are written by hand. */
    @Test
    void theReferenceReadsTheSpecification() {
        List<RefException> refs = List.of(
            new RefException("*.a.example", Way.BOTH), new RefException("*.b.a.example", Way.OUTGOING),
            new RefException("b.a.example", Way.INCOMING));
        assertEquals(new RefException("b.a.example", Way.INCOMING), reference(refs, "b.a.example", Way.INCOMING));
        assertEquals(new RefException("*.b.a.example", Way.OUTGOING), reference(refs, "b.a.example", Way.OUTGOING));
        assertEquals(new RefException("*.a.example", Way.BOTH), reference(refs, "x.b.a.example", Way.INCOMING));
        assertEquals(new RefException("*.a.example", Way.BOTH), reference(refs, "xb.a.example", Way.OUTGOING));
        assertNull(reference(refs, "a.example.org", Way.INCOMING));
    }

    // ---- static routes, allowed automatically (SPEC §2): one more input, decided before any exception ----

    /** "Decided by" column: the domain's static route. */
    private static final String ROUTE = "route";
    private static final String OFF = "off";
    private static final String INVALID = "invalid";

    private static Arguments routed(boolean enabled, DefaultPolicy def, List<PolicyException> exceptions, java.util.Set<String> routes,
                                    String domain, Direction traffic, boolean allowed, String decidedBy) {
        return Arguments.of(enabled, def, exceptions, routes, domain, traffic, allowed, decidedBy);
    }

    static Stream<Arguments> staticRoutes() {
        java.util.Set<String> partner = java.util.Set.of("partner.example");
        List<PolicyException> none = List.of();
        return Stream.of(
            //     switch default exceptions                                       routed           domain                 traffic   allowed  decided by
            routed(true, DENY,  none,                                              partner,         "partner.example",     INCOMING, ALLOWED, ROUTE),
            routed(true, DENY,  none,                                              partner,         "partner.example",     OUTGOING, ALLOWED, ROUTE),
            routed(true, DENY,  none,                                              partner,         "PARTNER.example.",    OUTGOING, ALLOWED, ROUTE),
            // a route is for its exact domain: subdomains and parents follow the policy
            routed(true, DENY,  none,                                              partner,         "sub.partner.example", OUTGOING, DENIED,  DEFAULT),
            routed(true, DENY,  none,                                              partner,         "example",             INCOMING, DENIED,  DEFAULT),
            // a route beats an exact exception that denies, both ways
            routed(true, ALLOW, List.of(ex("partner.example", BOTH)),              partner,         "partner.example",     INCOMING, ALLOWED, ROUTE),
            routed(true, ALLOW, List.of(ex("partner.example", BOTH)),              partner,         "partner.example",     OUTGOING, ALLOWED, ROUTE),
            // ... and a wildcard that denies; the wildcard still decides for the domain's siblings
            routed(true, ALLOW, List.of(ex("*.partner.example", BOTH)),            java.util.Set.of("a.partner.example"), "a.partner.example", OUTGOING, ALLOWED, ROUTE),
            routed(true, ALLOW, List.of(ex("*.partner.example", BOTH)),            java.util.Set.of("a.partner.example"), "b.partner.example", OUTGOING, DENIED, "*.partner.example BOTH"),
            // a one-direction exception allows only its direction; the route makes it both
            routed(true, DENY,  List.of(ex("partner.example", INCOMING)),          partner,         "partner.example",     OUTGOING, ALLOWED, ROUTE),
            // without routes the same policy decides as before
            routed(true, DENY,  List.of(ex("partner.example", INCOMING)),          java.util.Set.of(), "partner.example",  OUTGOING, DENIED,  DEFAULT),
            routed(true, ALLOW, List.of(ex("partner.example", BOTH)),              java.util.Set.of(), "partner.example",  INCOMING, DENIED,  "partner.example BOTH"),
            // the switch and invalid names weigh more than a route
            routed(false, ALLOW, none,                                             partner,         "partner.example",     OUTGOING, DENIED,  OFF),
            routed(true, DENY,  none,                                              partner,         "partner..example",    INCOMING, DENIED,  INVALID));
    }

    @ParameterizedTest(name = "[{index}] {1} {2} routes {3}: {4} {5} -> {6} by {7}")
    @MethodSource("staticRoutes")
    void aRoutedDomainIsAllowedBothWaysBeforeAnyException(boolean enabled, DefaultPolicy def, List<PolicyException> exceptions,
                                                           java.util.Set<String> routes, String domain, Direction traffic,
                                                           boolean allowed, String decidedBy) {
        FederationPolicy policy = FederationPolicy.of(enabled, def, exceptions, routes);
        Decision d = policy.decide(domain, traffic);
        switch (decidedBy) {
            case ROUTE -> {
                assertEquals(allowed, d.allowed());
                assertEquals(traffic, d.direction());
                assertEquals(DecisionReason.STATIC_ROUTE, d.reason());
                assertNull(d.exception());
                assertEquals("Static route (domains with static routes are allowed automatically)", testerText(d, def));
                assertEquals("static route (domains with static routes are allowed automatically)", d.ruleDescription(def));
            }
            case OFF -> {
                assertEquals(DecisionReason.FEDERATION_OFF, d.reason());
                assertFalse(d.allowed());
            }
            case INVALID -> {
                assertEquals(DecisionReason.INVALID_DOMAIN, d.reason());
                assertFalse(d.allowed());
            }
            default -> assertDecision(d, def, traffic, allowed, decidedBy);
        }
    }

    @Test
    void routedDomainsChangeNoExceptionAndTheExceptionIsBackWhenTheRouteGoes() {
        PolicyException deny = ex("partner.example", BOTH);
        FederationPolicy withRoute = FederationPolicy.of(true, ALLOW, List.of(deny), java.util.Set.of("partner.example"));
        assertEquals(List.of(deny), withRoute.exceptions(), "the exception stays in the list");
        assertEquals(java.util.Set.of("partner.example"), withRoute.routedDomains());
        assertTrue(withRoute.connectionAllowed("partner.example"));
        assertTrue(ConnectionGatePlan.of(withRoute).allows("partner.example"), "Openfire's connection gate lets the routed domain in");
        FederationPolicy without = withRoute.withRoutedDomains(java.util.Set.of());
        assertDecision(without.decide("partner.example", OUTGOING), ALLOW, OUTGOING, DENIED, "partner.example BOTH");
        assertSame(without, without.withRoutedDomains(java.util.Set.of()), "an unchanged set makes no new snapshot");
    }

    @Test
    void theGateAllowsARoutedDomainUnderDefaultDenyAndNothingBelowIt() {
        FederationPolicy p = FederationPolicy.of(true, DENY, List.of(), java.util.Set.of("partner.example"));
        ConnectionGatePlan plan = ConnectionGatePlan.of(p);
        assertTrue(plan.allows("partner.example"));
        assertTrue(plan.allows("sub.partner.example"),
            "Openfire's entries are recursive; the gate never refuses what the policy allows, the stanza step denies the subdomain");
        assertFalse(p.decide("sub.partner.example", OUTGOING).allowed());
        assertFalse(plan.allows("other.example"));
    }
}
