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
import java.sql.SQLException;

/**
 * The stores' one way of changing the database: all of a change in one transaction or none of it,
 * and a pooled connection handed back in the auto-commit mode it came in.
 */
final class Transactions {
    /** One change, run on the transaction's connection. */
    interface Work<T> {
        T run(Connection con) throws SQLException;
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
}
