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
package org.xmppfed.openfire.email;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.store.EmailDomainStore;
import org.xmppfed.openfire.store.StagedChange;

/**
 * Email address for federation: the switch, the email domains and the address mapping that the
 * stanza path asks. Reads are lock-free (a volatile state plus the {@link EmailIndex}); changes are
 * validated first, stored, then announced to the other cluster nodes, so a rejected change leaves
 * everything as it was.
 */
public final class EmailFederation {
    /** {@code served}: the approved recorded domains (the ones the server answers for while enabled). */
    private record State(boolean enabled, Map<String, EmailDomainStore.Recorded> recorded, Set<String> served) {
        static State of(boolean enabled, Map<String, EmailDomainStore.Recorded> recorded) {
            Set<String> served = new HashSet<>();
            recorded.forEach((domain, r) -> {
                if (r.approved()) {
                    served.add(domain);
                }
            });
            return new State(enabled, recorded, Set.copyOf(served));
        }
    }

    private final EmailDomainStore store;
    private final EmailSettingsStore settings;
    private final EmailIndex index;
    private final Predicate<String> isServerDomain;
    private final Clock clock;
    private final NativeJidRewriter rewriter;
    private final DomainClaimCheck claims;
    private final List<Consumer<EmailFederation>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state = new State(false, Map.of(), Set.of());

    /**
     * @param isServerDomain whether a domain is the XMPP domain or a component of this server; such
     *                       domains cannot be email domains
     */
    public EmailFederation(EmailDomainStore store, EmailSettingsStore settings, EmailIndex index,
                           Predicate<String> isServerDomain, Clock clock) {
        this(store, settings, index, isServerDomain, clock, DomainClaimCheck.NONE);
    }

    /**
     * @param claims whether a domain may be claimed as an email domain (not one we federate with);
     *               asked when a domain is added, renamed or approved
     */
    public EmailFederation(EmailDomainStore store, EmailSettingsStore settings, EmailIndex index,
                           Predicate<String> isServerDomain, Clock clock, DomainClaimCheck claims) {
        this.claims = claims;
        this.store = store;
        this.settings = settings;
        this.index = index;
        this.isServerDomain = isServerDomain;
        this.clock = clock;
        this.rewriter = new NativeJidRewriter(index.xmppDomain(), this::federationAddress);
    }

    public EmailIndex index() {
        return index;
    }

    public String xmppDomain() {
        return index.xmppDomain();
    }

    /** Called with this service after every reload (switch or domain list changed). */
    public void addListener(Consumer<EmailFederation> listener) {
        listeners.add(listener);
    }

    /** Reads the switch and the recorded domains again (after a change on any node). */
    public void reload() {
        synchronized (this) {
            boolean enabled = settings.enabled();
            Map<String, EmailDomainStore.Recorded> recorded;
            try {
                recorded = Map.copyOf(store.loadAll());
            } catch (RuntimeException e) {
                // The switch still counts: with it on, addresses keep being swapped (fail closed).
                State s = state;
                state = new State(enabled, s.recorded(), s.served());
                throw e;
            }
            state = State.of(enabled, recorded);
        }
        listeners.forEach(l -> l.accept(this));
    }

    public boolean enabled() {
        return state.enabled();
    }

    /**
     * False while the switch is on but the user list has not been read yet: then nobody's address
     * is known, and federated traffic of local users must wait rather than leak native JIDs.
     */
    public boolean ready() {
        return !state.enabled() || index.isLoaded();
    }

    public void setEnabled(boolean enabled) {
        settings.setEnabled(enabled);
        reload();
    }

    // ---- per stanza ----

    /**
     * Whether {@code domain} is one of our email domains (served: approved, and email addresses are
     * in use). A domain of this server (the XMPP domain, a component) never is, even when a user's
     * address is there: its own traffic must not be answered as addresses of an email domain. A
     * domain that only users' addresses brought in is not served until an administrator approves it.
     */
    public boolean isEmailDomain(String domain) {
        State s = state;
        return s.enabled() && isServed(s, domain) && !domain.equals(index.xmppDomain()) && !isServerDomain.test(domain);
    }

    /** Served, in any case (a domain on the wire is not always in prepared form). */
    private static boolean isServed(State s, String domain) {
        if (s.served().contains(domain)) {
            return true;
        }
        String lower = domain.toLowerCase(Locale.ROOT);
        return !lower.equals(domain) && s.served().contains(lower);
    }

    /** The address {@code username} federates as, or {@code null} for the native JID. */
    public String federationAddress(String username) {
        State s = state;
        String address = s.enabled() ? index.federationAddress(username) : null;
        if (address != null) {
            String domain = EmailAddresses.domain(address);
            // An address in the XMPP domain itself needs no approval; any other domain must be served
            // (an address in a component's domain, conference.xmppdomain..., never is).
            if (!domain.equals(index.xmppDomain()) && (!s.served().contains(domain) || isServerDomain.test(domain))) {
                return null;
            }
        }
        return address;
    }

    /** Rewrites native addresses to federation addresses in stanza text and payloads. */
    public NativeJidRewriter rewriter() {
        return rewriter;
    }

    /** What to do with a federated stanza addressed to {@code node@domain} ({@code node} may be null). */
    public InboundAddress resolve(String node, String domain) {
        if (!state.enabled()) {
            return InboundAddress.UNCHANGED;
        }
        if (domain.equals(index.xmppDomain())) {
            if (node == null) {
                return InboundAddress.UNCHANGED;
            }
            // Only an address in the XMPP domain itself can name another user; most servers have none.
            String owner = index.hasUsersIn(domain) ? index.ownerOf(node + '@' + domain) : null;
            if (owner != null && !owner.equals(node)) {
                return new InboundAddress(InboundAddress.Kind.DELIVER, owner);
            }
            String address = federationAddress(node);
            if (address != null && !address.equals(node + '@' + domain)) {
                return new InboundAddress(InboundAddress.Kind.NATIVE_HIDDEN, node);
            }
            return InboundAddress.UNCHANGED;
        }
        if (!isEmailDomain(domain)) {
            return InboundAddress.UNCHANGED;
        }
        if (node == null) {
            return InboundAddress.DOMAIN;
        }
        String owner = index.ownerOf(node + '@' + domain);
        return owner == null ? InboundAddress.UNKNOWN : new InboundAddress(InboundAddress.Kind.DELIVER, owner);
    }

    // ---- administration ----

    /** Every email domain, system-managed first, then by name. */
    public List<EmailDomain> domains() {
        Map<String, Integer> userDomains = index.domains();
        State s = state;
        Set<String> names = new TreeSet<>(s.recorded().keySet());
        names.addAll(userDomains.keySet());
        List<EmailDomain> result = new ArrayList<>();
        for (String name : names) {
            int users = userDomains.getOrDefault(name, 0);
            EmailDomainStore.Recorded r = s.recorded().get(name);
            result.add(new EmailDomain(name, users > 0 ? EmailDomain.Kind.SYSTEM : EmailDomain.Kind.ADMINISTRATOR,
                users, r == null ? null : r.created(),
                s.served().contains(name) ? EmailDomain.Status.SERVED : EmailDomain.Status.PROPOSED));
        }
        result.sort(Comparator.comparing(EmailDomain::kind).thenComparing(EmailDomain::name));
        return result;
    }

    /** The domains other servers must be able to reach this server under; empty while switched off. */
    public Set<String> acceptedDomains() {
        if (!state.enabled()) {
            return Set.of();
        }
        Set<String> result = new TreeSet<>(state.served());
        result.removeIf(isServerDomain);
        return result;
    }

    public String addDomain(String raw) {
        String domain;
        synchronized (this) {
            domain = checkNew(raw);
            refuseIfClaimedElsewhere(domain);
            store.insert(domain, clock.instant(), true);
            settings.announceChange();
        }
        reload();
        return domain;
    }

    public String renameDomain(String original, String raw) {
        String domain;
        synchronized (this) {
            String old = existingAdministratorDomain(original);
            domain = EmailDomainRules.normalise(raw);
            if (domain.equals(old)) {
                return domain;
            }
            checkNew(raw);
            refuseIfClaimedElsewhere(domain);
            store.rename(old, domain);
            settings.announceChange();
        }
        reload();
        return domain;
    }

    public String deleteDomain(String raw) {
        String domain;
        synchronized (this) {
            domain = existingAdministratorDomain(raw);
            store.delete(domain);
            settings.announceChange();
        }
        reload();
        return domain;
    }

    /**
     * Serves a proposed domain (an administrator's approval). Refused, with the reason, when the
     * domain is one we federate with; allowed when the check cannot decide (the administrator has
     * been shown why).
     *
     * @return the domain and what the check said
     */
    public ClaimVerdict approveDomain(String raw) {
        String domain = EmailDomainRules.normalise(raw);
        ClaimVerdict verdict;
        synchronized (this) {
            State s = state;
            if (s.served().contains(domain)) {
                throw new InvalidInputException("email.domain.error.already-served", domain);
            }
            if (!s.recorded().containsKey(domain) && !index.hasUsersIn(domain)) {
                throw new InvalidInputException("email.domain.error.not-found", domain);
            }
            if (isServerDomain.test(domain)) {
                throw new InvalidInputException("email.domain.error.server-domain", domain);
            }
            verdict = refuseIfClaimedElsewhere(domain);
            if (s.recorded().containsKey(domain)) {
                store.setApproved(domain, true);
            } else {
                store.insert(domain, clock.instant(), true);
            }
            settings.announceChange();
        }
        reload();
        return verdict;
    }

    /** Stops serving a domain (it stays listed, as proposed, and can be approved again). */
    public String withdrawDomain(String raw) {
        String domain = EmailDomainRules.normalise(raw);
        synchronized (this) {
            if (!state.served().contains(domain)) {
                throw new InvalidInputException("email.domain.error.not-served", domain);
            }
            store.setApproved(domain, false);
            settings.announceChange();
        }
        reload();
        return domain;
    }

    /**
     * The email domains served, as peer clusters compare them: without the XMPP domain, which every
     * cluster serves for itself.
     */
    public Set<String> servedDomains() {
        Set<String> served = new TreeSet<>(state.served());
        served.remove(index.xmppDomain());
        return served;
    }

    /**
     * Checks a set of email domains (as a peer cluster serves them) as if it became the domains this
     * server serves: each a valid email domain, not a domain of this server, each once, and - for a
     * domain not served here yet - not one we federate with (the check an approval makes). Returns every
     * problem, each with the domain it is about.
     */
    public List<Map.Entry<String, InvalidInputException>> checkServed(Set<String> wanted) {
        List<Map.Entry<String, InvalidInputException>> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        State s = state;
        for (String raw : new TreeSet<>(wanted)) {
            try {
                String domain = EmailDomainRules.normalise(raw);
                String first = seen.putIfAbsent(domain, raw);
                if (first != null) {
                    throw new InvalidInputException("email.domain.error.duplicate", domain, first);
                }
                if (domain.equals(index.xmppDomain()) || isServerDomain.test(domain)) {
                    throw new InvalidInputException("email.domain.error.server-domain", domain);
                }
                if (!s.served().contains(domain)) {
                    refuseIfClaimedElsewhere(domain);
                }
            } catch (InvalidInputException e) {
                problems.add(Map.entry(raw, e));
            }
        }
        return problems;
    }

    /**
     * Stages the set of served email domains (checked with {@link #checkServed} first) as one change:
     * a domain not served yet is approved (recorded as administrator-managed when it is not listed at
     * all); a served domain not in the set is withdrawn - it stays listed, proposed, and can be approved
     * again. The email switch stays as it is. Nothing is stored or in force before the returned change's
     * {@code store} and {@code publish}. Call with this object's monitor held from here to {@code publish}.
     */
    public synchronized StagedChange stageServed(Set<String> wanted) {
        Set<String> next = new TreeSet<>();
        for (String raw : wanted) {
            next.add(EmailDomainRules.normalise(raw));
        }
        State s = state;
        Map<String, Boolean> approvals = new TreeMap<>(); // domain -> approve (true) or withdraw (false)
        for (String domain : next) {
            if (!s.served().contains(domain)) {
                approvals.put(domain, true);
            }
        }
        for (String domain : s.served()) {
            if (!next.contains(domain) && !domain.equals(index.xmppDomain())) {
                approvals.put(domain, false);
            }
        }
        return new StagedChange() {
            @Override
            public void store() {
                approvals.forEach((domain, approve) -> {
                    if (s.recorded().containsKey(domain)) {
                        EmailFederation.this.store.setApproved(domain, approve);
                    } else {
                        EmailFederation.this.store.insert(domain, clock.instant(), true);
                    }
                });
            }

            @Override
            public void publish() {
                synchronized (EmailFederation.this) {
                    if (!approvals.isEmpty()) {
                        settings.announceChange();
                    }
                    reload();
                }
            }
        };
    }

    /** What the claim check says about {@code domain} (for the page: why a domain cannot be served). */
    public ClaimVerdict claimCheck(String domain) {
        return claims.check(domain);
    }

    /** Users who federate with their XMPP address, and why: unusable addresses, and domains not served. */
    public List<EmailIndex.UnusableEmail> notFederatingByEmail() {
        List<EmailIndex.UnusableEmail> result = new ArrayList<>(index.unusable());
        State s = state;
        index.usableAddresses().forEach((user, address) -> {
            String domain = EmailAddresses.domain(address);
            if (!domain.equals(index.xmppDomain()) && !s.served().contains(domain)) {
                result.add(new EmailIndex.UnusableEmail(user, address, "email.user.reason.not-served", domain));
            }
        });
        result.sort(Comparator.comparing(EmailIndex.UnusableEmail::username));
        return result;
    }

    private ClaimVerdict refuseIfClaimedElsewhere(String domain) {
        ClaimVerdict verdict = claims.check(domain);
        if (verdict.conflicts()) {
            throw new InvalidInputException("email.domain.error.claimed", domain, verdict.english());
        }
        return verdict;
    }

    /**
     * Records the domains of users' addresses that are not recorded yet - as proposed, not served,
     * until an administrator approves them - so each stays listed (as administrator-managed) after
     * its last user goes away.
     *
     * @return how many domains were added
     */
    public int recordUserDomains() {
        int added;
        synchronized (this) {
            Set<String> missing = new TreeSet<>(index.domains().keySet());
            missing.removeAll(state.recorded().keySet());
            missing.removeIf(isServerDomain);
            if (missing.isEmpty()) {
                return 0;
            }
            added = store.insertMissing(missing, clock.instant());
            settings.announceChange();
        }
        reload();
        return added;
    }

    private String checkNew(String raw) {
        String domain = EmailDomainRules.normalise(raw);
        if (isServerDomain.test(domain)) {
            throw new InvalidInputException("email.domain.error.server-domain", domain);
        }
        if (index.hasUsersIn(domain)) {
            throw new InvalidInputException("email.domain.error.system-exists", domain);
        }
        if (state.recorded().containsKey(domain)) {
            throw new InvalidInputException("email.domain.error.exists", domain);
        }
        return domain;
    }

    private String existingAdministratorDomain(String raw) {
        String domain = EmailDomainRules.normalise(raw);
        if (index.hasUsersIn(domain)) {
            throw new InvalidInputException("email.domain.error.system-readonly", domain);
        }
        if (!state.recorded().containsKey(domain)) {
            throw new InvalidInputException("email.domain.error.not-found", domain);
        }
        return domain;
    }
}
