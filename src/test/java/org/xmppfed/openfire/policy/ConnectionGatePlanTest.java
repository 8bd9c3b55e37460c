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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConnectionGatePlanTest {
    private static PolicyException ex(String p, Direction d) {
        return PolicyException.of(p, d, Instant.EPOCH);
    }

    private static final String[] PROBES = {"partner.example", "a.partner.example", "x.y.partner.example", "other.example",
        "evil.example", "a.evil.example", "good.evil.example", "b.good.evil.example", "com", "in.example", "out.example"};

    /** The gate may never refuse a domain the policy allows to exchange anything. */
    private static void assertNeverStricterThanPolicy(FederationPolicy p) {
        ConnectionGatePlan plan = ConnectionGatePlan.of(p);
        for (String d : PROBES) {
            if (p.connectionAllowed(d)) {
                assertTrue(plan.allows(d), d + " is allowed by the policy but refused by the gate");
            }
        }
    }

    @Test
    void lockdownRefusesEveryConnection() {
        ConnectionGatePlan plan = ConnectionGatePlan.of(FederationPolicy.lockdown());
        assertTrue(plan.whitelist());
        assertTrue(plan.entries().isEmpty());
        assertFalse(plan.allows("partner.example"));
    }

    @Test
    void federationOffRefusesEveryConnection() {
        ConnectionGatePlan plan = ConnectionGatePlan.of(FederationPolicy.of(false, DefaultPolicy.ALLOW, List.of()));
        assertTrue(plan.whitelist());
        assertFalse(plan.allows("anything.example"));
    }

    @Test
    void denyWithExceptionsAllowsExactlyTheirDomains() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(
            ex("in.example", Direction.INCOMING), ex("out.example", Direction.OUTGOING), ex("*.partner.example", Direction.BOTH)));
        ConnectionGatePlan plan = ConnectionGatePlan.of(p);
        assertTrue(plan.whitelist());
        for (String d : PROBES) {
            assertEquals(p.connectionAllowed(d), plan.allows(d), d);
        }
    }

    @Test
    void allowWithDeniedWildcardAndNestedExactIsExactWhereOpenfireCanExpressIt() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of(
            ex("*.evil.example", Direction.BOTH), ex("partner.example", Direction.BOTH)));
        ConnectionGatePlan plan = ConnectionGatePlan.of(p);
        assertFalse(plan.whitelist());
        assertFalse(plan.allows("evil.example"));
        assertFalse(plan.allows("a.evil.example"));
        assertTrue(plan.allows("other.example"));
        // exact partner.example is denied both ways, but its subdomains are allowed: Openfire's
        // recursive entry cannot say both, so the gate stays permissive and stanza checks decide
        assertTrue(plan.allows("a.partner.example"));
        assertNeverStricterThanPolicy(p);
    }

    @Test
    void exactAllowedInsideDeniedWildcardUnderDeny() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(
            ex("*.partner.example", Direction.INCOMING), ex("x.y.partner.example", Direction.OUTGOING)));
        assertNeverStricterThanPolicy(p);
        ConnectionGatePlan plan = ConnectionGatePlan.of(p);
        assertFalse(plan.allows("evil.example"));
    }
}
