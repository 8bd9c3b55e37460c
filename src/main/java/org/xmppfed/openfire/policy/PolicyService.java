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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.store.PolicyExceptionStore;
import org.xmppfed.openfire.store.StagedChange;

/**
 * Owns the current {@link FederationPolicy} snapshot and every change to it. A change is validated
 * against the complete resulting policy first, then stored in one transaction, then published as a
 * new snapshot (one reference swap) and announced to the other cluster nodes. Anything rejected
 * changes nothing. An exception is refused for a name this server answers for itself (its XMPP
 * domain, a service, an email domain, a chat node alias): the policy is about federated partners.
 */
public final class PolicyService {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyService.class);

    /** How an import treats the exceptions that are already there. */
    public enum ImportMode {
        /** Imported entries are added; an existing entry with the same pattern is replaced. */
        MERGE,
        /** The imported entries become the whole list. */
        REPLACE
    }

    private final PolicyExceptionStore store;
    private final PolicySettingsStore settings;
    private final Function<String, Optional<Phrase>> ownNameUse;
    private final Clock clock;
    private final AtomicReference<FederationPolicy> current = new AtomicReference<>(FederationPolicy.lockdown());
    private final List<Consumer<FederationPolicy>> listeners = new CopyOnWriteArrayList<>();

    /** A service that knows no names of its own (for tests and tools). */
    public PolicyService(PolicyExceptionStore store, PolicySettingsStore settings, Clock clock) {
        this(store, settings, domain -> Optional.empty(), clock);
    }

    /**
     * @param ownNameUse how this server already uses a name as its own ("a domain of this server", "an
     *                   email domain", ...), or empty for a name an exception may name
     */
    public PolicyService(PolicyExceptionStore store, PolicySettingsStore settings, Function<String, Optional<Phrase>> ownNameUse,
                         Clock clock) {
        this.store = store;
        this.settings = settings;
        this.ownNameUse = ownNameUse;
        this.clock = clock;
    }

    /**
     * Checks a pattern as entered and returns it parsed: a domain or wildcard that is not one of this
     * server's own names ({@code *.example.com} counts as {@code example.com}, which it matches).
     */
    public DomainPattern checkedPattern(String pattern) {
        DomainPattern p = DomainNames.parsePattern(pattern);
        Optional<Phrase> use = ownNameUse.apply(p.domain());
        if (use.isPresent()) {
            throw new InvalidInputException("policy.error.own-name", p.toString(), use.get());
        }
        return p;
    }

    /** The import format whose reading refuses, line by line, exceptions for this server's own names. */
    public EntryListFormat<PolicyException> importFormat() {
        return ExceptionListFormat.checking(this::checkedPattern);
    }

    /** The snapshot in force; read it once per decision. */
    public FederationPolicy current() {
        return current.get();
    }

    /** Called with every new snapshot (on the thread that published it). */
    public void addListener(Consumer<FederationPolicy> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<FederationPolicy> listener) {
        listeners.remove(listener);
    }

    /** Reads the stored policy and publishes it. */
    public synchronized FederationPolicy reload() {
        FederationPolicy policy = FederationPolicy.of(settings.federationEnabled(), settings.defaultPolicy(), store.loadAll(),
            current().routedDomains());
        publish(policy);
        LOG.info("Federation policy loaded: federation {}, default policy {}, {} exceptions",
            policy.enabled() ? "on" : "off", policy.defaultPolicy(), policy.exceptions().size());
        return policy;
    }

    public synchronized void saveSettings(boolean enabled, DefaultPolicy defaultPolicy) {
        FederationPolicy next = FederationPolicy.of(enabled, defaultPolicy, current().exceptions(), current().routedDomains());
        settings.save(enabled, defaultPolicy);
        commit(next);
    }

    /**
     * Makes {@code domains} the domains allowed by their static routes (empty: none) and publishes
     * the result. Nothing is stored: every node's static routes set this from their own copy.
     */
    public synchronized void routedDomains(Set<String> domains) {
        FederationPolicy now = current();
        FederationPolicy next = now.withRoutedDomains(domains);
        if (next != now) {
            publish(next);
        }
    }

    public Optional<PolicyException> find(String pattern) {
        DomainPattern p = DomainPattern.parse(pattern);
        return current().exceptions().stream().filter(e -> e.pattern().equals(p)).findFirst();
    }

    public synchronized PolicyException add(String pattern, String direction) {
        DomainPattern p = checkedPattern(pattern);
        Direction d = Direction.parse(direction);
        if (indexOf(p) >= 0) {
            throw new InvalidInputException("policy.error.exists", p.toString());
        }
        Instant now = clock.instant();
        PolicyException added = new PolicyException(p, d, now, now);
        List<PolicyException> all = new ArrayList<>(current().exceptions());
        all.add(added);
        FederationPolicy next = build(all);
        store.insert(added);
        commit(next);
        return added;
    }

    /** Changes the exception stored under {@code originalPattern}; the pattern itself may change. */
    public synchronized PolicyException update(String originalPattern, String pattern, String direction) {
        DomainPattern original = DomainPattern.parse(originalPattern);
        DomainPattern p = DomainPattern.parse(pattern);
        if (!p.equals(original)) {
            checkedPattern(pattern);
        }
        Direction d = Direction.parse(direction);
        int at = indexOf(original);
        if (at < 0) {
            throw new InvalidInputException("policy.error.not-found", original.toString());
        }
        if (!p.equals(original) && indexOf(p) >= 0) {
            throw new InvalidInputException("policy.error.exists", p.toString());
        }
        List<PolicyException> all = new ArrayList<>(current().exceptions());
        PolicyException updated = new PolicyException(p, d, all.get(at).created(), clock.instant());
        all.set(at, updated);
        FederationPolicy next = build(all);
        store.replace(original, updated);
        commit(next);
        return updated;
    }

    public synchronized PolicyException delete(String pattern) {
        DomainPattern p = DomainPattern.parse(pattern);
        int at = indexOf(p);
        if (at < 0) {
            throw new InvalidInputException("policy.error.not-found", p.toString());
        }
        List<PolicyException> all = new ArrayList<>(current().exceptions());
        PolicyException removed = all.remove(at);
        FederationPolicy next = build(all);
        store.delete(p);
        commit(next);
        return removed;
    }

    /** Applies a whole, already validated import; returns the resulting number of exceptions. */
    public synchronized int importExceptions(Collection<PolicyException> imported, ImportMode mode) {
        Map<DomainPattern, PolicyException> byPattern = new LinkedHashMap<>();
        if (mode == ImportMode.MERGE) {
            for (PolicyException e : current().exceptions()) {
                byPattern.put(e.pattern(), e);
            }
        }
        for (PolicyException e : imported) {
            PolicyException existing = byPattern.get(e.pattern());
            byPattern.put(e.pattern(), existing == null ? e
                : new PolicyException(e.pattern(), e.direction(), existing.created(), e.lastChanged()));
        }
        FederationPolicy next = build(byPattern.values());
        store.replaceAll(byPattern.values());
        commit(next);
        return byPattern.size();
    }

    /**
     * Stages the default policy and the whole exception list as one change (what a peer cluster's push
     * or pull brings): the exceptions were read through {@link #importFormat()}; those that stay keep
     * their times. Nothing is stored or in force before the returned change's {@code store} and
     * {@code publish}; the federation switch and the routed domains stay whatever they are then.
     * Call with this service's monitor held from here to {@code publish} (see the caller).
     */
    public synchronized StagedChange stageReplacement(DefaultPolicy defaultPolicy, Collection<PolicyException> wanted) {
        Map<DomainPattern, PolicyException> existing = new LinkedHashMap<>();
        for (PolicyException e : current().exceptions()) {
            existing.put(e.pattern(), e);
        }
        List<PolicyException> rows = new ArrayList<>(wanted.size());
        for (PolicyException e : wanted) {
            PolicyException old = existing.get(e.pattern());
            rows.add(old == null ? e : old.direction() == e.direction() ? old
                : new PolicyException(e.pattern(), e.direction(), old.created(), e.lastChanged()));
        }
        FederationPolicy staged = FederationPolicy.of(current().enabled(), defaultPolicy, rows, current().routedDomains());
        return StagedChange.of(() -> store.replaceAll(rows), () -> {
            synchronized (this) {
                FederationPolicy now = current();
                FederationPolicy next = now.enabled() == staged.enabled() ? staged.withRoutedDomains(now.routedDomains())
                    : FederationPolicy.of(now.enabled(), defaultPolicy, rows, now.routedDomains());
                if (now.defaultPolicy() != defaultPolicy) {
                    settings.save(now.enabled(), defaultPolicy);
                }
                commit(next);
            }
        });
    }

    private int indexOf(DomainPattern p) {
        List<PolicyException> all = current().exceptions();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).pattern().equals(p)) {
                return i;
            }
        }
        return -1;
    }

    private FederationPolicy build(Collection<PolicyException> exceptions) {
        FederationPolicy now = current();
        return FederationPolicy.of(now.enabled(), now.defaultPolicy(), exceptions, now.routedDomains());
    }

    private void commit(FederationPolicy next) {
        publish(next);
        settings.announceChange();
    }

    private void publish(FederationPolicy policy) {
        current.set(policy);
        for (Consumer<FederationPolicy> l : listeners) {
            try {
                l.accept(policy);
            } catch (RuntimeException e) {
                // The new policy is in force whatever a listener does; say what went wrong.
                LOG.error("A federation policy listener failed", e);
            }
        }
    }
}
