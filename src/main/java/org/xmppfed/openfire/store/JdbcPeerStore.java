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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xmppfed.openfire.peer.PeerCluster;

/**
 * Peer clusters in table {@code ofFedPeer} (whether pushes are accepted as 0/1 in {@code acceptPushes}),
 * the secret stored through a {@link SecretCipher};
 * portable SQL, tested on HSQLDB and PostgreSQL.
 */
public final class JdbcPeerStore implements PeerStore {
    private static final String COLUMNS = "peerId, peerName, baseUrl, secret, createdAt, changedAt, acceptPushes";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM ofFedPeer ORDER BY peerName";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM ofFedPeer WHERE peerId = ?";
    private static final String NEXT_ID = "SELECT MAX(peerId) FROM ofFedPeer";
    private static final String INSERT = "INSERT INTO ofFedPeer (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE ofFedPeer SET peerName = ?, baseUrl = ?, secret = ?, changedAt = ?, acceptPushes = ? WHERE peerId = ?";
    private static final String DELETE = "DELETE FROM ofFedPeer WHERE peerId = ?";

    private final ConnectionSource connections;
    private final SecretCipher cipher;

    public JdbcPeerStore(ConnectionSource connections, SecretCipher cipher) {
        this.connections = connections;
        this.cipher = cipher;
    }

    @Override
    public List<PeerCluster> loadAll() {
        try (Connection con = connections.open();
             PreparedStatement ps = con.prepareStatement(SELECT_ALL);
             ResultSet rs = ps.executeQuery()) {
            List<PeerCluster> result = new ArrayList<>();
            while (rs.next()) {
                result.add(read(rs));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("Could not read the peer clusters", e);
        }
    }

    @Override
    public Optional<PeerCluster> find(long id) {
        try (Connection con = connections.open();
             PreparedStatement ps = con.prepareStatement(SELECT_ONE)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read peer cluster " + id, e);
        }
    }

    @Override
    public PeerCluster insert(PeerCluster peer) {
        return Transactions.inTransaction(connections, "add peer cluster " + peer.name(), con -> {
            long id;
            try (PreparedStatement ps = con.prepareStatement(NEXT_ID); ResultSet rs = ps.executeQuery()) {
                id = rs.next() ? rs.getLong(1) + 1 : 1;
            }
            PeerCluster stored = new PeerCluster(id, peer.name(), peer.baseUrl(), peer.secret(), peer.created(), peer.changed(),
                peer.acceptsPushes());
            try (PreparedStatement ps = con.prepareStatement(INSERT)) {
                ps.setLong(1, id);
                ps.setString(2, stored.name());
                ps.setString(3, stored.baseUrl());
                ps.setString(4, cipher.encrypt(stored.secret()));
                ps.setLong(5, stored.created().toEpochMilli());
                ps.setLong(6, stored.changed().toEpochMilli());
                ps.setInt(7, stored.acceptsPushes() ? 1 : 0);
                ps.executeUpdate();
            }
            return stored;
        });
    }

    @Override
    public void update(PeerCluster peer) {
        Transactions.inTransaction(connections, "change peer cluster " + peer.name(), con -> {
            try (PreparedStatement ps = con.prepareStatement(UPDATE)) {
                ps.setString(1, peer.name());
                ps.setString(2, peer.baseUrl());
                ps.setString(3, cipher.encrypt(peer.secret()));
                ps.setLong(4, peer.changed().toEpochMilli());
                ps.setInt(5, peer.acceptsPushes() ? 1 : 0);
                ps.setLong(6, peer.id());
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("peer cluster " + peer.id() + " is not recorded");
                }
            }
            return null;
        });
    }

    @Override
    public void delete(long id) {
        Transactions.inTransaction(connections, "delete peer cluster " + id, con -> {
            try (PreparedStatement ps = con.prepareStatement(DELETE)) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private PeerCluster read(ResultSet rs) throws SQLException {
        return new PeerCluster(rs.getLong(1), rs.getString(2), rs.getString(3), cipher.decrypt(rs.getString(4)),
            Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)), rs.getInt(7) != 0);
    }
}
