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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.session.DomainPair;
import org.xmppfed.openfire.alias.ChatAliases;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.email.ClaimVerdict;
import org.xmppfed.openfire.email.DomainClaimCheck;
import org.xmppfed.openfire.policy.Decision;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.store.RemoteDomainStore;

/**
 * Tells whether this server may claim a domain as an email domain, from what Openfire and DNS
 * know: a domain that a policy exception names exactly, that has an S2S session open now, that was seen on
 * one before, or whose {@code _xmpp-server._tcp} records send federated servers to hosts that are
 * not this server, belongs to somebody we federate with. A chat node alias of this server is
 * refused as well (one name, one use). Everything but DNS is asked afresh every time; DNS
 * answers are kept for a few minutes, because the email page asks about every listed domain.
 */
final class FederatedDomainClaims implements DomainClaimCheck {
    private static final Duration KEEP = Duration.ofMinutes(5);

    private record Kept(ClaimVerdict verdict, Instant until) {
    }

    private final Supplier<PolicyService> policy;
    private final Supplier<ChatAliases> aliases;
    private final RemoteDomainStore seen;
    private final String hostName;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    FederatedDomainClaims(Supplier<PolicyService> policy, Supplier<ChatAliases> aliases, RemoteDomainStore seen, String hostName) {
        this.policy = policy;
        this.aliases = aliases;
        this.seen = seen;
        this.hostName = hostName;
    }

    @Override
    public ClaimVerdict check(String domain) {
        ChatAliases a = aliases.get();
        String aliasOf = a == null ? null : a.current().serviceOf(domain);
        if (aliasOf != null) {
            return ClaimVerdict.conflict("email.claim.alias", aliasOf);
        }
        PolicyService p = policy.get();
        if (p != null) {
            // An exception for exactly this domain names a partner. A wildcard that merely covers it does
            // not: *.example.com may well cover the organisation's own example.com. (O(labels) per check.)
            for (Direction d : Direction.TRAFFIC) {
                Decision decision = p.current().decide(domain, d);
                if (decision.exception() != null && !decision.exception().pattern().wildcard()) {
                    return ClaimVerdict.conflict("email.claim.policy", decision.exception().pattern().toString());
                }
            }
        }
        SessionManager sessions = SessionManager.getInstance();
        if (sessions != null) {
            if (sessions.getIncomingServers().contains(domain)) {
                return ClaimVerdict.conflict("email.claim.session");
            }
            for (DomainPair pair : sessions.getOutgoingDomainPairs()) {
                if (pair.getRemote().equals(domain)) {
                    return ClaimVerdict.conflict("email.claim.session");
                }
            }
        }
        Optional<Instant> lastSeen = seen.lastSeen(domain);
        if (lastSeen.isPresent()) {
            return ClaimVerdict.conflict("email.claim.seen", lastSeen.get().toString().substring(0, 10));
        }
        return dns(domain);
    }

    private ClaimVerdict dns(String domain) {
        Instant now = Instant.now();
        Kept k = kept.get(domain);
        if (k != null && k.until().isAfter(now)) {
            return k.verdict();
        }
        ClaimVerdict verdict = dnsNow(domain);
        if (kept.size() > 10_000) {
            kept.clear();
        }
        kept.put(domain, new Kept(verdict, now.plus(KEEP)));
        return verdict;
    }

    private ClaimVerdict dnsNow(String domain) {
        SrvCheck.Answer answer;
        try {
            answer = new SrvCheck(OurAddresses.dnsServer(), Duration.ofSeconds(3)).xmppServer(domain);
        } catch (RuntimeException e) {
            return ClaimVerdict.undecided("email.claim.dns-failed", e.getMessage());
        }
        switch (answer.outcome()) {
            case NONE:
                return ClaimVerdict.OK;
            case FAILED:
                return ClaimVerdict.undecided("email.claim.dns-failed", answer.problem());
            default:
                Set<String> ours = ourAddresses();
                Set<String> foreign = new TreeSet<>(answer.addresses());
                foreign.removeAll(ours);
                if (answer.addresses().isEmpty()) {
                    return ClaimVerdict.undecided("email.claim.dns-unresolved", String.join(", ", answer.targets()));
                }
                return foreign.isEmpty() ? ClaimVerdict.OK
                    : ClaimVerdict.conflict("email.claim.dns", String.join(", ", answer.targets()), String.join(", ", foreign));
        }
    }

    private Set<String> ourAddresses() {
        return OurAddresses.of(hostName);
    }
}
