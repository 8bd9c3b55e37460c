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
package org.xmppfed.openfire.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EventWriterTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final TestClock clock = new TestClock();
    private final List<List<FederationEvent>> batches = new ArrayList<>();
    private boolean failing;

    private EventWriter writer(int capacity) {
        return new EventWriter(batch -> {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            batches.add(batch);
        }, clock, "node-1", capacity);
    }

    private List<FederationEvent> rows() {
        return batches.stream().flatMap(List::stream).toList();
    }

    @Test
    void anEventIsWrittenAtTheNextFlushWithTimeAndNode() {
        EventWriter w = writer(10);
        w.record(EventKind.SETTINGS_CHANGED, null, "Federation settings changed", "federation on -> off", "admin");
        assertEquals(List.of(), rows(), "nothing is written on the caller's thread");
        assertEquals(1, w.flush());
        assertEquals(List.of(new FederationEvent(T0, "node-1", EventKind.SETTINGS_CHANGED, null, "Federation settings changed",
            "federation on -> off", "admin", 0)), rows());
        assertEquals(0, w.flush(), "written once");
    }

    @Test
    void aFloodOfIdenticalDenialsIsOneRowAndOneCountPerMinute() {
        EventWriter w = writer(100);
        for (int i = 0; i < 1000; i++) {
            w.record(EventKind.STANZA_DENIED, "spam.example", "Denied incoming message from spam.example: default policy",
                "occurrence " + i, null);
            clock.advance(Duration.ofMillis(10));
        }
        w.record(EventKind.STANZA_DENIED, "other.example", "Denied incoming message from other.example: default policy");
        w.flush();
        assertEquals(2, rows().size(), "the first of each, at once");
        assertEquals("occurrence 0", rows().get(0).details());
        assertEquals(0, rows().get(0).repeats());

        clock.advance(Duration.ofSeconds(50)); // the first window (opened at T0) is over
        w.flush();
        FederationEvent repeats = rows().get(2);
        assertEquals(999, repeats.repeats(), "n more like this");
        assertEquals("spam.example", repeats.remoteDomain());
        assertEquals("occurrence 999", repeats.details(), "the latest details");
        assertEquals(T0.plusMillis(9990), repeats.time(), "the time of the last one");
        assertEquals(3, rows().size(), "other.example had no repeats: no second row");

        w.record(EventKind.STANZA_DENIED, "spam.example", "Denied incoming message from spam.example: default policy");
        w.flush();
        assertEquals(4, rows().size(), "a new minute starts with a row of its own");
        assertEquals(0, rows().get(3).repeats());
    }

    @Test
    void administratorsChangesAreNeverMerged() {
        EventWriter w = writer(10);
        w.record(EventKind.SETTINGS_CHANGED, null, "Email domain added", "a.example", "admin");
        w.record(EventKind.SETTINGS_CHANGED, null, "Email domain added", "b.example", "admin");
        w.flushAll();
        assertEquals(List.of("a.example", "b.example"), rows().stream().map(FederationEvent::details).toList());
    }

    @Test
    void aFullQueueDropsCountsAndReportsOnceThereIsRoomNeverBlocking() {
        EventWriter w = writer(10);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 1_000_000; i++) {
                w.record(EventKind.STANZA_DENIED, "d" + i + ".example", "Denied incoming presence");
            }
        }, "recording never waits for the writer");
        assertEquals(10, w.queued());
        w.flush();
        List<FederationEvent> rows = rows();
        assertEquals(11, rows.size());
        FederationEvent report = rows.get(10);
        assertEquals(EventKind.EVENTS_DROPPED, report.kind());
        assertTrue(report.summary().startsWith("999990 events were not recorded"), report.summary());
        w.flush();
        assertEquals(11, rows().size(), "reported once");
    }

    @Test
    void writesInBatchesOfAtMost500() {
        EventWriter w = writer(5000);
        for (int i = 0; i < 1200; i++) {
            w.record(EventKind.SETTINGS_CHANGED, null, "change " + i, null, "admin");
        }
        assertEquals(1200, w.flush());
        assertEquals(List.of(500, 500, 200), batches.stream().map(List::size).toList());
        assertEquals("change 0", rows().get(0).summary(), "in the order recorded");
        assertEquals("change 1199", rows().get(1199).summary());
    }

    @Test
    void aFailedWriteIsCountedAsDroppedAndReportedLater() {
        EventWriter w = writer(10);
        w.record(EventKind.PLUGIN_STARTED, null, "Federation plugin started");
        w.record(EventKind.SETTINGS_CHANGED, null, "x", null, "admin");
        failing = true;
        assertThrows(IllegalStateException.class, w::flush);
        failing = false;
        w.flush();
        assertEquals(1, rows().size());
        assertTrue(rows().get(0).summary().startsWith("2 events were not recorded"), rows().get(0).summary());
    }

    @Test
    void concurrentRepeatsAreAllCounted() throws Exception {
        EventWriter w = writer(1000);
        int threads = 8;
        int each = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    w.record(EventKind.STANZA_DENIED, "flood.example", "Denied incoming message from flood.example");
                    if (i % 1000 == 0) {
                        clock.advance(Duration.ofSeconds(1)); // windows end while others still count
                    }
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        w.flushAll();
        long represented = rows().stream().mapToLong(e -> e.repeats() == 0 ? 1 : e.repeats()).sum();
        assertEquals((long) threads * each, represented, "every event is a row or counted in one");
    }

    @Test
    void longTextsAreCutToWhatTheColumnsHold() {
        EventWriter w = writer(10);
        w.record(EventKind.SETTINGS_CHANGED, "d".repeat(300), "s".repeat(1000), "x".repeat(247) + "\uD83D\uDE00" + "y".repeat(5000),
            "a".repeat(100));
        w.flush();
        FederationEvent e = rows().get(0);
        assertEquals(FederationEvent.SUMMARY_CHARS, e.summary().length());
        assertTrue(e.summary().endsWith("…"));
        assertEquals(FederationEvent.DOMAIN_CHARS, e.remoteDomain().length());
        assertEquals(FederationEvent.NAME_CHARS, e.adminUser().length());
        assertTrue(e.details().length() <= FederationEvent.DETAILS_CHARS);
    }
}
