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
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for the storage tests, set up the way Openfire sets up a plugin's tables: its
 * {@code ofVersion} table, then the plugin's own {@code database/federation_<db>.sql} script.
 */
public final class TestDatabases {
    public static final String PG_URL_VARIABLE = "FEDERATION_TEST_PG_URL";

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
     * The PostgreSQL database named by {@value #PG_URL_VARIABLE} (set by .ci/run), emptied and
     * given the plugin schema. Skipped - visibly - when the variable is absent outside CI; in CI
     * its absence is a failure.
     */
    public static ConnectionSource postgresql() {
        String url = System.getenv(PG_URL_VARIABLE);
        if (url == null && System.getenv("CI") != null) {
            throw new IllegalStateException(PG_URL_VARIABLE + " is not set in CI; .ci/run must start PostgreSQL");
        }
        Assumptions.assumeTrue(url != null, "PostgreSQL tests skipped: set " + PG_URL_VARIABLE + " (see .ci/run)");
        ConnectionSource source = () -> DriverManager.getConnection(url);
        try (Connection con = source.open(); Statement st = con.createStatement()) {
            st.execute("DROP TABLE IF EXISTS ofFedPolicyException");
            st.execute("DROP TABLE IF EXISTS ofFedEmailDomain");
            st.execute("DROP TABLE IF EXISTS ofFedRemoteDomain");
            st.execute("DROP TABLE IF EXISTS ofVersion");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare PostgreSQL at " + url, e);
        }
        install(source, "postgresql");
        return source;
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
