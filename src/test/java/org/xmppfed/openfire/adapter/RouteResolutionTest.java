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
package org.xmppfed.openfire.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.route.RouteSelector;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoute;
import org.xmppfed.openfire.route.StaticRoutes;

/** The answer Openfire's resolver gets for one connection attempt: DNS for unrouted domains, a route - never DNS - for routed ones. */
class RouteResolutionTest {
    private static final RouteTarget DOWN = new RouteTarget("192.0.2.9", 5269);
    private static final RouteTarget UP = new RouteTarget("192.0.2.8", 5269);

    private final List<String> events = new ArrayList<>();
    private final Set<RouteTarget> answering = new java.util.HashSet<>();

    private RouteResolution resolution(StaticRoutes routes) {
        RouteSelector selector = new RouteSelector((t, timeout) -> answering.contains(t) ? Optional.empty() : Optional.of("Connection refused"),
            () -> new Random(3));
        return new RouteResolution(() -> routes, selector, () -> 1000,
            (kind, domain, summary, details, admin) -> events.add(kind + " " + domain + " " + summary + " | " + details));
    }

    private static StaticRoutes routes(boolean enabled, RouteTarget... targets) {
        List<StaticRoute> list = new ArrayList<>();
        for (RouteTarget t : targets) {
            list.add(new StaticRoute("partner.example", t, Instant.EPOCH));
        }
        return StaticRoutes.of(enabled, true, list);
    }

    @Test
    void aDomainWithoutRoutesIsLeftToOpenfireAndDns() {
        assertNull(resolution(routes(true, UP)).targetFor("other.example"));
        assertNull(resolution(routes(false, UP)).targetFor("partner.example"), "routes switched off: DNS");
        assertTrue(events.isEmpty());
    }

    @Test
    void theRouteThatAnswersIsTheAnswerWhateverTheOrder() {
        answering.add(UP);
        RouteResolution r = resolution(routes(true, DOWN, UP));
        for (int i = 0; i < 20; i++) {
            assertEquals(UP, r.targetFor("Partner.Example"));
        }
        assertTrue(events.isEmpty());
    }

    @Test
    void whenNoRouteAnswersARouteIsStillTheAnswerAndTheFailureIsAnEventNamingTheRoutes() {
        RouteResolution r = resolution(routes(true, DOWN, UP));
        RouteTarget answer = r.targetFor("partner.example");
        assertTrue(answer.equals(DOWN) || answer.equals(UP), "a route, so Openfire fails too instead of asking DNS");
        assertEquals(1, events.size());
        String e = events.get(0);
        assertTrue(e.startsWith(EventKind.ROUTE_FAILURE + " partner.example No static route of partner.example answered"), e);
        assertTrue(e.contains(DOWN.toString()) && e.contains(UP.toString()) && e.contains("Connection refused"), e);
    }
}
