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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.alias.ChatNodeAlias;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoute;

/**
 * Stores of different tables writing in one transaction through a {@link TransactionScope}, on real
 * HSQLDB and PostgreSQL: committed together, or - when any write fails - none of them kept.
 */
class TransactionScopeTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", (Supplier<ConnectionSource>) TestDatabases::hsqldb)),
            Arguments.of(Named.of("PostgreSQL", (Supplier<ConnectionSource>) TestDatabases::postgresql)));
    }

    private static PolicyException exception(String pattern) {
        return PolicyException.of(pattern, Direction.BOTH, T0);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void writesOfThreeStoresAreCommittedTogether(Supplier<ConnectionSource> database) {
        ConnectionSource source = database.get();
        TransactionScope db = new TransactionScope(source);
        JdbcPolicyExceptionStore policy = new JdbcPolicyExceptionStore(db);
        JdbcStaticRouteStore routes = new JdbcStaticRouteStore(db);
        JdbcChatAliasStore aliases = new JdbcChatAliasStore(db);
        String result = db.inOneTransaction("write three tables", () -> {
            policy.replaceAll(List.of(exception("a.example"), exception("b.example")));
            routes.replaceAll(List.of(new StaticRoute("a.example", new RouteTarget("192.0.2.1", 5269), T0)));
            aliases.insert(new ChatNodeAlias("chat.example", "conference.openfire.example"), T0);
            assertEquals(2, policy.loadAll().size(), "reads inside the scope see its own writes");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(2, new JdbcPolicyExceptionStore(source).loadAll().size(), "committed, seen outside the scope");
        assertEquals(1, routes.loadAll().size());
        assertEquals(List.of(new ChatNodeAlias("chat.example", "conference.openfire.example")), aliases.loadAll());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingWriteRollsBackTheWritesOfTheOtherStores(Supplier<ConnectionSource> database) throws SQLException {
        ConnectionSource source = database.get();
        TransactionScope db = new TransactionScope(source);
        JdbcPolicyExceptionStore policy = new JdbcPolicyExceptionStore(db);
        JdbcStaticRouteStore routes = new JdbcStaticRouteStore(db);
        policy.replaceAll(List.of(exception("before.example")));
        routes.replaceAll(List.of(new StaticRoute("before.example", new RouteTarget("192.0.2.9", 5269), T0)));
        try (Connection con = source.open(); Statement st = con.createStatement()) {
            st.execute("DROP TABLE ofFedChatAlias"); // the third write will fail in the database
        }
        JdbcChatAliasStore aliases = new JdbcChatAliasStore(db);
        StoreException e = assertThrows(StoreException.class, () -> db.inOneTransaction("write three tables", () -> {
            policy.replaceAll(List.of(exception("after.example")));
            routes.replaceAll(List.of());
            aliases.insert(new ChatNodeAlias("chat.example", "conference.openfire.example"), T0);
            return null;
        }));
        assertTrue(e.getMessage().contains("chat node alias"), e.getMessage());
        assertEquals(List.of("before.example"), policy.loadAll().stream().map(x -> x.pattern().toString()).toList(), "rolled back");
        assertEquals(1, routes.loadAll().size(), "rolled back");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anExceptionOfTheWorkItselfRollsBackAndIsPassedOn(Supplier<ConnectionSource> database) {
        TransactionScope db = new TransactionScope(database.get());
        JdbcPolicyExceptionStore policy = new JdbcPolicyExceptionStore(db);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.inOneTransaction("write", () -> {
            policy.replaceAll(List.of(exception("a.example")));
            throw new IllegalStateException("checked after the write");
        }));
        assertEquals("checked after the write", e.getMessage());
        assertEquals(List.of(), policy.loadAll());
        policy.insert(exception("outside.example")); // outside a scope every store has its own transaction, as before
        assertEquals(1, policy.loadAll().size());
    }
}
