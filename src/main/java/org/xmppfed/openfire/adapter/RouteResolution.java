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

import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.route.RouteSelector;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoutes;

/**
 * The answer to "where do I connect for this domain?" for one connection attempt (see
 * {@link DnsOverrideHook}): null for a domain without routes (DNS as usual); otherwise the first of
 * its targets, in random order, that accepts a connection - or, when none does, a target that will
 * fail too, with a warning and a {@link EventKind#ROUTE_FAILURE} event naming every route tried.
 */
final class RouteResolution {
    private static final Logger LOG = LoggerFactory.getLogger(RouteResolution.class);

    private final Supplier<StaticRoutes> routes;
    private final RouteSelector selector;
    private final IntSupplier timeoutMillis;
    private final EventLog events;

    RouteResolution(Supplier<StaticRoutes> routes, RouteSelector selector, IntSupplier timeoutMillis, EventLog events) {
        this.routes = routes;
        this.selector = selector;
        this.timeoutMillis = timeoutMillis;
        this.events = events;
    }

    RouteTarget targetFor(String domain) {
        List<RouteTarget> targets = routes.get().targetsFor(domain.toLowerCase(Locale.ROOT));
        if (targets.isEmpty()) {
            return null;
        }
        RouteSelector.Selection s = selector.select(targets, timeoutMillis.getAsInt());
        if (s.chosen().isPresent()) {
            LOG.info("Module=\"XMPPFederation\" Connecting to {} by static route {} (tried {})", domain, s.chosen().get(), s.attempts());
            return s.chosen().get();
        }
        String summary = "No static route of " + domain + " answered; the connection fails (no DNS fallback for a domain with static routes)";
        LOG.warn("Module=\"XMPPFederation\" {}. Routes tried: {}", summary, s.attempts());
        events.record(EventKind.ROUTE_FAILURE, domain, summary, "routes tried: " + s.attempts(), null);
        return s.attempts().get(0).target();
    }
}
