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

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoute;

/**
 * Table {@code ofFedStaticRoute} (schema version 4) on real HSQLDB and real PostgreSQL (the latter
 * skipped - visibly - without {@value TestDatabases#PG_URL_VARIABLE}), and the version 4 scripts of
 * all six databases.
 */
class JdbcStaticRouteStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123Z");

    static Stream<Arguments> databases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", (Supplier<ConnectionSource>) TestDatabases::hsqldb)),
            Arguments.of(Named.of("PostgreSQL", (Supplier<ConnectionSource>) TestDatabases::postgresql)));
    }

    private static StaticRoute route(String domain, String host, int port, Instant created) {
        return new StaticRoute(domain, new RouteTarget(host, port), created);
    }

    private static List<StaticRoute> sorted(List<StaticRoute> routes) {
        List<StaticRoute> s = new ArrayList<>(routes);
        s.sort(Comparator.comparing(StaticRoute::describe));
        return s;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void routesAreStoredChangedAndDeletedOneRowPerTarget(Supplier<ConnectionSource> db) {
        JdbcStaticRouteStore store = new JdbcStaticRouteStore(db.get());
        StaticRoute a = route("partner.example", "192.0.2.10", 5269, T0);
        StaticRoute b = route("partner.example", "2001:db8::1", 5270, T0.plusSeconds(1));
        StaticRoute c = route("other.example", "xmpp.other.example", 5269, T0.plusSeconds(2));
        store.insert(a);
        store.insert(b);
        store.insert(c);
        assertEquals(sorted(List.of(a, b, c)), sorted(store.loadAll()), "times to the millisecond, IPv6 hosts, ports");
        assertThrows(StoreException.class, () -> store.insert(route("partner.example", "192.0.2.10", 5269, T0)), "one row per domain and target");
        StaticRoute a2 = route("partner.example", "192.0.2.11", 5269, T0);
        store.replace(a, a2);
        store.delete(c);
        assertEquals(sorted(List.of(a2, b)), sorted(store.loadAll()));
        store.replaceAll(List.of(c));
        assertEquals(List.of(c), store.loadAll());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRefusedReplaceKeepsEveryRouteThatWasThere(Supplier<ConnectionSource> db) {
        JdbcStaticRouteStore store = new JdbcStaticRouteStore(db.get());
        StaticRoute a = route("partner.example", "192.0.2.10", 5269, T0);
        store.insert(a);
        List<StaticRoute> twice = List.of(route("x.example", "192.0.2.1", 5269, T0), route("x.example", "192.0.2.1", 5269, T0));
        assertThrows(StoreException.class, () -> store.replaceAll(twice));
        assertEquals(List.of(a), store.loadAll(), "all or nothing");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aThousandRoutesInOneImport(Supplier<ConnectionSource> db) {
        JdbcStaticRouteStore store = new JdbcStaticRouteStore(db.get());
        List<StaticRoute> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(route("partner" + i + ".example", "10.0." + (i / 250) + "." + (i % 250 + 1), 5269, T0));
        }
        store.replaceAll(many);
        assertEquals(1000, store.loadAll().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"db2", "hsqldb", "mysql", "oracle", "postgresql", "sqlserver"})
    void version4CreatesTheRouteTableAsAFreshInstallDoes(String db) throws IOException {
        String install = TestDatabases.script("database/federation_" + db + ".sql");
        String upgrade = TestDatabases.script("database/upgrade/4/federation_" + db + ".sql");
        Matcher table = Pattern.compile("CREATE TABLE ofFedStaticRoute \\([^;]*\\);").matcher(install);
        assertTrue(table.find(), install);
        assertTrue(upgrade.contains(table.group()), "the upgrade creates the install script's route table");
        assertTrue(table.group().contains("PRIMARY KEY (routeDomain, targetHost, targetPort)"), table.group());
        assertTrue(upgrade.contains("UPDATE ofVersion SET version = 4 WHERE name = 'federation';"), upgrade);
        assertTrue(install.contains("INSERT INTO ofVersion (name, version) VALUES ('federation', 4);"), install);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theVersion4UpgradeAddsTheTableToAVersion3Schema(Supplier<ConnectionSource> db) throws Exception {
        ConnectionSource source = db.get();
        try (Connection con = source.open(); Statement st = con.createStatement()) {
            for (String versionFourTable : List.of("ofFedStaticRoute", "ofFedChatAlias", "ofFedPeer")) {
                st.execute("DROP TABLE " + versionFourTable);
            }
            st.execute("UPDATE ofVersion SET version = 3 WHERE name = 'federation'");
        }
        String dbName;
        try (Connection con = source.open()) {
            dbName = con.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres") ? "postgresql" : "hsqldb";
        }
        String script = TestDatabases.script("database/upgrade/4/federation_" + dbName + ".sql").replaceAll("(?m)^--.*$", "");
        for (String sql : script.split(";")) {
            if (!sql.isBlank()) {
                try (Connection con = source.open(); Statement st = con.createStatement()) {
                    st.execute(sql);
                }
            }
        }
        try (Connection con = source.open(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM ofVersion WHERE name = 'federation'")) {
            assertTrue(rs.next());
            assertEquals(4, rs.getInt(1));
        }
        JdbcStaticRouteStore store = new JdbcStaticRouteStore(source);
        store.insert(route("partner.example", "192.0.2.10", 5269, T0));
        assertEquals(1, store.loadAll().size());
    }
}
