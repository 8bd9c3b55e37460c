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
package org.xmppfed.openfire.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.policy.Direction;

class MetricsEndpointTest {
    private String stored = "";
    private final MetricsEndpoint endpoint = new MetricsEndpoint(new MetricRegistry(), new MetricsEndpoint.TokenStore() {
        @Override
        public String digest() {
            return stored;
        }

        @Override
        public void setDigest(String digest) {
            stored = digest;
        }
    }, 50);

    @Test
    void withoutATokenNobodyGetsIn() {
        assertFalse(endpoint.tokenSet());
        assertFalse(endpoint.authorised("Bearer "));
        assertFalse(endpoint.authorised(null));
    }

    @Test
    void onlyTheCurrentTokenAsBearerGetsInAndOnlyItsDigestIsStored() {
        String token = endpoint.newToken();
        assertTrue(endpoint.tokenSet());
        assertFalse(stored.contains(token));
        assertEquals(64, stored.length());
        assertTrue(endpoint.authorised("Bearer " + token));
        assertTrue(endpoint.authorised("bearer  " + token + " "));
        assertFalse(endpoint.authorised(token), "the scheme is needed");
        assertFalse(endpoint.authorised("Basic " + token));
        assertFalse(endpoint.authorised("Bearer " + token + "x"));
        String next = endpoint.newToken();
        assertNotEquals(token, next);
        assertFalse(endpoint.authorised("Bearer " + token), "a replaced token stops working");
        endpoint.removeToken();
        assertFalse(endpoint.authorised("Bearer " + next));
    }

    @Test
    void aDamagedStoredDigestLetsNobodyIn() {
        stored = "not hex";
        assertFalse(endpoint.authorised("Bearer x"));
    }

    @Test
    void domainCountersAreBounded() {
        DomainCounters c = new DomainCounters(3);
        for (int i = 0; i < 10; i++) {
            c.increment("d" + i, Direction.INCOMING);
        }
        assertEquals(4, c.snapshot().size(), "three domains and other");
        assertEquals(7, c.get(DomainCounters.OTHER, Direction.INCOMING));
    }
}
