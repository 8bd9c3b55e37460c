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
package org.xmppfed.openfire.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xmppfed.openfire.policy.DomainNames;
import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * An immutable snapshot of the static routes and their two switches. {@link #targetsFor} is the
 * lookup made when Openfire opens a server-to-server connection: one hash lookup, no allocation
 * for a domain in normal form.
 */
public final class StaticRoutes {
    private static final Comparator<StaticRoute> ORDER = Comparator.comparing(StaticRoute::domain)
        .thenComparing(r -> r.target().host()).thenComparingInt(r -> r.target().port());

    private final boolean enabled;
    private final boolean allowedAutomatically;
    private final List<StaticRoute> routes;
    private final Map<String, List<RouteTarget>> byDomain;

    private StaticRoutes(boolean enabled, boolean allowedAutomatically, Collection<StaticRoute> routes) {
        this.enabled = enabled;
        this.allowedAutomatically = allowedAutomatically;
        List<StaticRoute> sorted = new ArrayList<>(routes);
        sorted.sort(ORDER);
        Map<String, List<RouteTarget>> grouped = new HashMap<>();
        for (StaticRoute r : sorted) {
            List<RouteTarget> targets = grouped.computeIfAbsent(r.domain(), d -> new ArrayList<>());
            if (targets.contains(r.target())) {
                throw new InvalidInputException("route.error.exists", r.domain(), r.target().toString());
            }
            targets.add(r.target());
        }
        grouped.replaceAll((d, targets) -> List.copyOf(targets));
        this.routes = List.copyOf(sorted);
        this.byDomain = Map.copyOf(grouped);
    }

    /** Throws {@link InvalidInputException} when a route appears twice. */
    public static StaticRoutes of(boolean enabled, boolean allowedAutomatically, Collection<StaticRoute> routes) {
        return new StaticRoutes(enabled, allowedAutomatically, routes);
    }

    /** A new install: routes in use and allowed automatically, none configured. */
    public static StaticRoutes none() {
        return of(true, true, List.of());
    }

    /** "Use static routes": off means DNS for every domain, the routes kept for later. */
    public boolean enabled() {
        return enabled;
    }

    /** "Routes are allowed automatically". */
    public boolean allowedAutomatically() {
        return allowedAutomatically;
    }

    /** Every route, sorted by domain, then target. */
    public List<StaticRoute> routes() {
        return routes;
    }

    /**
     * Every routed domain with its targets as one text ("host:port host:port", in text order): how
     * peer clusters compare and transfer the routes.
     */
    public Map<String, String> targetsByDomain() {
        Map<String, TreeSet<String>> targets = new TreeMap<>();
        for (StaticRoute r : routes) {
            targets.computeIfAbsent(r.domain(), d -> new TreeSet<>()).add(r.target().toString());
        }
        Map<String, String> result = new TreeMap<>();
        targets.forEach((domain, t) -> result.put(domain, String.join(" ", t)));
        return result;
    }

    /** The domains that have at least one route (whether routes are in use or not). */
    public Set<String> domains() {
        return byDomain.keySet();
    }

    /**
     * The targets to use for {@code domain}: its routes while routes are in use, else empty (DNS).
     * An empty answer means "look the domain up in DNS"; a domain with routes is never looked up.
     */
    public List<RouteTarget> targetsFor(String domain) {
        if (!enabled || domain == null) {
            return List.of();
        }
        List<RouteTarget> targets = byDomain.get(domain);
        if (targets == null && !DomainNames.isNormalAscii(domain)) {
            try {
                targets = byDomain.get(DomainNames.normalise(domain));
            } catch (InvalidInputException e) {
                return List.of();
            }
        }
        return targets == null ? List.of() : targets;
    }

    /** The routes configured for {@code domain} (in use or not). */
    public List<RouteTarget> configuredFor(String domain) {
        return byDomain.getOrDefault(domain, List.of());
    }

    /** The domains the policy allows both ways because of their routes (none unless both switches are on). */
    public Set<String> automaticallyAllowed() {
        return enabled && allowedAutomatically ? byDomain.keySet() : Set.of();
    }
}
