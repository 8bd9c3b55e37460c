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
package org.xmppfed.openfire.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.xmppfed.openfire.policy.Direction;

/**
 * A count per remote domain and direction (incoming / outgoing), lock-free for the threads that
 * count (stanza and session threads). The number of domains is bounded, so a flood of made-up
 * domains cannot grow memory: beyond the bound, counts go to {@link #OTHER}.
 */
public final class DomainCounters {
    public static final String OTHER = "other";
    static final int MAX_DOMAINS = 10_000;

    private final ConcurrentHashMap<String, LongAdder[]> byDomain = new ConcurrentHashMap<>();
    private final int maxDomains;

    public DomainCounters() {
        this(MAX_DOMAINS);
    }

    DomainCounters(int maxDomains) {
        this.maxDomains = maxDomains;
    }

    public void increment(String domain, Direction direction) {
        String key = domain == null || domain.isEmpty() ? OTHER : domain;
        LongAdder[] pair = byDomain.get(key);
        if (pair == null) {
            pair = byDomain.computeIfAbsent(byDomain.size() >= maxDomains ? OTHER : key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        }
        pair[direction == Direction.INCOMING ? 0 : 1].increment();
    }

    /** The count of {@code domain} in {@code direction} (0 when none). */
    public long get(String domain, Direction direction) {
        LongAdder[] pair = byDomain.get(domain);
        return pair == null ? 0 : pair[direction == Direction.INCOMING ? 0 : 1].sum();
    }

    /** Every domain's counts, {@code [incoming, outgoing]}, sorted by domain. */
    public Map<String, long[]> snapshot() {
        Map<String, long[]> m = new TreeMap<>();
        byDomain.forEach((d, pair) -> m.put(d, new long[] {pair[0].sum(), pair[1].sum()}));
        return m;
    }

    /** This family as metric samples. */
    public MetricFamily family(String name, String help) {
        MetricFamily f = new MetricFamily(name, help, MetricFamily.Type.COUNTER);
        snapshot().forEach((d, v) -> {
            f.add(d, Direction.INCOMING, v[0]);
            f.add(d, Direction.OUTGOING, v[1]);
        });
        return f;
    }
}
