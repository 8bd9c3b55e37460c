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
package org.xmppfed.openfire.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.xmppfed.openfire.alias.ChatAliases;
import org.xmppfed.openfire.alias.ChatNodeAlias;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.DomainPattern;
import org.xmppfed.openfire.policy.EntryListFormat;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Messages;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.route.RouteService;
import org.xmppfed.openfire.route.StaticRoute;
import org.xmppfed.openfire.store.StagedChange;
import org.xmppfed.openfire.store.StoreException;
import org.xmppfed.openfire.store.TransactionScope;

/**
 * Makes this cluster's settings what a peer cluster has, for the parts a transfer carries - a push
 * received from the peer, or a pull - all or nothing. First every entry of every part is checked as
 * an import or a page would check it (each capability's own rules, against this server's names and
 * settings as they are), plus the parts against each other (a name cannot be both an email domain or
 * alias of this server and a partner with an exception or route); any problem refuses the whole
 * transfer with every reason. Then the parts are staged, written in one database transaction and put
 * in force only after it committed (each capability one new snapshot, announced to the other cluster
 * nodes); a failed write rolls everything back and changes nothing.
 *
 * <p>While it writes and publishes it holds the capabilities' monitors - chat node aliases, email,
 * static routes, policy, in that order, the order the capabilities themselves nest them (routes tell
 * the policy their domains) - so that no page's change slips in between.
 */
public final class SettingsTransfer {
    private final Supplier<PolicyService> policy;
    private final Supplier<RouteService> routes;
    private final Supplier<ChatAliases> aliases;
    private final Supplier<EmailFederation> email;
    private final TransactionScope database;
    private final Clock clock;

    public SettingsTransfer(Supplier<PolicyService> policy, Supplier<RouteService> routes, Supplier<ChatAliases> aliases,
                            Supplier<EmailFederation> email, TransactionScope database, Clock clock) {
        this.policy = policy;
        this.routes = routes;
        this.aliases = aliases;
        this.email = email;
        this.database = database;
        this.clock = clock;
    }

    /** This cluster's settings of {@code parts}, in the shape a snapshot carries them. */
    public TransferSet current(Set<SyncPart> parts) {
        Set<SyncPart> have = EnumSet.noneOf(SyncPart.class);
        String defaultPolicy = "";
        Map<String, String> exceptions = Map.of();
        Map<String, String> routeMap = Map.of();
        Map<String, String> aliasMap = Map.of();
        Set<String> emailDomains = Set.of();
        if (parts.contains(SyncPart.POLICY) && policy.get() != null) {
            FederationPolicy p = policy.get().current();
            defaultPolicy = p.defaultPolicy().name();
            exceptions = exceptionMap(p.exceptions());
            have.add(SyncPart.POLICY);
        }
        if (parts.contains(SyncPart.ROUTES) && routes.get() != null) {
            routeMap = routes.get().current().targetsByDomain();
            have.add(SyncPart.ROUTES);
        }
        if (parts.contains(SyncPart.ALIASES) && aliases.get() != null) {
            Map<String, String> m = new TreeMap<>();
            for (ChatNodeAlias a : aliases.get().current().all()) {
                m.put(a.alias(), a.service());
            }
            aliasMap = m;
            have.add(SyncPart.ALIASES);
        }
        if (parts.contains(SyncPart.EMAIL_DOMAINS) && email.get() != null) {
            emailDomains = email.get().servedDomains();
            have.add(SyncPart.EMAIL_DOMAINS);
        }
        return new TransferSet("", have, defaultPolicy, exceptions, routeMap, aliasMap, emailDomains);
    }

    /** Makes this cluster's settings of {@code wanted}'s parts what {@code wanted} says, or nothing at all. */
    public synchronized TransferOutcome apply(TransferSet wanted) {
        if (wanted.parts().isEmpty()) {
            return TransferOutcome.refused(SyncProblem.general("sync.refused.nothing"));
        }
        List<SyncProblem> problems = new ArrayList<>();
        for (SyncPart part : wanted.parts()) {
            if (service(part) == null) {
                problems.add(SyncProblem.general("sync.refused.not-running", part.param()));
            }
        }
        if (!problems.isEmpty()) {
            return TransferOutcome.refused(problems);
        }
        Checked checked = check(wanted, problems);
        problems.addAll(crossCheck(wanted, checked));
        if (!problems.isEmpty()) {
            return TransferOutcome.refused(problems);
        }
        TransferSet before = current(wanted.parts());
        List<Object> monitors = new ArrayList<>();
        for (SyncPart part : List.of(SyncPart.ALIASES, SyncPart.EMAIL_DOMAINS, SyncPart.ROUTES, SyncPart.POLICY)) {
            if (wanted.parts().contains(part)) {
                monitors.add(service(part));
            }
        }
        try {
            holding(monitors, 0, () -> {
                List<StagedChange> staged = stage(wanted, checked);
                database.inOneTransaction("apply the settings of a peer cluster", () -> {
                    staged.forEach(StagedChange::store);
                    return null;
                });
                staged.forEach(StagedChange::publish);
                return null;
            });
        } catch (InvalidInputException e) {
            // The settings changed between the check and the staging (a page's change): nothing was written.
            return TransferOutcome.refused(SyncProblem.general("sync.refused.changed", e.getMessage()));
        } catch (StoreException e) {
            return TransferOutcome.refused(SyncProblem.general("sync.refused.store", e.getMessage()));
        }
        TransferSet after = current(wanted.parts());
        List<TransferOutcome.PartCount> counts = new ArrayList<>();
        for (SyncPart part : wanted.parts()) {
            PartDiff d = PartDiff.of(part, after, before); // "here" = after: only here = added, only there = removed
            counts.add(new TransferOutcome.PartCount(part, d.thereCount(), d.hereCount(), d.onlyHere().size(), d.different().size(),
                d.onlyThere().size()));
        }
        boolean policyPart = wanted.parts().contains(SyncPart.POLICY);
        return TransferOutcome.applied(counts, policyPart ? before.defaultPolicy() : null, policyPart ? after.defaultPolicy() : null);
    }

    /** What the checks read, kept for the staging. */
    private record Checked(DefaultPolicy defaultPolicy, List<PolicyException> exceptions, List<StaticRoute> routes) {
    }

    private Checked check(TransferSet wanted, List<SyncProblem> problems) {
        DefaultPolicy defaultPolicy = null;
        List<PolicyException> exceptions = List.of();
        List<StaticRoute> routeList = List.of();
        if (wanted.parts().contains(SyncPart.POLICY)) {
            try {
                defaultPolicy = DefaultPolicy.parse(wanted.defaultPolicy());
            } catch (InvalidInputException e) {
                problems.add(SyncProblem.of(SyncPart.POLICY, "default " + wanted.defaultPolicy(), e));
            }
            List<Map.Entry<String, String>> pairs = new ArrayList<>(wanted.exceptions().entrySet());
            exceptions = read(SyncPart.POLICY, policy.get().importFormat(), pairs, problems);
        }
        if (wanted.parts().contains(SyncPart.ROUTES)) {
            List<Map.Entry<String, String>> pairs = new ArrayList<>();
            wanted.routes().forEach((domain, targets) -> {
                for (String target : targets.strip().split("\\s+")) {
                    pairs.add(Map.entry(domain, target));
                }
            });
            routeList = read(SyncPart.ROUTES, routes.get().importFormat(), pairs, problems);
        }
        if (wanted.parts().contains(SyncPart.ALIASES)) {
            aliases.get().checkReplacement(wanted.aliases()).forEach(p -> problems.add(SyncProblem.of(SyncPart.ALIASES, p.getKey(), p.getValue())));
        }
        if (wanted.parts().contains(SyncPart.EMAIL_DOMAINS)) {
            email.get().checkServed(wanted.emailDomains()).forEach(p -> problems.add(SyncProblem.of(SyncPart.EMAIL_DOMAINS, p.getKey(), p.getValue())));
        }
        return new Checked(defaultPolicy, exceptions, routeList);
    }

    private <T> List<T> read(SyncPart part, EntryListFormat<T> format, List<Map.Entry<String, String>> pairs, List<SyncProblem> problems) {
        EntryListFormat.Parsed<T> parsed = format.parsePairs(pairs, clock.instant());
        for (EntryListFormat.LineError error : parsed.errors()) {
            Map.Entry<String, String> pair = pairs.get(error.line() - 1);
            problems.add(SyncProblem.of(part, pair.getKey() + "," + pair.getValue(), error.problem()));
        }
        return parsed.entries();
    }

    /**
     * The names the transfer makes this server's own (email domains, aliases) against the partners it
     * names (exceptions, routes): a name can have one use only. Wildcards count by the name they match.
     */
    private List<SyncProblem> crossCheck(TransferSet wanted, Checked checked) {
        Map<String, String> own = new HashMap<>();
        wanted.emailDomains().forEach(d -> own.putIfAbsent(d.strip().toLowerCase(Locale.ROOT), "sync.use.email-domain"));
        wanted.aliases().keySet().forEach(a -> own.putIfAbsent(a.strip().toLowerCase(Locale.ROOT), "sync.use.alias"));
        List<SyncProblem> problems = new ArrayList<>();
        if (wanted.parts().contains(SyncPart.EMAIL_DOMAINS) && wanted.parts().contains(SyncPart.ALIASES)) {
            for (String a : new TreeSet<>(wanted.aliases().keySet())) {
                if (wanted.emailDomains().contains(a)) {
                    problems.add(SyncProblem.of(SyncPart.ALIASES, a, new InvalidInputException("sync.error.twice", a,
                        Messages.english("sync.use.email-domain"))));
                }
            }
        }
        for (PolicyException e : checked.exceptions()) {
            DomainPattern p = e.pattern();
            String use = own.get(p.domain());
            if (use != null) {
                problems.add(SyncProblem.of(SyncPart.POLICY, p + "," + e.direction(), new InvalidInputException("sync.error.twice", p.toString(),
                    Messages.english(use))));
            }
        }
        Set<String> routed = new TreeSet<>();
        checked.routes().forEach(r -> routed.add(r.domain()));
        for (String d : routed) {
            String use = own.get(d);
            if (use != null) {
                problems.add(SyncProblem.of(SyncPart.ROUTES, d, new InvalidInputException("sync.error.twice", d,
                    Messages.english(use))));
            }
        }
        return problems;
    }

    private List<StagedChange> stage(TransferSet wanted, Checked checked) {
        List<StagedChange> staged = new ArrayList<>();
        if (wanted.parts().contains(SyncPart.POLICY)) {
            staged.add(policy.get().stageReplacement(checked.defaultPolicy(), checked.exceptions()));
        }
        if (wanted.parts().contains(SyncPart.ROUTES)) {
            staged.add(routes.get().stageReplacement(checked.routes()));
        }
        if (wanted.parts().contains(SyncPart.ALIASES)) {
            staged.add(aliases.get().stageReplacement(wanted.aliases()));
        }
        if (wanted.parts().contains(SyncPart.EMAIL_DOMAINS)) {
            staged.add(email.get().stageServed(wanted.emailDomains()));
        }
        return staged;
    }

    private Object service(SyncPart part) {
        return switch (part) {
            case POLICY -> policy.get();
            case ROUTES -> routes.get();
            case ALIASES -> aliases.get();
            case EMAIL_DOMAINS -> email.get();
        };
    }

    private static <T> T holding(List<Object> monitors, int from, Supplier<T> work) {
        if (from == monitors.size()) {
            return work.get();
        }
        synchronized (monitors.get(from)) {
            return holding(monitors, from + 1, work);
        }
    }

    static Map<String, String> exceptionMap(List<PolicyException> exceptions) {
        Map<String, String> m = new LinkedHashMap<>();
        for (PolicyException e : exceptions) {
            m.put(e.pattern().toString(), e.direction().name());
        }
        return m;
    }
}
