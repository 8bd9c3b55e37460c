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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The choice of a target among equal-priority routes: random order, failover, and no answer when none answers. */
class RouteSelectorTest {
    private static final RouteTarget A = new RouteTarget("192.0.2.1", 5269);
    private static final RouteTarget B = new RouteTarget("192.0.2.2", 5269);
    private static final RouteTarget C = new RouteTarget("192.0.2.3", 5270);

    /** A probe that answers for the targets in {@code up} and records every target it was asked about. */
    private static final class FakeProbe implements RouteSelector.Probe {
        final Set<RouteTarget> up;
        final List<RouteTarget> asked = new ArrayList<>();

        FakeProbe(Set<RouteTarget> up) {
            this.up = up;
        }

        @Override
        public Optional<String> problem(RouteTarget target, int timeoutMillis) {
            asked.add(target);
            return up.contains(target) ? Optional.empty() : Optional.of("Connection refused");
        }
    }

    @Test
    void aTargetThatDoesNotAnswerIsPassedOverForTheNextEveryTime() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            FakeProbe probe = new FakeProbe(Set.of(B));
            RouteSelector.Selection s = new RouteSelector(probe, () -> random).select(List.of(A, B), 1000);
            assertEquals(Optional.of(B), s.chosen());
            assertEquals(probe.asked, s.attempts().stream().map(RouteSelector.Attempt::target).toList());
            assertEquals(B, probe.asked.get(probe.asked.size() - 1), "nothing is tried after the one that answered");
        }
    }

    @Test
    void equalPriorityTargetsAreTriedInRandomOrderSoEveryOneIsFirstSometimes() {
        Random random = new Random(7);
        Set<RouteTarget> firsts = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            FakeProbe probe = new FakeProbe(Set.of(A, B, C));
            RouteSelector.Selection s = new RouteSelector(probe, () -> random).select(List.of(A, B, C), 1000);
            assertEquals(1, s.attempts().size(), "the first answers");
            firsts.add(s.chosen().orElseThrow());
        }
        assertEquals(Set.of(A, B, C), firsts);
    }

    @Test
    void whenNoTargetAnswersThereIsNoChoiceAndEveryTargetWasTriedOnce() {
        FakeProbe probe = new FakeProbe(Set.of());
        RouteSelector.Selection s = new RouteSelector(probe, () -> new Random(1)).select(List.of(A, B, C), 1000);
        assertEquals(Optional.empty(), s.chosen());
        assertEquals(Set.of(A, B, C), new HashSet<>(probe.asked));
        assertEquals(3, probe.asked.size());
        assertTrue(s.attempts().toString().contains("Connection refused"), s.attempts().toString());
    }

    @Test
    void theRealProbeConnectsOverTcpOnLoopback() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket listening = new ServerSocket(0, 5, loopback)) {
            RouteTarget up = new RouteTarget("127.0.0.1", listening.getLocalPort());
            int closedPort;
            try (ServerSocket closed = new ServerSocket(0, 5, loopback)) {
                closedPort = closed.getLocalPort();
            }
            RouteTarget down = new RouteTarget("127.0.0.1", closedPort);
            assertEquals(Optional.empty(), RouteSelector.connect(up, 2000));
            assertTrue(RouteSelector.connect(down, 2000).isPresent());
            RouteSelector.Selection s = RouteSelector.overTcp().select(List.of(down, up), 2000);
            assertEquals(Optional.of(up), s.chosen());
            assertEquals(Optional.empty(), RouteSelector.overTcp().select(List.of(down), 2000).chosen());
        }
    }
}
