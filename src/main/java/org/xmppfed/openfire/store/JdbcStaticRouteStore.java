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

import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoute;

/**
 * Static routes in table {@code ofFedStaticRoute} (one row per domain and target), created by the
 * plugin's version 4 scripts. Plain portable SQL, tested on HSQLDB and PostgreSQL.
 */
public final class JdbcStaticRouteStore implements StaticRouteStore {
    private static final String SELECT_ALL = "SELECT routeDomain, targetHost, targetPort, createdAt FROM ofFedStaticRoute";
    private static final String INSERT = "INSERT INTO ofFedStaticRoute (routeDomain, targetHost, targetPort, createdAt) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM ofFedStaticRoute WHERE routeDomain = ? AND targetHost = ? AND targetPort = ?";
    private static final String DELETE_ALL = "DELETE FROM ofFedStaticRoute";

    private final ConnectionSource connections;

    public JdbcStaticRouteStore(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public List<StaticRoute> loadAll() {
        return Transactions.readAll(connections, "the static routes", SELECT_ALL,
            rs -> new StaticRoute(rs.getString(1), new RouteTarget(rs.getString(2), rs.getInt(3)), Instant.ofEpochMilli(rs.getLong(4))));
    }

    @Override
    public void insert(StaticRoute route) {
        Transactions.change(connections, "add static route " + route.describe(), con -> insertAll(con, List.of(route)));
    }

    @Override
    public void replace(StaticRoute original, StaticRoute updated) {
        Transactions.change(connections, "change static route " + original.describe(), con -> {
            delete(con, original);
            insertAll(con, List.of(updated));
        });
    }

    @Override
    public void delete(StaticRoute route) {
        Transactions.change(connections, "delete static route " + route.describe(), con -> delete(con, route));
    }

    @Override
    public void replaceAll(Collection<StaticRoute> routes) {
        Transactions.change(connections, "replace the static routes", con -> {
            Transactions.execute(con, DELETE_ALL);
            insertAll(con, routes);
        });
    }

    private static void delete(Connection con, StaticRoute route) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(DELETE)) {
            ps.setString(1, route.domain());
            ps.setString(2, route.target().host());
            ps.setInt(3, route.target().port());
            ps.executeUpdate();
        }
    }

    private static void insertAll(Connection con, Collection<StaticRoute> routes) throws SQLException {
        Transactions.insertAll(con, INSERT, routes, (ps, r) -> {
            ps.setString(1, r.domain());
            ps.setString(2, r.target().host());
            ps.setInt(3, r.target().port());
            ps.setLong(4, r.created().toEpochMilli());
        });
    }
}
