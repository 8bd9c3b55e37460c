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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The database as the stores see it, with one addition: {@link #inOneTransaction} runs a piece of
 * work in which every store built on this source - whatever table it writes - writes through one
 * connection in one transaction, committed at the end or rolled back as a whole. Each store keeps
 * its own transactions as they are; inside the scope they simply join the outer one (their commit,
 * rollback, auto-commit switch and close do nothing there). Outside the scope, and on other
 * threads, it is the database as before.
 */
public final class TransactionScope implements ConnectionSource {
    private final ConnectionSource database;
    private final ThreadLocal<Connection> joined = new ThreadLocal<>();

    public TransactionScope(ConnectionSource database) {
        this.database = database;
    }

    @Override
    public Connection open() throws SQLException {
        Connection c = joined.get();
        return c == null ? database.open() : sharing(c);
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws
     * (the exception is passed on; a database failure becomes a {@link StoreException} that says
     * {@code what} could not be done). Work already inside a scope joins it.
     */
    public <T> T inOneTransaction(String what, Supplier<T> work) {
        if (joined.get() != null) {
            return work.get();
        }
        return Transactions.inTransaction(database, what, con -> {
            joined.set(con);
            try {
                return work.get();
            } finally {
                joined.remove();
            }
        });
    }

    /** The scope's connection as a store sees it: everything but ending the transaction or the connection. */
    private static Connection sharing(Connection real) {
        return (Connection) Proxy.newProxyInstance(TransactionScope.class.getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
                switch (method.getName()) {
                    case "close", "commit", "rollback", "setAutoCommit" -> {
                        if (method.getName().equals("rollback") && args != null && args.length > 0) {
                            break; // a rollback to a savepoint stays a store's own business
                        }
                        return null;
                    }
                    case "getAutoCommit" -> {
                        return false;
                    }
                    default -> {
                    }
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }
}
