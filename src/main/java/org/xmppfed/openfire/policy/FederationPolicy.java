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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, pre-indexed snapshot of the federation policy: switch, default policy and
 * exceptions. {@link #decide(String, Direction)} is the one decision function used both on the
 * stanza path and by the policy tester. It inspects each label-aligned suffix of the domain once,
 * so its cost depends on the domain's length, not on the number of exceptions, and it allocates
 * nothing for domains in normal form (every possible decision is built in advance).
 *
 * <p>Semantics: an exception inverts the default for the traffic it covers. The deciding exception
 * is the most specific pattern that matches the domain and covers the direction: an exact pattern
 * beats any wildcard, a longer wildcard base beats a shorter one. No match: the default applies.
 * A domain with static routes (while they are allowed automatically) is allowed both ways before
 * any exception is looked at.
 */
public final class FederationPolicy {

    private static final class Rule {
        final Direction covered;
        final Decision incoming;
        final Decision outgoing;

        Rule(PolicyException exception, boolean allowed) {
            this.covered = exception.direction();
            this.incoming = new Decision(allowed, Direction.INCOMING, DecisionReason.EXCEPTION, exception);
            this.outgoing = new Decision(allowed, Direction.OUTGOING, DecisionReason.EXCEPTION, exception);
        }

        /** A domain with static routes while routes are allowed automatically: allowed both ways. */
        Rule() {
            this.covered = Direction.BOTH;
            this.incoming = new Decision(true, Direction.INCOMING, DecisionReason.STATIC_ROUTE, null);
            this.outgoing = new Decision(true, Direction.OUTGOING, DecisionReason.STATIC_ROUTE, null);
        }

        boolean covers(Direction traffic) {
            return covered.covers(traffic);
        }

        Decision decisionFor(Direction traffic) {
            return traffic == Direction.INCOMING ? incoming : outgoing;
        }
    }

    private final boolean enabled;
    private final DefaultPolicy defaultPolicy;
    private final List<PolicyException> exceptions;
    private final Set<String> routedDomains;
    private final DomainSuffixTable<Rule> exact;
    private final DomainSuffixTable<Rule> wildcards;
    private final Set<String> exactDomains;
    private final Decision[] defaults;
    private final Decision[] off;
    private final Decision[] invalid;

    private FederationPolicy(boolean enabled, DefaultPolicy defaultPolicy, List<PolicyException> exceptions, Set<String> routedDomains) {
        this.enabled = enabled;
        this.defaultPolicy = defaultPolicy;
        List<PolicyException> sorted = new ArrayList<>(exceptions);
        sorted.sort((a, b) -> a.pattern().compareTo(b.pattern()));
        this.exceptions = Collections.unmodifiableList(sorted);

        boolean exceptionAllows = !defaultPolicy.allows();
        Map<String, Rule> exactRules = new HashMap<>();
        Map<String, Rule> wildcardRules = new HashMap<>();
        for (PolicyException e : sorted) {
            Map<String, Rule> target = e.pattern().wildcard() ? wildcardRules : exactRules;
            if (target.put(e.pattern().domain(), new Rule(e, exceptionAllows)) != null) {
                throw new InvalidInputException("policy.error.duplicate", e.pattern().toString());
            }
        }
        // A routed domain's own rule replaces an exact exception for it (which stays in the list):
        // the route decides both directions, the exception is back in force once the route goes.
        this.routedDomains = Set.copyOf(routedDomains);
        Rule route = new Rule();
        for (String domain : this.routedDomains) {
            exactRules.put(domain, route);
        }
        this.exact = new DomainSuffixTable<>(exactRules);
        this.wildcards = new DomainSuffixTable<>(wildcardRules);
        this.exactDomains = Set.copyOf(exactRules.keySet());
        this.defaults = pair(defaultPolicy.allows(), DecisionReason.DEFAULT_POLICY);
        this.off = pair(false, DecisionReason.FEDERATION_OFF);
        this.invalid = pair(false, DecisionReason.INVALID_DOMAIN);
    }

    private static Decision[] pair(boolean allowed, DecisionReason reason) {
        return new Decision[] {
            new Decision(allowed, Direction.INCOMING, reason, null),
            new Decision(allowed, Direction.OUTGOING, reason, null)};
    }

    /**
     * Builds a snapshot. Throws {@link InvalidInputException} when two exceptions have the same
     * pattern.
     */
    public static FederationPolicy of(boolean enabled, DefaultPolicy defaultPolicy, Collection<PolicyException> exceptions) {
        return of(enabled, defaultPolicy, exceptions, Set.of());
    }

    /**
     * As {@link #of(boolean, DefaultPolicy, Collection)}, with the domains that have static routes
     * while routes are allowed automatically: each is allowed in both directions, whatever the
     * default and its exceptions say ({@link DecisionReason#STATIC_ROUTE}); only the federation
     * switch and an invalid name weigh more. The names must be normalised exact domains.
     */
    public static FederationPolicy of(boolean enabled, DefaultPolicy defaultPolicy, Collection<PolicyException> exceptions,
                                      Set<String> routedDomains) {
        return new FederationPolicy(enabled, defaultPolicy, List.copyOf(exceptions), routedDomains);
    }

    /** This policy with {@code routed} as the domains allowed by their static routes. */
    public FederationPolicy withRoutedDomains(Set<String> routed) {
        return routed.equals(routedDomains) ? this : of(enabled, defaultPolicy, exceptions, routed);
    }

    /** The domains allowed both ways because they have static routes (empty while that option is off). */
    public Set<String> routedDomains() {
        return routedDomains;
    }

    /** A new install: federation on, default DENY, no exceptions ("lockdown"). */
    public static FederationPolicy lockdown() {
        return of(true, DefaultPolicy.DENY, List.of());
    }

    public boolean enabled() {
        return enabled;
    }

    public DefaultPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** The exceptions, sorted by domain (top-level label first). */
    public List<PolicyException> exceptions() {
        return exceptions;
    }

    /**
     * The decision for traffic with {@code remoteDomain} travelling {@code traffic}
     * ({@link Direction#INCOMING} or {@link Direction#OUTGOING}).
     */
    public Decision decide(String remoteDomain, Direction traffic) {
        int t = index(traffic);
        if (!enabled) {
            return off[t];
        }
        String domain = remoteDomain;
        if (domain == null || !DomainNames.isNormalAscii(domain)) {
            try {
                domain = DomainNames.normalise(domain);
            } catch (InvalidInputException e) {
                return invalid[t];
            }
        }
        return lookup(domain, traffic, true);
    }

    /**
     * The decision a subdomain of {@code domain} without an exact exception of its own would get.
     * Used to project the policy onto Openfire's recursive connection permissions.
     */
    Decision decideForSubdomainsOf(String domain, Direction traffic) {
        return enabled ? lookup(domain, traffic, false) : off[index(traffic)];
    }

    private Decision lookup(String domain, Direction traffic, boolean includeExact) {
        Rule best = null;
        int h = 0;
        for (int i = domain.length() - 1; i >= 0; i--) {
            h = DomainSuffixTable.extend(h, domain.charAt(i));
            if (i == 0 || domain.charAt(i - 1) == '.') {
                Rule r = wildcards.get(domain, i, h);
                if (r != null && r.covers(traffic)) {
                    best = r; // later (longer) suffixes are more specific
                }
            }
        }
        if (includeExact) {
            Rule r = exact.get(domain, 0, h);
            if (r != null && r.covers(traffic)) {
                best = r;
            }
        }
        return best != null ? best.decisionFor(traffic) : defaults[index(traffic)];
    }

    /** Whether any traffic with {@code remoteDomain} is allowed, so that a connection may exist. */
    public boolean connectionAllowed(String remoteDomain) {
        return decide(remoteDomain, Direction.INCOMING).allowed() || decide(remoteDomain, Direction.OUTGOING).allowed();
    }

    /** The base domains of all patterns (the places where the decision can change). */
    Set<String> patternDomains() {
        Set<String> all = new HashSet<>();
        for (PolicyException e : exceptions) {
            all.add(e.pattern().domain());
        }
        all.addAll(routedDomains);
        return all;
    }

    boolean hasExactException(String domain) {
        return exactDomains.contains(domain);
    }

    private static int index(Direction traffic) {
        if (traffic == Direction.INCOMING) {
            return 0;
        }
        if (traffic == Direction.OUTGOING) {
            return 1;
        }
        throw new IllegalArgumentException("A stanza travels INCOMING or OUTGOING, not " + traffic);
    }
}
