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

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyCountersTest {

    @Test
    void countsPerDomainDirectionAndDecidingException() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY,
            List.of(PolicyException.of("*.partner.example", Direction.INCOMING, Instant.EPOCH)));
        PolicyCounters c = new PolicyCounters();
        c.record("a.partner.example", p.decide("a.partner.example", Direction.INCOMING));
        c.record("a.partner.example", p.decide("a.partner.example", Direction.INCOMING));
        c.record("a.partner.example", p.decide("a.partner.example", Direction.OUTGOING));
        PolicyCounters.Tally d = c.byDomain().get("a.partner.example");
        assertEquals(2, d.allowedIncoming());
        assertEquals(1, d.deniedOutgoing());
        assertEquals(0, d.deniedIncoming() + d.allowedOutgoing());
        PolicyCounters.Tally e = c.forException(DomainPattern.parse("*.partner.example"));
        assertEquals(2, e.allowed());
        assertEquals(0, e.denied(), "the outgoing denial came from the default policy, not the exception");
    }

    @Test
    void eachOfTheFourCountsAndTheirSums() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.ALLOW,
            List.of(PolicyException.of("partner.example", Direction.INCOMING, Instant.EPOCH)));
        PolicyCounters c = new PolicyCounters();
        c.record("partner.example", p.decide("partner.example", Direction.INCOMING));
        for (int i = 0; i < 2; i++) {
            c.record("partner.example", p.decide("partner.example", Direction.OUTGOING));
        }
        c.record("other.example", p.decide("other.example", Direction.INCOMING));
        FederationPolicy off = FederationPolicy.of(false, DefaultPolicy.ALLOW, List.of());
        for (int i = 0; i < 4; i++) {
            c.record("partner.example", off.decide("partner.example", Direction.OUTGOING));
        }
        PolicyCounters.Tally t = c.byDomain().get("partner.example");
        assertEquals(0, t.allowedIncoming());
        assertEquals(1, t.deniedIncoming());
        assertEquals(2, t.allowedOutgoing());
        assertEquals(4, t.deniedOutgoing());
        assertEquals(2, t.allowed());
        assertEquals(5, t.denied());
        assertEquals(1, c.byDomain().get("other.example").allowedIncoming());
        PolicyCounters.Tally e = c.forException(DomainPattern.parse("partner.example"));
        assertEquals(0, e.allowed());
        assertEquals(1, e.denied());
    }

    @Test
    void unknownDomainsBeyondTheBoundShareOneCounter() {
        PolicyCounters c = new PolicyCounters();
        Decision denied = FederationPolicy.lockdown().decide("x.example", Direction.INCOMING);
        for (int i = 0; i < PolicyCounters.MAX_DOMAINS + 500; i++) {
            c.record("d" + i + ".example", denied);
        }
        assertEquals(PolicyCounters.MAX_DOMAINS + 1, c.byDomain().size());
        assertEquals(500, c.byDomain().get(PolicyCounters.OTHER_DOMAINS).deniedIncoming());
    }
}
