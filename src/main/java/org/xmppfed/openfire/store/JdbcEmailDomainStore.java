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
import java.util.HashMap;
import java.util.Map;

/** Email domains in table {@code ofFedEmailDomain}; portable SQL, tested on HSQLDB and PostgreSQL. */
public final class JdbcEmailDomainStore implements EmailDomainStore {
    private static final String SELECT_ALL = "SELECT emailDomain, createdAt, status FROM ofFedEmailDomain";
    private static final String SELECT_ONE = "SELECT createdAt FROM ofFedEmailDomain WHERE emailDomain = ?";
    private static final String INSERT = "INSERT INTO ofFedEmailDomain (emailDomain, createdAt, status) VALUES (?, ?, ?)";
    private static final String SET_STATUS = "UPDATE ofFedEmailDomain SET status = ? WHERE emailDomain = ?";
    static final String APPROVED = "APPROVED";
    static final String PROPOSED = "PROPOSED";
    private static final String RENAME = "UPDATE ofFedEmailDomain SET emailDomain = ? WHERE emailDomain = ?";
    private static final String DELETE = "DELETE FROM ofFedEmailDomain WHERE emailDomain = ?";

    private final ConnectionSource connections;

    public JdbcEmailDomainStore(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public Map<String, Recorded> loadAll() {
        Map<String, Recorded> result = new HashMap<>();
        for (Map.Entry<String, Recorded> row : Transactions.readAll(connections, "the email domains", SELECT_ALL,
            rs -> Map.entry(rs.getString(1), new Recorded(Instant.ofEpochMilli(rs.getLong(2)), APPROVED.equals(rs.getString(3)))))) {
            result.put(row.getKey(), row.getValue());
        }
        return result;
    }

    @Override
    public void insert(String domain, Instant created, boolean approved) {
        Transactions.change(connections, "add email domain " + domain, con -> {
            insert(con, domain, created, approved);
        });
    }

    @Override
    public void setApproved(String domain, boolean approved) {
        Transactions.change(connections, (approved ? "approve" : "withdraw") + " email domain " + domain, con -> {
            try (PreparedStatement ps = con.prepareStatement(SET_STATUS)) {
                ps.setString(1, approved ? APPROVED : PROPOSED);
                ps.setString(2, domain);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("email domain " + domain + " is not recorded");
                }
            }
        });
    }

    @Override
    public int insertMissing(Collection<String> domains, Instant created) {
        return Transactions.inTransaction(connections, "record email domains", con -> {
            int added = 0;
            for (String domain : domains) {
                if (!exists(con, domain)) {
                    insert(con, domain, created, false);
                    added++;
                }
            }
            return added;
        });
    }

    @Override
    public void rename(String original, String replacement) {
        Transactions.change(connections, "rename email domain " + original, con -> {
            try (PreparedStatement ps = con.prepareStatement(RENAME)) {
                ps.setString(1, replacement);
                ps.setString(2, original);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("email domain " + original + " is not recorded");
                }
            }
        });
    }

    @Override
    public void delete(String domain) {
        Transactions.change(connections, "delete email domain " + domain, con -> {
            try (PreparedStatement ps = con.prepareStatement(DELETE)) {
                ps.setString(1, domain);
                ps.executeUpdate();
            }
        });
    }

    private static boolean exists(Connection con, String domain) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(SELECT_ONE)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insert(Connection con, String domain, Instant created, boolean approved) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(INSERT)) {
            ps.setString(1, domain);
            ps.setLong(2, created.toEpochMilli());
            ps.setString(3, approved ? APPROVED : PROPOSED);
            ps.executeUpdate();
        }
    }
}
