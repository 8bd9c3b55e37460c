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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table {@code ofFedRemoteDomain} on real HSQLDB and real PostgreSQL. */
class JdbcRemoteDomainStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", (Supplier<ConnectionSource>) TestDatabases::hsqldb)),
            Arguments.of(Named.of("PostgreSQL", (Supplier<ConnectionSource>) TestDatabases::postgresql)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDomainSeenAgainKeepsOneRowWithTheLatestTime(Supplier<ConnectionSource> db) {
        JdbcRemoteDomainStore store = new JdbcRemoteDomainStore(db.get());
        assertEquals(Optional.empty(), store.lastSeen("partner.example"));
        store.recordSeen(List.of("partner.example", "other.example"), T0, 100);
        store.recordSeen(List.of("partner.example"), T0.plusSeconds(60), 100);
        assertEquals(Optional.of(T0.plusSeconds(60)), store.lastSeen("partner.example"));
        assertEquals(Optional.of(T0), store.lastSeen("other.example"));
        assertEquals(Optional.empty(), store.lastSeen("never.example"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyTheNewestRowsAreKept(Supplier<ConnectionSource> db) {
        JdbcRemoteDomainStore store = new JdbcRemoteDomainStore(db.get());
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            old.add("old" + i + ".example");
        }
        store.recordSeen(old, T0, 50);
        store.recordSeen(List.of("old0.example"), T0.plusSeconds(10), 50); // seen again: among the newest now
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fresh.add("new" + i + ".example");
        }
        store.recordSeen(fresh, T0.plusSeconds(20), 50);
        int kept = 0;
        for (String d : old) {
            kept += store.lastSeen(d).isPresent() ? 1 : 0;
        }
        assertEquals(20, kept, "60 names, room for 50: the 10 oldest go");
        assertEquals(Optional.of(T0.plusSeconds(10)), store.lastSeen("old0.example"), "the one seen again stays");
        for (String d : fresh) {
            assertEquals(Optional.of(T0.plusSeconds(20)), store.lastSeen(d));
        }
    }

    @Test
    void anUnreachableDatabaseIsAStoreException() {
        SQLException refused = new SQLException("connection refused");
        JdbcRemoteDomainStore store = new JdbcRemoteDomainStore(() -> {
            throw refused;
        });
        assertSame(refused, assertThrows(StoreException.class, () -> store.lastSeen("a.example")).getCause());
        assertSame(refused, assertThrows(StoreException.class, () -> store.recordSeen(List.of("a.example"), T0, 10)).getCause());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void exactlyTheLimitKeepsEveryRow(Supplier<ConnectionSource> db) {
        JdbcRemoteDomainStore store = new JdbcRemoteDomainStore(db.get());
        store.recordSeen(List.of("a.example", "b.example", "c.example"), T0, 3);
        for (String d : List.of("a.example", "b.example", "c.example")) {
            assertEquals(Optional.of(T0), store.lastSeen(d), d);
        }
    }

    /** Whatever mode a pooled connection comes in, the change is committed and the mode restored. */
    @ParameterizedTest
    @MethodSource("databases")
    void aPooledConnectionIsCommittedAndHandedBackInItsMode(Supplier<ConnectionSource> db) throws SQLException {
        ConnectionSource database = db.get();
        for (boolean autoCommit : new boolean[] {true, false}) {
            TestDatabases.PooledConnection pooled = new TestDatabases.PooledConnection(database, autoCommit);
            new JdbcRemoteDomainStore(pooled).recordSeen(List.of("pooled-" + autoCommit + ".example"), T0, 10);
            assertEquals(autoCommit, pooled.real().getAutoCommit(), "handed back in the mode it came in");
            if (!autoCommit) {
                pooled.real().rollback(); // what the pool's next user would do; a committed insert stays
            }
            pooled.real().close();
        }
        JdbcRemoteDomainStore store = new JdbcRemoteDomainStore(database);
        assertEquals(Optional.of(T0), store.lastSeen("pooled-true.example"));
        assertEquals(Optional.of(T0), store.lastSeen("pooled-false.example"));
    }

    /** The database refuses the second name (longer than the column): the first is not kept either. */
    @ParameterizedTest
    @MethodSource("databases")
    void aBatchTheDatabaseRefusesHalfwayKeepsNothing(Supplier<ConnectionSource> db) {
        JdbcRemoteDomainStore store = new JdbcRemoteDomainStore(db.get());
        String tooLong = "x".repeat(300) + ".example";
        StoreException e = assertThrows(StoreException.class,
            () -> store.recordSeen(List.of("first.example", tooLong, "third.example"), T0, 10));
        assertTrue(e.getCause() instanceof SQLException, String.valueOf(e.getCause()));
        assertEquals(Optional.empty(), store.lastSeen("first.example"), "nothing of the refused batch is kept");
    }
}
