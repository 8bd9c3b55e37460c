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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The stores' one way of using the database: all of a change in one transaction or none of it, a
 * pooled connection handed back in the auto-commit mode it came in, whole-table reads, and batched
 * inserts; every failure a {@link StoreException} saying what could not be done.
 */
final class Transactions {
    /** Rows per JDBC batch when many rows are inserted at once. */
    static final int BATCH = 500;

    /** One change, run on the transaction's connection. */
    interface Work<T> {
        T run(Connection con) throws SQLException;
    }

    /** One change that answers nothing. */
    interface Change {
        void run(Connection con) throws SQLException;
    }

    /** Reads the current row of a result. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Puts one item's values into an insert's parameters. */
    interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} in one transaction; a failure is a {@link StoreException} saying what could not be done. */
    static <T> T inTransaction(ConnectionSource connections, String what, Work<T> work) {
        try (Connection con = connections.open()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try {
                T result = work.run(con);
                con.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code change} in one transaction, as {@link #inTransaction}. */
    static void change(ConnectionSource connections, String what, Change change) {
        inTransaction(connections, what, con -> {
            change.run(con);
            return null;
        });
    }

    /** Every row {@code select} answers, read by {@code reader}; {@code what} names them in the error ("the static routes"). */
    static <T> List<T> readAll(ConnectionSource connections, String what, String select, RowReader<T> reader) {
        List<T> result = new ArrayList<>();
        try (Connection con = connections.open();
             PreparedStatement ps = con.prepareStatement(select);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(reader.read(rs));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read " + what + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** Inserts every item with {@code insert}, {@value #BATCH} rows per batch. */
    static <T> void insertAll(Connection con, String insert, Collection<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(insert)) {
            int pending = 0;
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Runs one statement without parameters (such as deleting every row of a table). */
    static void execute(Connection con, String sql) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
