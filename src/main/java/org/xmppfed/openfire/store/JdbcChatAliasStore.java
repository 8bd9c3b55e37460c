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

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.xmppfed.openfire.alias.ChatNodeAlias;

/** Chat node aliases in table {@code ofFedChatAlias}; portable SQL, tested on HSQLDB and PostgreSQL. */
public final class JdbcChatAliasStore implements ChatAliasStore {
    private static final String SELECT_ALL = "SELECT aliasDomain, serviceDomain FROM ofFedChatAlias ORDER BY aliasDomain";
    private static final String INSERT = "INSERT INTO ofFedChatAlias (aliasDomain, serviceDomain, createdAt) VALUES (?, ?, ?)";
    private static final String UPDATE = "UPDATE ofFedChatAlias SET aliasDomain = ?, serviceDomain = ? WHERE aliasDomain = ?";
    private static final String DELETE = "DELETE FROM ofFedChatAlias WHERE aliasDomain = ?";

    private final ConnectionSource connections;

    public JdbcChatAliasStore(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public List<ChatNodeAlias> loadAll() {
        return Transactions.readAll(connections, "the chat node aliases", SELECT_ALL, rs -> new ChatNodeAlias(rs.getString(1), rs.getString(2)));
    }

    @Override
    public void insert(ChatNodeAlias alias, Instant created) {
        Transactions.change(connections, "add chat node alias " + alias.alias(), con -> {
            try (PreparedStatement ps = con.prepareStatement(INSERT)) {
                ps.setString(1, alias.alias());
                ps.setString(2, alias.service());
                ps.setLong(3, created.toEpochMilli());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void replace(String original, ChatNodeAlias replacement) {
        Transactions.change(connections, "change chat node alias " + original, con -> {
            try (PreparedStatement ps = con.prepareStatement(UPDATE)) {
                ps.setString(1, replacement.alias());
                ps.setString(2, replacement.service());
                ps.setString(3, original);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("chat node alias " + original + " is not recorded");
                }
            }
        });
    }

    @Override
    public boolean delete(String alias) {
        return Transactions.inTransaction(connections, "delete chat node alias " + alias, con -> {
            try (PreparedStatement ps = con.prepareStatement(DELETE)) {
                ps.setString(1, alias);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
