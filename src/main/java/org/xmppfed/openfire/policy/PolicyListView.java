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
import java.util.List;

/**
 * The policy seen as a simple list (the Expressway-style privacy lists of SPEC §2), one engine and
 * two views: an <em>allow list</em> is default DENY with exact domains allowed both ways, a
 * <em>deny list</em> is default ALLOW with exact domains denied both ways. A policy is never changed
 * to fit a view: what the simple view cannot show - a default that is the other one, wildcard
 * exceptions, one-direction exceptions - is reported, and stays in force.
 */
public record PolicyListView(Kind kind, boolean defaultFits, List<String> domains, List<Misfit> misfits) {

    /** The two views and the default policy each one means. */
    public enum Kind {
        ALLOW_LIST(DefaultPolicy.DENY),
        DENY_LIST(DefaultPolicy.ALLOW);

        private final DefaultPolicy defaultPolicy;

        Kind(DefaultPolicy defaultPolicy) {
            this.defaultPolicy = defaultPolicy;
        }

        public DefaultPolicy defaultPolicy() {
            return defaultPolicy;
        }

        /** {@code allow} or {@code deny} (as in the page's address), or null for anything else. */
        public static Kind parse(String text) {
            return "allow".equals(text) ? ALLOW_LIST : "deny".equals(text) ? DENY_LIST : null;
        }

        public String param() {
            return this == ALLOW_LIST ? "allow" : "deny";
        }
    }

    /** Why an exception does not fit the simple list. */
    public enum Why { WILDCARD, ONE_DIRECTION }

    /** An exception the simple list cannot show, and why. */
    public record Misfit(PolicyException exception, Why why) {
    }

    public static PolicyListView of(FederationPolicy policy, Kind kind) {
        boolean fits = policy.defaultPolicy() == kind.defaultPolicy();
        List<String> domains = new ArrayList<>();
        List<Misfit> misfits = new ArrayList<>();
        for (PolicyException e : policy.exceptions()) {
            if (e.pattern().wildcard()) {
                misfits.add(new Misfit(e, Why.WILDCARD));
            } else if (e.direction() != Direction.BOTH) {
                misfits.add(new Misfit(e, Why.ONE_DIRECTION));
            } else {
                domains.add(e.pattern().domain());
            }
        }
        return new PolicyListView(kind, fits, List.copyOf(domains), List.copyOf(misfits));
    }

    /** Whether the policy is exactly this list: the right default and nothing the list cannot show. */
    public boolean exact() {
        return defaultFits && misfits.isEmpty();
    }
}
