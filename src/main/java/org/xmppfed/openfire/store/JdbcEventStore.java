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
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventQuery;
import org.xmppfed.openfire.events.FederationEvent;

/**
 * The event log in table {@code ofFedEvent}; portable SQL (paging with {@code setMaxRows} and
 * skipping, as no paging syntax is common to all six databases), tested on HSQLDB and PostgreSQL.
 * Rows are ordered by time, then by {@code eventId}, a number that grows with every row this node
 * writes, so that pages of events within one millisecond neither repeat nor miss a row.
 */
public final class JdbcEventStore implements EventStore {
    private static final String COLUMNS = "eventTime, nodeName, eventKind, remoteDomain, summary, details, adminUser, repeatCount";
    private static final String INSERT = "INSERT INTO ofFedEvent (eventId, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String NEWEST_FIRST = " ORDER BY eventTime DESC, eventId DESC";
    private static final String DELETE_UP_TO = "DELETE FROM ofFedEvent WHERE eventTime < ? OR (eventTime = ? AND eventId <= ?)";

    private final ConnectionSource connections;
    private final AtomicLong nextId = new AtomicLong(System.currentTimeMillis() * 1000);

    public JdbcEventStore(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void insert(List<FederationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection con = connections.open()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try (PreparedStatement ps = con.prepareStatement(INSERT)) {
                for (FederationEvent e : events) {
                    ps.setLong(1, nextId.getAndIncrement());
                    ps.setLong(2, e.time().toEpochMilli());
                    ps.setString(3, e.node());
                    ps.setString(4, e.kind().name());
                    setNullable(ps, 5, e.remoteDomain());
                    ps.setString(6, e.summary());
                    setNullable(ps, 7, e.details());
                    setNullable(ps, 8, e.adminUser());
                    ps.setInt(9, e.repeats());
                    ps.addBatch();
                }
                ps.executeBatch();
                con.commit();
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not record " + events.size() + " federation events: " + e.getMessage(), e);
        }
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** A WHERE clause for a query's filters and its parameters. */
    private record Filter(String sql, List<Object> params) {
        static Filter of(EventQuery q) {
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (q.from() != null) {
                conditions.add("eventTime >= ?");
                params.add(q.from().toEpochMilli());
            }
            if (q.to() != null) {
                conditions.add("eventTime < ?");
                params.add(q.to().toEpochMilli());
            }
            if (q.remoteDomain() != null) {
                conditions.add("remoteDomain = ?");
                params.add(q.remoteDomain());
            }
            if (q.kind() != null) {
                conditions.add("eventKind = ?");
                params.add(q.kind().name());
            }
            if (q.node() != null) {
                conditions.add("nodeName = ?");
                params.add(q.node());
            }
            return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, (String) p);
                }
            }
        }
    }

    @Override
    public void forEach(EventQuery query, Consumer<FederationEvent> each) {
        if (query.limit() == 0) {
            return;
        }
        Filter filter = Filter.of(query);
        long upTo = (long) query.offset() + query.limit();
        try (Connection con = connections.open();
             PreparedStatement ps = con.prepareStatement("SELECT " + COLUMNS + " FROM ofFedEvent" + filter.sql() + NEWEST_FIRST)) {
            filter.bind(ps);
            ps.setMaxRows((int) Math.min(Integer.MAX_VALUE, upTo));
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                int skipped = 0;
                while (skipped < query.offset() && rs.next()) {
                    skipped++;
                }
                int read = 0;
                while (read < query.limit() && rs.next()) {
                    each.accept(new FederationEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), kind(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)));
                    read++;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the federation events: " + e.getMessage(), e);
        }
    }

    /** A kind written by a newer version of the plugin reads as the drop report's kind rather than failing the page. */
    private static EventKind kind(String name) {
        EventKind kind = EventKind.parse(name);
        return kind == null ? EventKind.EVENTS_DROPPED : kind;
    }

    @Override
    public long count(EventQuery query) {
        Filter filter = Filter.of(query);
        try (Connection con = connections.open();
             PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM ofFedEvent" + filter.sql())) {
            filter.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not count the federation events: " + e.getMessage(), e);
        }
    }

    @Override
    public int pruneOlderThan(Instant cutoff) {
        try (Connection con = connections.open(); PreparedStatement ps = con.prepareStatement("DELETE FROM ofFedEvent WHERE eventTime < ?")) {
            ps.setLong(1, cutoff.toEpochMilli());
            return commit(con, ps.executeUpdate());
        } catch (SQLException e) {
            throw new StoreException("Could not delete old federation events: " + e.getMessage(), e);
        }
    }

    @Override
    public int pruneToNewest(int keep) {
        try (Connection con = connections.open()) {
            long count;
            try (PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM ofFedEvent"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            long excess = count - Math.max(0, keep);
            if (excess <= 0) {
                return 0;
            }
            // The newest row to delete, read from whichever end is nearer.
            boolean fromOldest = excess <= keep;
            long position = fromOldest ? excess : (long) keep + 1;
            long time;
            long id;
            try (PreparedStatement ps = con.prepareStatement("SELECT eventTime, eventId FROM ofFedEvent ORDER BY eventTime "
                + (fromOldest ? "ASC, eventId ASC" : "DESC, eventId DESC"))) {
                ps.setMaxRows((int) position);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    time = 0;
                    id = 0;
                    for (long i = 0; i < position && rs.next(); i++) {
                        time = rs.getLong(1);
                        id = rs.getLong(2);
                    }
                }
            }
            try (PreparedStatement delete = con.prepareStatement(DELETE_UP_TO)) {
                delete.setLong(1, time);
                delete.setLong(2, time);
                delete.setLong(3, id);
                return commit(con, delete.executeUpdate());
            }
        } catch (SQLException e) {
            throw new StoreException("Could not delete the oldest federation events: " + e.getMessage(), e);
        }
    }

    /** Commits on a pooled connection handed out without auto-commit. */
    private static int commit(Connection con, int rows) throws SQLException {
        if (!con.getAutoCommit()) {
            con.commit();
        }
        return rows;
    }
}
