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

import java.util.Map;
import java.util.TreeMap;

/**
 * The policy projected onto Openfire's own connection-level permission list (recursive
 * allow/block entries under a whitelist or blacklist mode), so that Openfire refuses a server
 * connection from or to a domain the policy denies in both directions before any session,
 * stream feature or dialback exchange exists.
 *
 * <p>Openfire applies an entry to a domain and all its subdomains, which the policy's exact
 * patterns do not. Where an exact pattern's own connection decision differs from its subdomains',
 * the entry takes the more permissive of the two: the connection gate never refuses what the
 * policy allows, and the stanza-level enforcement (plus the session sweep) stays authoritative.
 */
public record ConnectionGatePlan(boolean whitelist, Map<String, Boolean> entries) {

    public static ConnectionGatePlan of(FederationPolicy policy) {
        if (!policy.enabled()) {
            return new ConnectionGatePlan(true, Map.of());
        }
        boolean rootAllowed = policy.defaultPolicy().allows();
        Map<String, Boolean> entries = new TreeMap<>();
        for (String domain : policy.patternDomains()) {
            boolean below = policy.decideForSubdomainsOf(domain, Direction.INCOMING).allowed()
                || policy.decideForSubdomainsOf(domain, Direction.OUTGOING).allowed();
            boolean value = policy.hasExactException(domain) ? below || policy.connectionAllowed(domain) : below;
            entries.put(domain, value);
        }
        return new ConnectionGatePlan(!rootAllowed, Map.copyOf(entries));
    }

    /** What Openfire's recursive check decides for {@code domain} under this plan. */
    public boolean allows(String domain) {
        String d = domain;
        while (true) {
            Boolean v = entries.get(d);
            if (v != null) {
                return v;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return !whitelist;
            }
            d = d.substring(dot + 1);
        }
    }
}
