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
package org.xmppfed.openfire.route;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Chooses the target of a new connection to a domain with static routes: the targets, all of equal
 * priority, are tried in random order, and the first that accepts a TCP connection is the answer.
 * When none answers there is no answer - the caller must then fail the connection, never fall back
 * to DNS. Blocks for up to {@code timeout} per target: only for connection set-up threads.
 */
public final class RouteSelector {

    /** Whether a target accepts a connection (the real one opens and closes a TCP connection). */
    @FunctionalInterface
    public interface Probe {
        /** Empty when the target answered, else what went wrong ("Connection refused", "timed out"). */
        Optional<String> problem(RouteTarget target, int timeoutMillis);
    }

    /** One target tried, and why it did not answer (empty: it answered). */
    public record Attempt(RouteTarget target, Optional<String> problem) {
        @Override
        public String toString() {
            return target + problem.map(p -> " (" + p + ")").orElse(" (answered)");
        }
    }

    /** The outcome: the chosen target (empty when none answered) and every attempt, in order. */
    public record Selection(Optional<RouteTarget> chosen, List<Attempt> attempts) {
    }

    private final Probe probe;
    private final Supplier<Random> random;

    public RouteSelector(Probe probe, Supplier<Random> random) {
        this.probe = probe;
        this.random = random;
    }

    /** Probes with real TCP connections, in an order from {@link ThreadLocalRandom}. */
    public static RouteSelector overTcp() {
        return new RouteSelector(RouteSelector::connect, ThreadLocalRandom::current);
    }

    public Selection select(List<RouteTarget> targets, int timeoutMillis) {
        List<RouteTarget> order = new ArrayList<>(targets);
        Collections.shuffle(order, random.get());
        List<Attempt> attempts = new ArrayList<>(order.size());
        for (RouteTarget t : order) {
            Optional<String> problem = probe.problem(t, timeoutMillis);
            attempts.add(new Attempt(t, problem));
            if (problem.isEmpty()) {
                return new Selection(Optional.of(t), List.copyOf(attempts));
            }
        }
        return new Selection(Optional.empty(), List.copyOf(attempts));
    }

    static Optional<String> connect(RouteTarget target, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
            if (address.isUnresolved()) {
                return Optional.of("host name not found");
            }
            socket.connect(address, timeoutMillis);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
