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
package org.xmppfed.openfire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventQuery;
import org.xmppfed.openfire.events.FederationEvent;

/**
 * Table {@code ofFedEvent} on real HSQLDB and real PostgreSQL (the latter skipped - visibly -
 * without {@value TestDatabases#PG_URL_VARIABLE}).
 */
class JdbcEventStoreTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

    static Stream<Arguments> databases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", (Supplier<ConnectionSource>) TestDatabases::hsqldb)),
            Arguments.of(Named.of("PostgreSQL", (Supplier<ConnectionSource>) TestDatabases::postgresql)));
    }

    private static FederationEvent event(int second, EventKind kind, String domain, String node) {
        return new FederationEvent(T0.plusSeconds(second), node, kind, domain, kind + " " + second, null, null, 0);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyFieldRoundTripsIncludingNullsAndNonAscii(Supplier<ConnectionSource> db) {
        JdbcEventStore store = new JdbcEventStore(db.get());
        FederationEvent full = new FederationEvent(T0, "node-ä", EventKind.SETTINGS_CHANGED, "partner.example",
            "Federation settings changed", "default policy DENY -> ALLOW, ‘quoted’ 中", "admin", 0);
        FederationEvent bare = new FederationEvent(T0.plusMillis(1), "node-1", EventKind.STANZA_DENIED, null, "Denied", null, null, 41);
        store.insert(List.of(full, bare));
        assertEquals(List.of(bare, full), store.find(EventQuery.newest(10)), "newest first");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void filtersByTimeDomainKindAndNodeAndPages(Supplier<ConnectionSource> db) {
        JdbcEventStore store = new JdbcEventStore(db.get());
        List<FederationEvent> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(event(i, i % 3 == 0 ? EventKind.STANZA_DENIED : EventKind.CONNECTION_CLOSED,
                i % 2 == 0 ? "even.example" : "odd.example", i < 150 ? "node-a" : "node-b"));
        }
        store.insert(all);
        assertEquals(300, store.count(EventQuery.newest(1)));
        assertEquals(List.of("CONNECTION_CLOSED 299"), store.find(EventQuery.newest(1)).stream().map(FederationEvent::summary).toList());

        EventQuery q = new EventQuery(T0.plusSeconds(100), T0.plusSeconds(200), "even.example", EventKind.STANZA_DENIED, "node-b", 0, 100);
        // seconds 150..199, even, multiple of 3 -> multiples of 6 in [150, 200)
        List<Integer> expected = new ArrayList<>();
        for (int i = 199; i >= 150; i--) {
            if (i % 6 == 0) {
                expected.add(i);
            }
        }
        assertEquals(expected.size(), store.count(q));
        assertEquals(expected, seconds(store.find(q)));
        assertEquals(0, store.count(new EventQuery(null, null, "none.example", null, null, 0, 10)));
        assertEquals(100, store.count(new EventQuery(T0.plusSeconds(200), null, null, null, null, 0, 10)), "from inclusive");
        assertEquals(200, store.count(new EventQuery(null, T0.plusSeconds(200), null, null, null, 0, 10)), "to exclusive");

        List<Integer> paged = new ArrayList<>();
        for (int offset = 0; offset < 300; offset += 70) {
            paged.addAll(seconds(store.find(EventQuery.newest(70).page(offset, 70))));
        }
        List<Integer> newestFirst = new ArrayList<>();
        for (int i = 299; i >= 0; i--) {
            newestFirst.add(i);
        }
        assertEquals(newestFirst, paged, "pages neither repeat nor miss a row");
        assertEquals(List.of(), store.find(EventQuery.newest(10).page(300, 10)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eventsOfTheSameMillisecondPageInTheOrderWritten(Supplier<ConnectionSource> db) {
        JdbcEventStore store = new JdbcEventStore(db.get());
        List<FederationEvent> same = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            same.add(new FederationEvent(T0, "n", EventKind.STANZA_DENIED, "d.example", "e" + i, null, null, 0));
        }
        store.insert(same);
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset < 50; offset += 7) {
            store.find(EventQuery.newest(7).page(offset, 7)).forEach(e -> pages.add(e.summary()));
        }
        assertEquals(50, new HashSet<>(pages).size());
        assertEquals("e49", pages.get(0), "the last written is the newest");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void prunesByAge(Supplier<ConnectionSource> db) {
        JdbcEventStore store = new JdbcEventStore(db.get());
        List<FederationEvent> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(event(i, EventKind.STANZA_DENIED, "d.example", "n"));
        }
        store.insert(all);
        assertEquals(40, store.pruneOlderThan(T0.plusSeconds(40)));
        assertEquals(60, store.count(EventQuery.newest(1)));
        assertEquals(40, seconds(store.find(EventQuery.newest(100))).get(59), "the oldest kept is the cut-off");
        assertEquals(0, store.pruneOlderThan(T0.plusSeconds(40)));
    }

    /** The retention limit with twice the default number of rows, from both ends, in bounded time. */
    @ParameterizedTest
    @MethodSource("databases")
    void prunes200000RowsToTheNewestInBoundedTime(Supplier<ConnectionSource> db) {
        JdbcEventStore store = new JdbcEventStore(db.get());
        int total = 200_000;
        for (int start = 0; start < total; start += 10_000) {
            List<FederationEvent> batch = new ArrayList<>();
            for (int i = start; i < start + 10_000; i++) {
                // two rows per millisecond: the cut falls inside a millisecond
                batch.add(new FederationEvent(T0.plusMillis(i / 2), "n", EventKind.STANZA_DENIED, "d.example", "e" + i, null, null, 0));
            }
            store.insert(batch);
        }
        long started = System.nanoTime();
        assertEquals(99_999, store.pruneToNewest(100_001), "the cut read from the oldest end");
        assertEquals(100_001, store.count(EventQuery.newest(1)));
        assertEquals(90_001, store.pruneToNewest(10_000), "the cut read from the newest end");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "pruning took " + took);
        assertEquals(10_000, store.count(EventQuery.newest(1)));
        List<FederationEvent> kept = store.find(EventQuery.newest(10_000));
        assertEquals("e199999", kept.get(0).summary());
        assertEquals("e190000", kept.get(9_999).summary(), "exactly the newest are kept");
        assertEquals(0, store.pruneToNewest(10_000));
        assertEquals(10_000, store.pruneToNewest(0));
    }

    @Test
    void anUnreachableDatabaseIsAStoreException() {
        SQLException refused = new SQLException("connection refused");
        JdbcEventStore store = new JdbcEventStore(() -> {
            throw refused;
        });
        List<FederationEvent> one = List.of(event(0, EventKind.PLUGIN_STARTED, null, "n"));
        assertSame(refused, assertThrows(StoreException.class, () -> store.insert(one)).getCause());
        assertSame(refused, assertThrows(StoreException.class, () -> store.find(EventQuery.newest(1))).getCause());
        assertSame(refused, assertThrows(StoreException.class, () -> store.count(EventQuery.newest(1))).getCause());
        assertSame(refused, assertThrows(StoreException.class, () -> store.pruneOlderThan(T0)).getCause());
        assertSame(refused, assertThrows(StoreException.class, () -> store.pruneToNewest(1)).getCause());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedBatchWritesNothing(Supplier<ConnectionSource> db) throws SQLException {
        ConnectionSource source = db.get();
        JdbcEventStore store = new JdbcEventStore(source);
        FederationEvent ok = event(0, EventKind.PLUGIN_STARTED, null, "n");
        store.insert(List.of(ok));
        try (var con = source.open(); var st = con.createStatement()) {
            st.execute("ALTER TABLE ofFedEvent ADD CONSTRAINT ofFedEvent_no_poison CHECK (summary <> 'poison')");
        }
        FederationEvent poison = new FederationEvent(T0, "n", EventKind.PLUGIN_STARTED, null, "poison", null, null, 0);
        assertThrows(StoreException.class, () -> store.insert(List.of(ok, ok, poison)));
        assertEquals(1, store.count(EventQuery.newest(1)), "the batch is one transaction");
    }

    private static List<Integer> seconds(List<FederationEvent> events) {
        return events.stream().map(e -> (int) Duration.between(T0, e.time()).toSeconds()).toList();
    }
}
