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
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.DomainPattern;
import org.xmppfed.openfire.policy.PolicyException;

/**
 * Policy exceptions in table {@code ofFedPolicyException}, created by the plugin's
 * {@code database/federation_<db>.sql} scripts. Plain portable SQL, tested on HSQLDB and PostgreSQL.
 */
public final class JdbcPolicyExceptionStore implements PolicyExceptionStore {
    private static final String SELECT_ALL = "SELECT pattern, direction, createdAt, changedAt FROM ofFedPolicyException";
    private static final String INSERT = "INSERT INTO ofFedPolicyException (pattern, direction, createdAt, changedAt) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM ofFedPolicyException WHERE pattern = ?";
    private static final String DELETE_ALL = "DELETE FROM ofFedPolicyException";

    private final ConnectionSource connections;

    public JdbcPolicyExceptionStore(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public List<PolicyException> loadAll() {
        return Transactions.readAll(connections, "the policy exceptions", SELECT_ALL,
            rs -> new PolicyException(DomainPattern.parse(rs.getString(1)), Direction.parse(rs.getString(2)),
                Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4))));
    }

    @Override
    public void insert(PolicyException exception) {
        Transactions.change(connections, "add policy exception " + exception.pattern(), con -> insertAll(con, List.of(exception)));
    }

    @Override
    public void replace(DomainPattern original, PolicyException updated) {
        Transactions.change(connections, "change policy exception " + original, con -> {
            delete(con, original);
            insertAll(con, List.of(updated));
        });
    }

    @Override
    public void delete(DomainPattern pattern) {
        Transactions.change(connections, "delete policy exception " + pattern, con -> delete(con, pattern));
    }

    @Override
    public void replaceAll(Collection<PolicyException> exceptions) {
        Transactions.change(connections, "replace the policy exceptions", con -> {
            Transactions.execute(con, DELETE_ALL);
            insertAll(con, exceptions);
        });
    }

    private static void delete(Connection con, DomainPattern pattern) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(DELETE)) {
            ps.setString(1, pattern.toString());
            ps.executeUpdate();
        }
    }

    private static void insertAll(Connection con, Collection<PolicyException> exceptions) throws SQLException {
        Transactions.insertAll(con, INSERT, exceptions, (ps, e) -> {
            ps.setString(1, e.pattern().toString());
            ps.setString(2, e.direction().name());
            ps.setLong(3, e.created().toEpochMilli());
            ps.setLong(4, e.lastChanged().toEpochMilli());
        });
    }
}
