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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.DomainPattern;
import org.xmppfed.openfire.policy.PolicyException;

class JdbcPolicyExceptionStoreTest {

    static Stream<Arguments> databases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", (Supplier<ConnectionSource>) TestDatabases::hsqldb)),
            Arguments.of(Named.of("PostgreSQL", (Supplier<ConnectionSource>) TestDatabases::postgresql)));
    }

    private static List<PolicyException> generate(int n) {
        Instant base = Instant.parse("2026-03-01T10:00:00Z");
        Direction[] dirs = Direction.values();
        List<PolicyException> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String p = (i % 4 == 0 ? "*." : "") + "host" + i + ".zone" + (i % 97) + ".example";
            list.add(new PolicyException(DomainPattern.parse(p), dirs[i % 3], base.plusSeconds(i), base.plusSeconds(2L * i)));
        }
        return list;
    }

    private static List<PolicyException> sorted(List<PolicyException> l) {
        List<PolicyException> s = new ArrayList<>(l);
        s.sort(Comparator.comparing(e -> e.pattern().toString()));
        return s;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void roundTripsTenThousandExceptions(Supplier<ConnectionSource> db) {
        JdbcPolicyExceptionStore store = new JdbcPolicyExceptionStore(db.get());
        List<PolicyException> all = generate(10_000);
        store.replaceAll(all);
        assertEquals(sorted(all), sorted(store.loadAll()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void insertReplaceAndDeleteSingleExceptions(Supplier<ConnectionSource> db) {
        JdbcPolicyExceptionStore store = new JdbcPolicyExceptionStore(db.get());
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PolicyException a = new PolicyException(DomainPattern.parse("a.example"), Direction.BOTH, t, t);
        PolicyException b = new PolicyException(DomainPattern.parse("*.b.example"), Direction.INCOMING, t, t);
        store.insert(a);
        store.insert(b);
        PolicyException a2 = new PolicyException(DomainPattern.parse("a2.example"), Direction.OUTGOING, t, t.plusSeconds(5));
        store.replace(a.pattern(), a2);
        assertEquals(sorted(List.of(a2, b)), sorted(store.loadAll()));
        store.delete(b.pattern());
        assertEquals(List.of(a2), store.loadAll());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedReplaceAllChangesNothing(Supplier<ConnectionSource> db) {
        JdbcPolicyExceptionStore store = new JdbcPolicyExceptionStore(db.get());
        List<PolicyException> before = generate(50);
        store.replaceAll(before);
        List<PolicyException> withDuplicate = new ArrayList<>(generate(20));
        withDuplicate.add(withDuplicate.get(3)); // primary key violation in the middle of the batch
        assertThrows(StoreException.class, () -> store.replaceAll(withDuplicate));
        assertEquals(sorted(before), sorted(store.loadAll()));
    }

    /** Whatever mode a pooled connection comes in, the change is committed and the mode restored. */
    @ParameterizedTest
    @MethodSource("databases")
    void aPooledConnectionIsCommittedAndHandedBackInItsMode(Supplier<ConnectionSource> db) throws SQLException {
        ConnectionSource database = db.get();
        List<PolicyException> expected = new ArrayList<>();
        for (boolean autoCommit : new boolean[] {true, false}) {
            TestDatabases.PooledConnection pooled = new TestDatabases.PooledConnection(database, autoCommit);
            PolicyException e = PolicyException.of("pooled-" + autoCommit + ".example", Direction.BOTH, Instant.EPOCH);
            new JdbcPolicyExceptionStore(pooled).insert(e);
            expected.add(e);
            assertEquals(autoCommit, pooled.real().getAutoCommit(), "handed back in the mode it came in");
            if (!autoCommit) {
                pooled.real().rollback(); // what the pool's next user would do; a committed insert stays
            }
            pooled.real().close();
        }
        assertEquals(sorted(expected), sorted(new JdbcPolicyExceptionStore(database).loadAll()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void insertingAnExistingPatternFailsAndKeepsTheOriginal(Supplier<ConnectionSource> db) {
        JdbcPolicyExceptionStore store = new JdbcPolicyExceptionStore(db.get());
        PolicyException a = PolicyException.of("a.example", Direction.BOTH, Instant.EPOCH);
        store.insert(a);
        assertThrows(StoreException.class, () -> store.insert(PolicyException.of("a.example", Direction.INCOMING, Instant.EPOCH)));
        assertEquals(List.of(a), store.loadAll());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theScriptRegistersTheSchemaVersion(Supplier<ConnectionSource> db) throws SQLException {
        try (Connection con = db.get().open(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM ofVersion WHERE name = 'federation'")) {
            assertTrue(rs.next());
            assertEquals(4, rs.getInt(1), "the version plugin.xml declares");
        }
    }
}
