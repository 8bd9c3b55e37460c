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
package org.xmppfed.openfire.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xmppfed.openfire.policy.Decision;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.DomainPattern;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyException;

/**
 * Cost of one policy decision (the per-stanza work) by number of exceptions and kind of lookup:
 * a domain with an exact exception, a subdomain decided by a wildcard, and a domain no exception
 * matches (every suffix is probed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyDecisionBenchmark {
    private static final int QUERIES = 1024;

    @Param({"10", "10000", "100000"})
    public int exceptions;

    @Param({"exact", "wildcard", "miss"})
    public String lookup;

    private FederationPolicy policy;
    private String[] domains;
    private int next;

    @Setup
    public void setUp() {
        Instant t = Instant.now();
        Direction[] dirs = Direction.values();
        List<PolicyException> list = new ArrayList<>(exceptions);
        for (int i = 0; i < exceptions; i++) {
            boolean wildcard = i % 2 == 1;
            String domain = "d" + i + ".zone" + (i % 1000) + ".example";
            list.add(new PolicyException(new DomainPattern(domain, wildcard), dirs[i % 3], t, t));
        }
        policy = FederationPolicy.of(true, DefaultPolicy.DENY, list);
        domains = new String[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            int i = (int) ((q * 7919L) % exceptions);
            domains[q] = switch (lookup) {
                case "exact" -> "d" + (i - i % 2) + ".zone" + ((i - i % 2) % 1000) + ".example";
                case "wildcard" -> {
                    int w = exceptions == 1 ? 1 : (i | 1) % exceptions;
                    yield "chat.host" + q + ".d" + w + ".zone" + (w % 1000) + ".example";
                }
                default -> "nomatch" + q + ".partner" + q + ".example.org";
            };
        }
    }

    @Benchmark
    public Decision decide() {
        String d = domains[next++ & (QUERIES - 1)];
        return policy.decide(d, Direction.INCOMING);
    }
}
