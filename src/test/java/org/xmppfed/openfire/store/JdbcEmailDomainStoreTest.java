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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table {@code ofFedEmailDomain} on real HSQLDB and real PostgreSQL (the latter skipped - visibly -
 * without {@value TestDatabases#PG_URL_VARIABLE}), and the upgrade of an installed 1.0 schema
 * (version 1) by {@code database/upgrade/2/federation_<db>.sql}.
 */
class JdbcEmailDomainStoreTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

    static Stream<Arguments> databases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", (Supplier<ConnectionSource>) TestDatabases::hsqldb)),
            Arguments.of(Named.of("PostgreSQL", (Supplier<ConnectionSource>) TestDatabases::postgresql)));
    }

    private static List<String> generate(int n) {
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            domains.add("mail" + i + ".dept" + (i % 97) + ".example");
        }
        return domains;
    }

    // ---- the store ----

    /**
     * Ten thousand domains in one transaction (as {@code recordUserDomains} writes them), then single
     * inserts (as the administrator adds them; each opens its own connection, which costs tens of
     * milliseconds against a password-protected PostgreSQL without Openfire's pool, hence fewer).
     */
    @ParameterizedTest
    @MethodSource("databases")
    void roundTripsTenThousandDomains(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        assertEquals(Map.of(), created(store.loadAll()));
        List<String> all = generate(10_000);
        assertEquals(10_000, store.insertMissing(all, T0));
        Map<String, Instant> expected = new HashMap<>();
        all.forEach(d -> expected.put(d, T0));
        assertEquals(expected, created(store.loadAll()));

        for (int i = 0; i < 100; i++) {
            String domain = "single" + i + ".example";
            Instant created = T0.plusMillis(1_000L * i + i);
            store.insert(domain, created, true);
            expected.put(domain, created);
        }
        assertEquals(expected, created(store.loadAll()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void longNamesAndEpochTimesSurvive(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        String l63 = "a".repeat(63);
        String longest = l63 + "." + l63 + "." + l63 + "." + l63; // 255 characters, the most a domain may have
        store.insert(longest, T0, true);
        store.insert("epoch.test", Instant.EPOCH, true);
        assertEquals(Map.of(longest, T0, "epoch.test", Instant.EPOCH), created(store.loadAll()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void insertMissingIsIdempotent(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        store.insert("admin.test", T0, true);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            first.add("user" + i + ".test");
        }
        first.add("admin.test");
        assertEquals(100, store.insertMissing(first, T0.plusSeconds(1)));
        assertEquals(0, store.insertMissing(first, T0.plusSeconds(2)), "all recorded already");
        List<String> second = new ArrayList<>(first);
        second.add("late.test");
        second.add("late.test");
        assertEquals(1, store.insertMissing(second, T0.plusSeconds(3)), "a name twice in one call is recorded once");
        assertEquals(0, store.insertMissing(List.of(), T0.plusSeconds(4)));

        Map<String, Instant> rows = created(store.loadAll());
        assertEquals(102, rows.size());
        assertEquals(T0, rows.get("admin.test"), "an existing row keeps its time");
        assertEquals(T0.plusSeconds(1), rows.get("user42.test"));
        assertEquals(T0.plusSeconds(3), rows.get("late.test"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void renameKeepsTheRecordedTime(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        store.insert("old.test", T0, true);
        store.insert("other.test", T0.plusSeconds(5), true);
        store.rename("old.test", "new.test");
        assertEquals(Map.of("new.test", T0, "other.test", T0.plusSeconds(5)), created(store.loadAll()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void renamingAMissingDomainFailsAndChangesNothing(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        store.insert("a.test", T0, true);
        StoreException e = assertThrows(StoreException.class, () -> store.rename("missing.test", "b.test"));
        assertTrue(e.getMessage().contains("missing.test"), e.getMessage());
        assertEquals(Map.of("a.test", T0), created(store.loadAll()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void renamingOntoAnExistingDomainFailsAndChangesNothing(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        store.insert("a.test", T0, true);
        store.insert("b.test", T0.plusSeconds(1), true);
        assertThrows(StoreException.class, () -> store.rename("a.test", "b.test"));
        assertEquals(Map.of("a.test", T0, "b.test", T0.plusSeconds(1)), created(store.loadAll()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDuplicateInsertFailsAndChangesNothing(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        store.insert("a.test", T0, true);
        assertThrows(StoreException.class, () -> store.insert("a.test", T0.plusSeconds(60), true));
        assertEquals(Map.of("a.test", T0), created(store.loadAll()));
        store.insert("b.test", T0.plusSeconds(1), true);
        assertEquals(Map.of("a.test", T0, "b.test", T0.plusSeconds(1)), created(store.loadAll()), "the store still works");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deleteRemovesOnlyThatDomain(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        store.insert("a.test", T0, true);
        store.insert("b.test", T0, true);
        store.delete("a.test");
        assertEquals(Map.of("b.test", T0), created(store.loadAll()));
        store.delete("a.test");
        store.delete("never.test");
        assertEquals(Map.of("b.test", T0), created(store.loadAll()), "deleting a missing domain changes nothing");
        store.delete("b.test");
        assertEquals(Map.of(), created(store.loadAll()));
    }

    /** The database itself refuses the third name (longer than the column): the first two are not kept either. */
    @ParameterizedTest
    @MethodSource("databases")
    void aBatchTheDatabaseRefusesHalfwayChangesNothing(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        store.insert("kept.test", T0, true);
        String tooLong = "b".repeat(300) + ".test";
        StoreException e = assertThrows(StoreException.class,
            () -> store.insertMissing(List.of("first.test", "second.test", tooLong, "fourth.test"), T0.plusSeconds(1)));
        assertTrue(e.getCause() instanceof SQLException, String.valueOf(e.getCause()));
        assertEquals(Map.of("kept.test", T0), created(store.loadAll()));
        assertThrows(StoreException.class, () -> store.rename("kept.test", tooLong));
        assertEquals(Map.of("kept.test", T0), created(store.loadAll()));
    }

    /** Whatever mode a pooled connection comes in, the change is committed and the mode restored. */
    @ParameterizedTest
    @MethodSource("databases")
    void aPooledConnectionIsCommittedAndHandedBackInItsMode(Supplier<ConnectionSource> db) throws SQLException {
        ConnectionSource database = db.get();
        for (boolean autoCommit : new boolean[] {true, false}) {
            TestDatabases.PooledConnection pooled = new TestDatabases.PooledConnection(database, autoCommit);
            new JdbcEmailDomainStore(pooled).insert("pooled-" + autoCommit + ".test", T0, true);
            assertEquals(autoCommit, pooled.real().getAutoCommit(), "handed back in the mode it came in");
            if (!autoCommit) {
                pooled.real().rollback(); // what the pool's next user would do; a committed insert stays
            }
            pooled.real().close();
        }
        assertEquals(Map.of("pooled-true.test", T0, "pooled-false.test", T0), created(new JdbcEmailDomainStore(database).loadAll()));
    }

    @Test
    void anUnreachableDatabaseIsAStoreException() {
        SQLException refused = new SQLException("connection refused");
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(() -> {
            throw refused;
        });
        assertSame(refused, assertThrows(StoreException.class, store::loadAll).getCause());
        StoreException insert = assertThrows(StoreException.class, () -> store.insert("a.test", T0, true));
        assertEquals("Could not add email domain a.test: connection refused", insert.getMessage());
        assertSame(refused, assertThrows(StoreException.class, () -> store.insertMissing(List.of("a.test"), T0)).getCause());
        assertSame(refused, assertThrows(StoreException.class, () -> store.rename("a.test", "b.test")).getCause());
        assertSame(refused, assertThrows(StoreException.class, () -> store.delete("a.test")).getCause());
    }

    /** Name to recorded time, for the tests that are about times and names. */
    private static Map<String, Instant> created(Map<String, EmailDomainStore.Recorded> rows) {
        Map<String, Instant> result = new HashMap<>();
        rows.forEach((name, r) -> result.put(name, r.created()));
        return result;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void domainsThatUsersBringInAreProposedUntilApproved(Supplier<ConnectionSource> db) {
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(db.get());
        store.insert("admin.test", T0, true);
        store.insert("held.test", T0, false);
        assertEquals(1, store.insertMissing(List.of("admin.test", "user.test"), T0.plusSeconds(1)));
        assertEquals(Map.of(
            "admin.test", new EmailDomainStore.Recorded(T0, true),
            "held.test", new EmailDomainStore.Recorded(T0, false),
            "user.test", new EmailDomainStore.Recorded(T0.plusSeconds(1), false)), store.loadAll());
        store.setApproved("user.test", true);
        store.setApproved("admin.test", false);
        assertEquals(Map.of(
            "admin.test", new EmailDomainStore.Recorded(T0, false),
            "held.test", new EmailDomainStore.Recorded(T0, false),
            "user.test", new EmailDomainStore.Recorded(T0.plusSeconds(1), true)), store.loadAll());
        store.rename("held.test", "renamed.test");
        assertFalse(store.loadAll().get("renamed.test").approved(), "a rename keeps the approval as it was");
        StoreException missing = assertThrows(StoreException.class, () -> store.setApproved("missing.test", true));
        assertTrue(missing.getMessage().contains("missing.test"), missing.getMessage());
    }

    // ---- the upgrade from version 1 ----

    /** Version 1 of the install scripts, as released (before the email domain table). */
    private static String v1Script(String db) {
        return "-- Federation plugin tables (" + db + ")\n"
            + "CREATE TABLE ofFedPolicyException (\n"
            + "  pattern     VARCHAR(255)  NOT NULL,\n"
            + "  direction   VARCHAR(16)   NOT NULL,\n"
            + "  createdAt   BIGINT       NOT NULL,\n"
            + "  changedAt   BIGINT       NOT NULL,\n"
            + "  CONSTRAINT ofFedPolicyException_pk PRIMARY KEY (pattern)\n"
            + ");\n"
            + "\n"
            + "INSERT INTO ofVersion (name, version) VALUES ('federation', 1);\n";
    }

    private static final String OF_VERSION = "CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (name))";

    /** An empty database: a database or schema of its own per name, so nothing else is touched. */
    record EmptyDatabase(String script, Function<String, ConnectionSource> create) {
    }

    static Stream<Arguments> emptyDatabases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", new EmptyDatabase("hsqldb", name -> {
                String url = "jdbc:hsqldb:mem:federation-" + name + "-" + UUID.randomUUID() + ";sql.syntax_pgs=false";
                return () -> DriverManager.getConnection(url, "SA", "");
            }))),
            Arguments.of(Named.of("PostgreSQL", new EmptyDatabase("postgresql", name -> TestDatabases.postgresqlSchema("upgrade_" + name)))));
    }

    private static void run(ConnectionSource source, String script) throws SQLException {
        try (Connection con = source.open(); Statement st = con.createStatement()) {
            for (String sql : script.split(";")) {
                StringBuilder statement = new StringBuilder();
                for (String line : sql.split("\n")) {
                    if (!line.strip().startsWith("--")) {
                        statement.append(line).append('\n');
                    }
                }
                if (!statement.toString().isBlank()) {
                    st.execute(statement.toString().strip());
                }
            }
        }
    }

    private static int version(ConnectionSource source) throws SQLException {
        try (Connection con = source.open(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM ofVersion WHERE name = 'federation'")) {
            assertTrue(rs.next(), "the plugin's row in ofVersion");
            int version = rs.getInt(1);
            assertFalse(rs.next());
            return version;
        }
    }

    /** Name, type, size and nullability of every column of a table, and its primary key. */
    private static List<String> describe(ConnectionSource source, String table) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection con = source.open()) {
            DatabaseMetaData meta = con.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table.toLowerCase();
            String schema = con.getSchema();
            try (ResultSet rs = meta.getColumns(null, schema, name, null)) {
                while (rs.next()) {
                    result.add(rs.getString("COLUMN_NAME").toLowerCase() + " " + JDBCType.valueOf(rs.getInt("DATA_TYPE"))
                        + (rs.getInt("DATA_TYPE") == Types.VARCHAR ? "(" + rs.getInt("COLUMN_SIZE") + ")" : "")
                        + " " + rs.getString("IS_NULLABLE"));
                }
            }
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, name)) {
                while (rs.next()) {
                    result.add("pk " + rs.getString("COLUMN_NAME").toLowerCase());
                }
            }
            try (ResultSet rs = meta.getIndexInfo(null, schema, name, false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    if (index != null && index.toLowerCase().endsWith("_idx")) {
                        result.add("index " + (index.equalsIgnoreCase("ofFedEvent_time_idx") ? "ofFedEvent_time_idx" : index)
                            + " " + rs.getString("COLUMN_NAME").toLowerCase());
                    }
                }
            }
        }
        return result;
    }

    @ParameterizedTest
    @MethodSource("emptyDatabases")
    void upgradingVersion1ThroughVersion4GivesTheFreshSchemaAndKeepsServedDomains(EmptyDatabase db) throws Exception {
        ConnectionSource installed = db.create().apply("v1");
        run(installed, OF_VERSION);
        run(installed, v1Script(db.script()));
        assertEquals(1, version(installed));
        try (Connection con = installed.open();
             PreparedStatement ps = con.prepareStatement("INSERT INTO ofFedPolicyException VALUES (?, ?, ?, ?)")) {
            ps.setString(1, "*.partner.example");
            ps.setString(2, "BOTH");
            ps.setLong(3, 1L);
            ps.setLong(4, 2L);
            ps.executeUpdate();
        }

        run(installed, TestDatabases.script("database/upgrade/2/federation_" + db.script() + ".sql"));
        assertEquals(2, version(installed));
        // what version 2 recorded: every domain it had was served
        try (Connection con = installed.open();
             PreparedStatement ps = con.prepareStatement("INSERT INTO ofFedEmailDomain (emailDomain, createdAt) VALUES (?, ?)")) {
            ps.setString(1, "served.example");
            ps.setLong(2, T0.toEpochMilli());
            ps.executeUpdate();
        }

        run(installed, TestDatabases.script("database/upgrade/3/federation_" + db.script() + ".sql"));

        assertEquals(3, version(installed));
        run(installed, TestDatabases.script("database/upgrade/4/federation_" + db.script() + ".sql"));
        assertEquals(4, version(installed));
        JdbcEmailDomainStore store = new JdbcEmailDomainStore(installed);
        assertEquals(Map.of("served.example", new EmailDomainStore.Recorded(T0, true)), store.loadAll(),
            "domains served before the upgrade stay served");
        store.insert("mail.example", T0, true);
        assertEquals(1, store.insertMissing(List.of("mail.example", "other.example"), T0.plusSeconds(1)));
        assertThrows(StoreException.class, () -> store.insert("mail.example", T0, true), "the primary key is there");
        store.rename("other.example", "renamed.example");
        assertEquals(Map.of("served.example", T0, "mail.example", T0, "renamed.example", T0.plusSeconds(1)), created(store.loadAll()));
        assertFalse(store.loadAll().get("renamed.example").approved());
        JdbcRemoteDomainStore seen = new JdbcRemoteDomainStore(installed);
        seen.recordSeen(List.of("partner.example"), T0, 10);
        assertEquals(java.util.Optional.of(T0), seen.lastSeen("partner.example"));
        assertEquals(List.of(new PolicyRow("*.partner.example", "BOTH", 1L, 2L)), policyRows(installed),
            "the policy exceptions survive the upgrade");


        ConnectionSource fresh = db.create().apply("v2");
        run(fresh, OF_VERSION);
        run(fresh, TestDatabases.script("database/federation_" + db.script() + ".sql"));
        assertEquals(4, version(fresh)); // version 4 leaves these tables alone (the route, alias and peer store tests check their own)
        assertEquals(describe(fresh, "ofFedPeer"), describe(installed, "ofFedPeer"), "the version 4 upgrade creates the peer table");
        assertTrue(describe(fresh, "ofFedPeer").contains("pk peerid"), describe(fresh, "ofFedPeer").toString());
        List<String> freshTable = describe(fresh, "ofFedEmailDomain");
        assertEquals(List.of("emaildomain VARCHAR(255) NO", "createdat BIGINT NO", "status VARCHAR(16) NO", "pk emaildomain"), freshTable);
        assertEquals(freshTable, describe(installed, "ofFedEmailDomain"), "an upgraded schema is a fresh schema");
        assertEquals(List.of("remotedomain VARCHAR(255) NO", "lastseen BIGINT NO", "pk remotedomain"), describe(fresh, "ofFedRemoteDomain"));
        assertEquals(describe(fresh, "ofFedRemoteDomain"), describe(installed, "ofFedRemoteDomain"));
        assertEquals(describe(fresh, "ofFedPolicyException"), describe(installed, "ofFedPolicyException"));
        List<String> events = describe(fresh, "ofFedEvent");
        assertEquals(List.of("eventid BIGINT NO", "eventtime BIGINT NO", "nodename VARCHAR(255) NO", "eventkind VARCHAR(32) NO",
            "remotedomain VARCHAR(255) YES", "summary VARCHAR(1000) NO", "details VARCHAR(2000) YES", "adminuser VARCHAR(255) YES",
            "repeatcount INTEGER NO", "index ofFedEvent_time_idx eventtime"), events);
        assertEquals(events, describe(installed, "ofFedEvent"), "the upgrade creates the event log as a fresh install does");
        JdbcEventStore eventLog = new JdbcEventStore(installed);
        eventLog.insert(List.of(new org.xmppfed.openfire.events.FederationEvent(T0, "node-1",
            org.xmppfed.openfire.events.EventKind.PLUGIN_STARTED, null, "started", null, null, 0)));
        assertEquals(1, eventLog.count(org.xmppfed.openfire.events.EventQuery.newest(10)));
        assertEquals(describe(fresh, "ofFedChatAlias"), describe(installed, "ofFedChatAlias"), "version 4 adds the chat node aliases");
        assertEquals(List.of("aliasdomain VARCHAR(255) NO", "servicedomain VARCHAR(255) NO", "createdat BIGINT NO", "pk aliasdomain"),
            describe(fresh, "ofFedChatAlias"));

        discard(db, installed, "v1");
        discard(db, fresh, "v2");
    }

    /** Drops a PostgreSQL test schema (one left behind by a failed run is dropped by the next run). */
    private static void discard(EmptyDatabase db, ConnectionSource source, String name) throws SQLException {
        try (Connection con = source.open(); Statement st = con.createStatement()) {
            st.execute(db.script().equals("postgresql") ? "DROP SCHEMA " + con.getSchema() + " CASCADE" : "SHUTDOWN");
        }
    }

    record PolicyRow(String pattern, String direction, long createdAt, long changedAt) {
    }

    private static List<PolicyRow> policyRows(ConnectionSource source) throws SQLException {
        List<PolicyRow> rows = new ArrayList<>();
        try (Connection con = source.open(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT pattern, direction, createdAt, changedAt FROM ofFedPolicyException")) {
            while (rs.next()) {
                rows.add(new PolicyRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return rows;
    }

    // ---- the scripts for the databases not run here ----

    private static final Pattern EMAIL_TABLE = Pattern.compile("CREATE TABLE ofFedEmailDomain \\([^;]*\\);");

    private static String emailTable(String script, String resource) {
        Matcher m = EMAIL_TABLE.matcher(script);
        assertTrue(m.find(), resource + " creates ofFedEmailDomain");
        String table = m.group();
        assertFalse(m.find(), resource + " creates ofFedEmailDomain once");
        return table;
    }

    @ParameterizedTest
    @ValueSource(strings = {"db2", "hsqldb", "mysql", "oracle", "postgresql", "sqlserver"})
    void everyUpgradeScriptCreatesTheTableOfTheInstallScript(String db) throws IOException {
        String install = TestDatabases.script("database/federation_" + db + ".sql");
        String upgrade = TestDatabases.script("database/upgrade/2/federation_" + db + ".sql");
        String upgrade3 = TestDatabases.script("database/upgrade/3/federation_" + db + ".sql");
        // version 3 adds the status column to the version 2 table, and the remote domain table
        String v2Table = emailTable(upgrade, "upgrade script 2");
        String v3Table = emailTable(install, "install script");
        assertEquals(v2Table.replaceAll("\\s+", " "), v3Table.replaceAll("\n  status [^\n]*", "").replaceAll("\\s+", " "));
        assertTrue(upgrade3.contains("ALTER TABLE ofFedEmailDomain ADD"), upgrade3);
        assertTrue(upgrade3.contains("'APPROVED'"), "rows that were served stay served");
        Matcher remote = Pattern.compile("CREATE TABLE ofFedRemoteDomain \\([^;]*\\);").matcher(install);
        assertTrue(remote.find(), install);
        assertTrue(upgrade3.contains(remote.group()), "the upgrade creates the install script's remote domain table");
        assertTrue(install.contains("INSERT INTO ofVersion (name, version) VALUES ('federation', 4);"), install);
        String upgrade4 = TestDatabases.script("database/upgrade/4/federation_" + db + ".sql");
        assertTrue(upgrade4.contains("UPDATE ofVersion SET version = 4 WHERE name = 'federation';"), upgrade4);
        Matcher aliases = Pattern.compile("CREATE TABLE ofFedChatAlias \\([^;]*\\);").matcher(install);
        assertTrue(aliases.find(), install);
        assertTrue(upgrade4.contains(aliases.group()), "the upgrade creates the install script's chat alias table");
        assertTrue(upgrade.contains("UPDATE ofVersion SET version = 2 WHERE name = 'federation';"), upgrade);
        assertTrue(upgrade3.contains("UPDATE ofVersion SET version = 3 WHERE name = 'federation';"), upgrade3);
        Matcher events = Pattern.compile("CREATE TABLE ofFedEvent \\([^;]*\\);").matcher(install);
        assertTrue(events.find(), install);
        assertTrue(upgrade3.contains(events.group()), "the upgrade creates the install script's event table");
        String index = "CREATE INDEX ofFedEvent_time_idx ON ofFedEvent (eventTime);";
        assertTrue(install.contains(index) && upgrade3.contains(index), "the time column is indexed, installed or upgraded");
        assertFalse(upgrade.contains("ofFedPolicyException") || upgrade3.contains("ofFedPolicyException"),
            "the upgrades leave the version 1 table alone");
    }

    @Test
    void pluginXmlDeclaresVersion4() throws IOException {
        String xml = Files.readString(Path.of("plugin.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<databaseKey>federation</databaseKey>"), xml);
        assertTrue(xml.contains("<databaseVersion>4</databaseVersion>"), "Openfire runs the upgrades only up to the declared version");
    }
}
