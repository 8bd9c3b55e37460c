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

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.policy.DomainNames;
import org.xmppfed.openfire.policy.EntryListFormat;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.policy.PolicyService.ImportMode;
import org.xmppfed.openfire.store.StagedChange;
import org.xmppfed.openfire.store.StaticRouteStore;

/**
 * Owns the current {@link StaticRoutes} snapshot and every change to it, the way the policy
 * service owns the policy: validated against the whole result first, then stored in one
 * transaction, then published and announced to the other cluster nodes. Anything rejected changes
 * nothing. A route is refused for a name this server answers for itself (its XMPP domain, a
 * component, an email domain, a chat node alias): routes lead to federated partners.
 */
public final class RouteService {
    private static final Logger LOG = LoggerFactory.getLogger(RouteService.class);

    private final StaticRouteStore store;
    private final RouteSettingsStore settings;
    private final Function<String, Optional<Phrase>> ownNameUse;
    private final Clock clock;
    private final AtomicReference<StaticRoutes> current = new AtomicReference<>(StaticRoutes.none());
    private final List<Consumer<StaticRoutes>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param ownNameUse how this server already uses a name as its own ("the XMPP domain of this
     *                   server", "an email domain", …), or empty for a name that may have routes
     */
    public RouteService(StaticRouteStore store, RouteSettingsStore settings, Function<String, Optional<Phrase>> ownNameUse, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.ownNameUse = ownNameUse;
        this.clock = clock;
    }

    /** The snapshot in force. */
    public StaticRoutes current() {
        return current.get();
    }

    /** Called with every new snapshot (on the thread that published it). */
    public void addListener(Consumer<StaticRoutes> listener) {
        listeners.add(listener);
    }

    /** Reads the stored routes and switches and publishes them. */
    public synchronized StaticRoutes reload() {
        StaticRoutes routes = StaticRoutes.of(settings.routesEnabled(), settings.routesAllowedAutomatically(), store.loadAll());
        publish(routes);
        LOG.info("Static routes loaded: {}, {} routes for {} domains, routed domains {}allowed automatically",
            routes.enabled() ? "in use" : "not used (DNS only)", routes.routes().size(), routes.domains().size(),
            routes.allowedAutomatically() ? "" : "not ");
        return routes;
    }

    public synchronized void saveSettings(boolean enabled, boolean allowedAutomatically) {
        StaticRoutes next = StaticRoutes.of(enabled, allowedAutomatically, current().routes());
        settings.save(enabled, allowedAutomatically);
        commit(next);
    }

    /** The route from {@code domain} to {@code address}, both read as the administrator writes them. */
    public Optional<StaticRoute> find(String domain, String address) {
        StaticRoute probe = new StaticRoute(DomainNames.normalise(domain), RouteTarget.parse(address), null);
        return current().routes().stream().filter(r -> r.sameAs(probe)).findFirst();
    }

    /** Checks a route as entered: the domain (which must not be one of ours) and the address. */
    public StaticRoute validate(String domain, String address) {
        String d = checkedDomain(domain);
        return new StaticRoute(d, RouteTarget.parse(address), clock.instant());
    }

    /** Checks that {@code domain} may have routes and returns its normal form. */
    public String checkedDomain(String domain) {
        String d = DomainNames.normalise(domain);
        Optional<Phrase> use = ownNameUse.apply(d);
        if (use.isPresent()) {
            throw new InvalidInputException("route.error.own-name", d, use.get());
        }
        return d;
    }

    /** The import format whose reading refuses routes for this server's own names, line by line. */
    public EntryListFormat<StaticRoute> importFormat() {
        return RouteListFormat.checking(this::checkedDomain);
    }

    public synchronized StaticRoute add(String domain, String address) {
        StaticRoute added = validate(domain, address);
        List<StaticRoute> all = new ArrayList<>(current().routes());
        requireAbsent(all, added);
        all.add(added);
        StaticRoutes next = build(all);
        store.insert(added);
        commit(next);
        return added;
    }

    /** Changes the route {@code originalDomain → originalAddress}; domain and address may both change. */
    public synchronized StaticRoute update(String originalDomain, String originalAddress, String domain, String address) {
        StaticRoute original = find(originalDomain, originalAddress)
            .orElseThrow(() -> new InvalidInputException("route.error.not-found", originalDomain, originalAddress));
        StaticRoute candidate = validate(domain, address);
        StaticRoute updated = new StaticRoute(candidate.domain(), candidate.target(), original.created());
        List<StaticRoute> all = new ArrayList<>(current().routes());
        all.removeIf(r -> r.sameAs(original));
        requireAbsent(all, updated);
        all.add(updated);
        StaticRoutes next = build(all);
        store.replace(original, updated);
        commit(next);
        return updated;
    }

    public synchronized StaticRoute delete(String domain, String address) {
        StaticRoute removed = find(domain, address)
            .orElseThrow(() -> new InvalidInputException("route.error.not-found", domain, address));
        List<StaticRoute> all = new ArrayList<>(current().routes());
        all.removeIf(r -> r.sameAs(removed));
        StaticRoutes next = build(all);
        store.delete(removed);
        commit(next);
        return removed;
    }

    /**
     * Checks imported routes against this server's own names: the problems, one per route refused
     * (the format has checked everything else already).
     */
    public List<InvalidInputException> refusedForOwnNames(Collection<StaticRoute> imported) {
        List<InvalidInputException> problems = new ArrayList<>();
        for (StaticRoute r : imported) {
            ownNameUse.apply(r.domain()).ifPresent(use -> problems.add(new InvalidInputException("route.error.own-name", r.domain(), use)));
        }
        return problems;
    }

    /** Applies a whole import, checked by the format; returns the resulting number of routes. */
    public synchronized int importRoutes(Collection<StaticRoute> imported, ImportMode mode) {
        List<InvalidInputException> refused = refusedForOwnNames(imported);
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
        Map<String, StaticRoute> byKey = new LinkedHashMap<>();
        if (mode == ImportMode.MERGE) {
            for (StaticRoute r : current().routes()) {
                byKey.put(r.describe(), r);
            }
        }
        for (StaticRoute r : imported) {
            StaticRoute existing = byKey.get(r.describe());
            byKey.put(r.describe(), existing == null ? r : existing);
        }
        StaticRoutes next = build(byKey.values());
        store.replaceAll(byKey.values());
        commit(next);
        return byKey.size();
    }

    /**
     * Stages the whole route list as one change (what a peer cluster's push or pull brings), read
     * through {@link #importFormat()}; routes that stay keep their creation time. Nothing is stored
     * or in force before the returned change's {@code store} and {@code publish}; the switches stay
     * whatever they are then. Call with this service's monitor held from here to {@code publish}.
     */
    public synchronized StagedChange stageReplacement(Collection<StaticRoute> wanted) {
        List<InvalidInputException> refused = refusedForOwnNames(wanted);
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
        Map<String, StaticRoute> existing = new LinkedHashMap<>();
        for (StaticRoute r : current().routes()) {
            existing.put(r.describe(), r);
        }
        List<StaticRoute> rows = new ArrayList<>(wanted.size());
        for (StaticRoute r : wanted) {
            rows.add(existing.getOrDefault(r.describe(), r));
        }
        return StagedChange.of(() -> store.replaceAll(rows), () -> {
            synchronized (this) {
                commit(build(rows));
            }
        });
    }

    private static void requireAbsent(List<StaticRoute> all, StaticRoute route) {
        for (StaticRoute r : all) {
            if (r.sameAs(route)) {
                throw new InvalidInputException("route.error.exists", route.domain(), route.target().toString());
            }
        }
    }

    private StaticRoutes build(Collection<StaticRoute> routes) {
        StaticRoutes now = current();
        return StaticRoutes.of(now.enabled(), now.allowedAutomatically(), routes);
    }

    private void commit(StaticRoutes next) {
        publish(next);
        settings.announceChange();
    }

    private void publish(StaticRoutes routes) {
        current.set(routes);
        for (Consumer<StaticRoutes> l : listeners) {
            try {
                l.accept(routes);
            } catch (RuntimeException e) {
                LOG.error("A static routes listener failed", e);
            }
        }
    }
}
