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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every decision on this node: per remote domain and direction, and per deciding exception.
 * Counting is lock-free. The number of remote domains tracked is bounded, so a flood of
 * unknown domains cannot grow memory without limit; beyond the bound, traffic is counted under
 * {@link #OTHER_DOMAINS}.
 */
public final class PolicyCounters {
    public static final String OTHER_DOMAINS = "(other domains)";
    static final int MAX_DOMAINS = 10_000;

    /** Allowed and denied counts for one direction each way. */
    public static final class Tally {
        private final LongAdder[] adders = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

        void add(Decision d) {
            adders[(d.direction() == Direction.INCOMING ? 0 : 2) + (d.allowed() ? 0 : 1)].increment();
        }

        public long allowedIncoming() {
            return adders[0].sum();
        }

        public long deniedIncoming() {
            return adders[1].sum();
        }

        public long allowedOutgoing() {
            return adders[2].sum();
        }

        public long deniedOutgoing() {
            return adders[3].sum();
        }

        public long allowed() {
            return allowedIncoming() + allowedOutgoing();
        }

        public long denied() {
            return deniedIncoming() + deniedOutgoing();
        }
    }

    private final ConcurrentHashMap<String, Tally> byDomain = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<DomainPattern, Tally> byException = new ConcurrentHashMap<>();

    public void record(String remoteDomain, Decision decision) {
        domainTally(remoteDomain).add(decision);
        if (decision.exception() != null) {
            DomainPattern pattern = decision.exception().pattern();
            Tally t = byException.get(pattern);
            (t != null ? t : byException.computeIfAbsent(pattern, k -> new Tally())).add(decision);
        }
    }

    private Tally domainTally(String remoteDomain) {
        String key = remoteDomain == null ? OTHER_DOMAINS : remoteDomain;
        Tally t = byDomain.get(key);
        if (t == null) {
            t = byDomain.computeIfAbsent(byDomain.size() >= MAX_DOMAINS ? OTHER_DOMAINS : key, k -> new Tally());
        }
        return t;
    }

    /** Counts for the exception with this pattern (zero when it decided nothing yet). */
    public Tally forException(DomainPattern pattern) {
        Tally t = byException.get(pattern);
        return t != null ? t : new Tally();
    }

    /** Counts per remote domain, sorted by domain. */
    public Map<String, Tally> byDomain() {
        return new TreeMap<>(byDomain);
    }
}
