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
import org.xmppfed.openfire.policy.PolicyListView.Kind;
import org.xmppfed.openfire.policy.PolicyListView.Why;

/** One engine, two views: what each simple list shows, and what it says does not fit - nothing dropped. */
class PolicyListViewTest {
    private static final Instant T = Instant.EPOCH;

    private static FederationPolicy policy(DefaultPolicy d, PolicyException... exceptions) {
        return FederationPolicy.of(true, d, List.of(exceptions));
    }

    @Test
    void anAllowListIsDefaultDenyWithExactDomainsAllowedBothWays() {
        FederationPolicy p = policy(DefaultPolicy.DENY, PolicyException.of("b.example", Direction.BOTH, T),
            PolicyException.of("a.example", Direction.BOTH, T));
        PolicyListView v = PolicyListView.of(p, Kind.ALLOW_LIST);
        assertTrue(v.exact());
        assertEquals(List.of("a.example", "b.example"), v.domains());
        for (String d : v.domains()) {
            assertTrue(p.decide(d, Direction.INCOMING).allowed() && p.decide(d, Direction.OUTGOING).allowed(), "listed means allowed both ways");
        }
        assertFalse(p.connectionAllowed("c.example"), "anything else is denied");
    }

    @Test
    void aDenyListIsDefaultAllowWithExactDomainsDeniedBothWays() {
        FederationPolicy p = policy(DefaultPolicy.ALLOW, PolicyException.of("bad.example", Direction.BOTH, T));
        PolicyListView v = PolicyListView.of(p, Kind.DENY_LIST);
        assertTrue(v.exact());
        assertEquals(List.of("bad.example"), v.domains());
        assertFalse(p.connectionAllowed("bad.example"));
        assertTrue(p.connectionAllowed("good.example"));
    }

    @Test
    void wildcardsAndOneDirectionExceptionsAreNamedAsNotFittingAndStayInThePolicy() {
        PolicyException wildcard = PolicyException.of("*.partner.example", Direction.BOTH, T);
        PolicyException incoming = PolicyException.of("in.example", Direction.INCOMING, T);
        PolicyException wildOut = PolicyException.of("*.out.example", Direction.OUTGOING, T);
        PolicyException plain = PolicyException.of("plain.example", Direction.BOTH, T);
        FederationPolicy p = policy(DefaultPolicy.DENY, wildcard, incoming, wildOut, plain);
        PolicyListView v = PolicyListView.of(p, Kind.ALLOW_LIST);
        assertTrue(v.defaultFits());
        assertFalse(v.exact());
        assertEquals(List.of("plain.example"), v.domains());
        assertEquals(List.of(new PolicyListView.Misfit(incoming, Why.ONE_DIRECTION), new PolicyListView.Misfit(wildOut, Why.WILDCARD),
            new PolicyListView.Misfit(wildcard, Why.WILDCARD)), v.misfits());
        assertEquals(v.domains().size() + v.misfits().size(), p.exceptions().size(), "every exception is either listed or named");
    }

    @Test
    void theOtherDefaultIsReportedNotConverted() {
        FederationPolicy p = policy(DefaultPolicy.ALLOW, PolicyException.of("x.example", Direction.BOTH, T));
        PolicyListView v = PolicyListView.of(p, Kind.ALLOW_LIST);
        assertFalse(v.defaultFits());
        assertFalse(v.exact());
        assertEquals(DefaultPolicy.ALLOW, p.defaultPolicy(), "viewing changes nothing");
        assertEquals(Kind.ALLOW_LIST, Kind.parse("allow"));
        assertEquals(Kind.DENY_LIST, Kind.parse("deny"));
        assertEquals(null, Kind.parse("ALLOW"));
    }
}
