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
package org.xmppfed.openfire.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.peer.NonceMemory.Use;

class NonceMemoryTest {
    private static final long NOW = 1_800_000_000L;
    private static final long KEEP = NOW + 600;

    @Test
    void aNonceIsFirstOnceAndReplayedAfterwards() {
        NonceMemory m = NonceMemory.local(10);
        assertEquals(Use.FIRST, m.remember("nonce-aaaaaaaaaaaa", NOW, KEEP));
        assertEquals(Use.REPLAYED, m.remember("nonce-aaaaaaaaaaaa", NOW + 1, KEEP + 1));
        assertEquals(Use.FIRST, m.remember("nonce-bbbbbbbbbbbb", NOW, KEEP));
        assertEquals(2, m.size());
    }

    @Test
    void twoNodesSharingTheMapRefuseWhatTheOtherAccepted() {
        Map<String, Long> cluster = new ConcurrentHashMap<>();
        NonceMemory node1 = new NonceMemory(cluster, 10);
        NonceMemory node2 = new NonceMemory(cluster, 10);
        assertEquals(Use.FIRST, node1.remember("nonce-aaaaaaaaaaaa", NOW, KEEP));
        assertEquals(Use.REPLAYED, node2.remember("nonce-aaaaaaaaaaaa", NOW, KEEP), "replayed to the other node");
        assertEquals(Use.FIRST, node2.remember("nonce-bbbbbbbbbbbb", NOW, KEEP));
        assertEquals(Use.REPLAYED, node1.remember("nonce-bbbbbbbbbbbb", NOW, KEEP));
    }

    @Test
    void aNonceWhoseTimeIsOverCountsAsNew() {
        // The map would have dropped it (the cache's entry lifetime); if it has not yet, it no longer counts.
        Map<String, Long> map = new HashMap<>();
        map.put("nonce-aaaaaaaaaaaa", NOW - 1);
        assertEquals(Use.FIRST, new NonceMemory(map, 10).remember("nonce-aaaaaaaaaaaa", NOW, KEEP));
        assertEquals(KEEP, map.get("nonce-aaaaaaaaaaaa"));
    }

    @Test
    void aFullMemoryForgetsExpiredNoncesFirstAndOtherwiseRefusesRatherThanForget() {
        Map<String, Long> map = new HashMap<>();
        NonceMemory m = new NonceMemory(map, 3);
        map.put("old-1-aaaaaaaaaaaa", NOW - 10);
        map.put("old-2-aaaaaaaaaaaa", NOW - 5);
        assertEquals(Use.FIRST, m.remember("new-1-aaaaaaaaaaaa", NOW, KEEP));
        assertEquals(3, map.size());
        assertEquals(Use.FIRST, m.remember("new-2-aaaaaaaaaaaa", NOW, KEEP), "room made by forgetting the expired ones");
        assertEquals(Map.of("new-1-aaaaaaaaaaaa", KEEP, "new-2-aaaaaaaaaaaa", KEEP), map);
        assertEquals(Use.FIRST, m.remember("new-3-aaaaaaaaaaaa", NOW, KEEP));
        assertEquals(Use.FULL, m.remember("new-4-aaaaaaaaaaaa", NOW, KEEP), "nothing expired: refused");
        assertEquals(Use.REPLAYED, m.remember("new-1-aaaaaaaaaaaa", NOW, KEEP), "a replay is still a replay when full");
        assertEquals(3, map.size());
        assertEquals(Use.FIRST, m.remember("new-4-aaaaaaaaaaaa", KEEP + 1, KEEP + 601), "once they expire there is room again");
    }

    @Test
    void ofManyRequestsWithOneNonceAtOnceExactlyOneIsFirst() throws Exception {
        Map<String, Long> cluster = new ConcurrentHashMap<>();
        List<NonceMemory> nodes = List.of(new NonceMemory(cluster, 100), new NonceMemory(cluster, 100));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                String nonce = "nonce-" + round + "-aaaaaaaaaaaa";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Use>> uses = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    NonceMemory node = nodes.get(i % 2);
                    uses.add(pool.submit(() -> {
                        start.await();
                        return node.remember(nonce, NOW, KEEP);
                    }));
                }
                start.countDown();
                int first = 0;
                for (Future<Use> u : uses) {
                    first += u.get(10, TimeUnit.SECONDS) == Use.FIRST ? 1 : 0;
                }
                assertEquals(1, first, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMemoryWithoutRoomIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> NonceMemory.local(0));
    }
}
