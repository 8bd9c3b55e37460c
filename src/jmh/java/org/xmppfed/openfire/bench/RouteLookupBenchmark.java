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
import java.util.Optional;
import java.util.Random;
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
import org.xmppfed.openfire.route.RouteSelector;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoutes;
import org.xmppfed.openfire.route.StaticRoute;

/**
 * Cost of the route lookup Openfire's resolver asks for at every new S2S connection, for a domain
 * with 1, 3 and 10 routes among 1 000 routed domains: the lookup alone ({@code targetsFor}, also
 * what every other domain costs: a miss), and the lookup plus the choice in random order with the
 * TCP probe replaced by an answer from memory (one live route per domain, the others refusing), so
 * the figure is the plugin's own work, not the network's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteLookupBenchmark {
    private static final int DOMAINS = 1000;

    @Param({"1", "3", "10"})
    public int routes;

    private StaticRoutes table;
    private RouteSelector selector;
    private String[] routed;
    private String[] unrouted;
    private int next;

    @Setup
    public void setUp() {
        Instant t = Instant.now();
        List<StaticRoute> all = new ArrayList<>();
        routed = new String[DOMAINS];
        unrouted = new String[DOMAINS];
        for (int d = 0; d < DOMAINS; d++) {
            routed[d] = "partner" + d + ".zone" + (d % 37) + ".example";
            unrouted[d] = "other" + d + ".zone" + (d % 37) + ".example";
            for (int r = 0; r < routes; r++) {
                all.add(new StaticRoute(routed[d], new RouteTarget("10." + (d / 250) + "." + (d % 250) + "." + (r + 1), 5269), t));
            }
        }
        table = StaticRoutes.of(true, true, all);
        Random random = new Random(1);
        // one live route per domain (the one ending in .1), the others "refuse": on average half of them are tried first
        selector = new RouteSelector((target, timeout) -> target.host().endsWith(".1") ? Optional.empty() : Optional.of("Connection refused"),
            () -> random);
    }

    @Benchmark
    public List<RouteTarget> lookup() {
        next = (next + 1) % DOMAINS;
        return table.targetsFor(routed[next]);
    }

    @Benchmark
    public List<RouteTarget> lookupOfADomainWithoutRoutes() {
        next = (next + 1) % DOMAINS;
        return table.targetsFor(unrouted[next]);
    }

    @Benchmark
    public RouteSelector.Selection lookupAndChoice() {
        next = (next + 1) % DOMAINS;
        return selector.select(table.targetsFor(routed[next]), 1000);
    }
}
