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
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Remote domains seen, in table {@code ofFedRemoteDomain}; portable SQL, tested on HSQLDB and PostgreSQL. */
public final class JdbcRemoteDomainStore implements RemoteDomainStore {
    private static final String SELECT_ONE = "SELECT lastSeen FROM ofFedRemoteDomain WHERE remoteDomain = ?";
    private static final String UPDATE = "UPDATE ofFedRemoteDomain SET lastSeen = ? WHERE remoteDomain = ?";
    private static final String INSERT = "INSERT INTO ofFedRemoteDomain (remoteDomain, lastSeen) VALUES (?, ?)";
    private static final String COUNT = "SELECT COUNT(*) FROM ofFedRemoteDomain";
    private static final String OLDEST = "SELECT remoteDomain FROM ofFedRemoteDomain ORDER BY lastSeen, remoteDomain";
    private static final String DELETE = "DELETE FROM ofFedRemoteDomain WHERE remoteDomain = ?";

    private final ConnectionSource connections;

    public JdbcRemoteDomainStore(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void recordSeen(Collection<String> domains, Instant when, int limit) {
        Transactions.inTransaction(connections, "record remote domains", con -> {
            for (String domain : domains) {
                try (PreparedStatement update = con.prepareStatement(UPDATE)) {
                    update.setLong(1, when.toEpochMilli());
                    update.setString(2, domain);
                    if (update.executeUpdate() == 0) {
                        try (PreparedStatement insert = con.prepareStatement(INSERT)) {
                            insert.setString(1, domain);
                            insert.setLong(2, when.toEpochMilli());
                            insert.executeUpdate();
                        }
                    }
                }
            }
            prune(con, limit);
            return null;
        });
    }

    /** Deletes the oldest rows beyond {@code limit}. */
    private static void prune(Connection con, int limit) throws SQLException {
        int count;
        try (PreparedStatement ps = con.prepareStatement(COUNT); ResultSet rs = ps.executeQuery()) {
            rs.next();
            count = rs.getInt(1);
        }
        if (count <= limit) {
            return;
        }
        try (PreparedStatement oldest = con.prepareStatement(OLDEST);
             PreparedStatement delete = con.prepareStatement(DELETE)) {
            oldest.setMaxRows(count - limit);
            try (ResultSet rs = oldest.executeQuery()) {
                while (rs.next()) {
                    delete.setString(1, rs.getString(1));
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
    }

    @Override
    public Optional<Instant> lastSeen(String domain) {
        try (Connection con = connections.open(); PreparedStatement ps = con.prepareStatement(SELECT_ONE)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read remote domains: " + e.getMessage(), e);
        }
    }
}
