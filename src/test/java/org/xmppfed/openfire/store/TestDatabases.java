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

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for the storage tests, set up the way Openfire sets up a plugin's tables: its
 * {@code ofVersion} table, then the plugin's own {@code database/federation_<db>.sql} script.
 */
public final class TestDatabases {
    public static final String PG_URL_VARIABLE = "FEDERATION_TEST_PG_URL";

    /**
     * Names this JVM's schemas in the one PostgreSQL test database, so that test runs side by side
     * (two working copies, PIT's parallel mutants) never drop each other's tables.
     */
    private static final String RUN = ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().substring(0, 8);
    private static final Set<String> SCHEMAS = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean CLEANUP_REGISTERED = new AtomicBoolean();

    private TestDatabases() {
    }

    /** A fresh in-memory HSQLDB with the plugin schema. */
    public static ConnectionSource hsqldb() {
        String url = "jdbc:hsqldb:mem:federation-" + UUID.randomUUID() + ";sql.syntax_pgs=false";
        ConnectionSource source = () -> DriverManager.getConnection(url, "SA", "");
        install(source, "hsqldb");
        return source;
    }

    /**
     * The PostgreSQL database named by {@value #PG_URL_VARIABLE} (set by .ci/run), with the plugin
     * schema installed in an empty schema of this run's own. Skipped - visibly - when the variable
     * is absent outside CI; in CI its absence is a failure.
     */
    public static ConnectionSource postgresql() {
        ConnectionSource source = postgresqlSchema("store");
        install(source, "postgresql");
        return source;
    }

    /**
     * An empty schema of this run's own, named after {@code purpose}, in the PostgreSQL database
     * of {@value #PG_URL_VARIABLE}; connections use it as their search path. Dropped when the JVM
     * ends.
     */
    static ConnectionSource postgresqlSchema(String purpose) {
        String url = System.getenv(PG_URL_VARIABLE);
        if (url == null && System.getenv("CI") != null) {
            throw new IllegalStateException(PG_URL_VARIABLE + " is not set in CI; .ci/run must start PostgreSQL");
        }
        Assumptions.assumeTrue(url != null, "PostgreSQL tests skipped: set " + PG_URL_VARIABLE + " (see .ci/run)");
        String schema = "federation_" + purpose + "_" + RUN;
        try (Connection con = DriverManager.getConnection(url); Statement st = con.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare PostgreSQL at " + url, e);
        }
        if (SCHEMAS.add(schema) && CLEANUP_REGISTERED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchemas(url)));
        }
        return () -> {
            Connection con = DriverManager.getConnection(url);
            try (Statement st = con.createStatement()) {
                st.execute("SET search_path TO " + schema);
            } catch (SQLException e) {
                con.close();
                throw e;
            }
            return con;
        };
    }

    private static void dropSchemas(String url) {
        try (Connection con = DriverManager.getConnection(url); Statement st = con.createStatement()) {
            for (String schema : SCHEMAS) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test schemas " + SCHEMAS + ": " + e);
        }
    }

    private static void install(ConnectionSource source, String db) {
        try (Connection con = source.open(); Statement st = con.createStatement()) {
            st.execute("CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (name))");
            for (String sql : script("database/federation_" + db + ".sql").split(";")) {
                String statement = stripComments(sql);
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot install the plugin schema on " + db, e);
        }
    }

    /**
     * One connection handed out again and again, as a pool does: {@code close()} leaves it open,
     * and it starts in the auto-commit mode the pool is configured with.
     */
    static final class PooledConnection implements ConnectionSource {
        private final Connection real;

        PooledConnection(ConnectionSource database, boolean autoCommit) throws SQLException {
            real = database.open();
            real.setAutoCommit(autoCommit);
        }

        Connection real() {
            return real;
        }

        @Override
        public Connection open() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        }
    }

    static String script(String resource) throws IOException {
        try (InputStream in = TestDatabases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stripComments(String sql) {
        StringBuilder sb = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString().strip();
    }
}
