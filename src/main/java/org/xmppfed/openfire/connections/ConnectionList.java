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
package org.xmppfed.openfire.connections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.xmppfed.openfire.policy.Direction;

/**
 * The connections page's table: every node's sessions, filtered by a piece of a domain name,
 * sorted by a column, with the totals of what is shown. Pure, so that 5 000 sessions can be
 * checked and measured without Openfire.
 */
public final class ConnectionList {
    /** Columns the page sorts by. */
    public enum Sort {
        DOMAIN(Comparator.comparing(S2sSession::remoteDomain, String.CASE_INSENSITIVE_ORDER)),
        NODE(Comparator.comparing(S2sSession::node)),
        DIRECTION(Comparator.comparing(S2sSession::direction)),
        CREATED(Comparator.comparing(S2sSession::created, Comparator.nullsFirst(Comparator.naturalOrder()))),
        ACTIVE(Comparator.comparing(S2sSession::lastActive, Comparator.nullsFirst(Comparator.naturalOrder())).reversed()),
        IN(Comparator.comparingLong(S2sSession::stanzasIn).reversed()),
        OUT(Comparator.comparingLong(S2sSession::stanzasOut).reversed());

        private final Comparator<S2sSession> order;

        Sort(Comparator<S2sSession> order) {
            this.order = order.thenComparing(S2sSession::remoteDomain, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(S2sSession::node).thenComparing(S2sSession::streamId);
        }

        /** The sort named {@code text} (any case), or {@link #DOMAIN}. */
        public static Sort parse(String text) {
            for (Sort s : values()) {
                if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return s;
                }
            }
            return DOMAIN;
        }
    }

    /** Sums over the sessions shown. */
    public record Totals(int sessions, int incoming, int outgoing, int domains, int encrypted, long stanzasIn, long stanzasOut) {
    }

    private final List<S2sSession> rows;
    private final Totals totals;

    private ConnectionList(List<S2sSession> rows) {
        this.rows = rows;
        int in = 0;
        int enc = 0;
        long sIn = 0;
        long sOut = 0;
        java.util.Set<String> domains = new java.util.HashSet<>();
        for (S2sSession s : rows) {
            in += s.direction() == Direction.INCOMING ? 1 : 0;
            enc += s.encrypted() ? 1 : 0;
            sIn += s.stanzasIn();
            sOut += s.stanzasOut();
            domains.add(s.remoteDomain().toLowerCase(Locale.ROOT));
        }
        this.totals = new Totals(rows.size(), in, rows.size() - in, domains.size(), enc, sIn, sOut);
    }

    /**
     * The sessions of every report whose remote domain (or another domain authenticated on the
     * stream) contains {@code filter} (ignoring case; blank shows all), in {@code sort} order.
     */
    public static ConnectionList of(List<NodeReport> reports, String filter, Sort sort) {
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        List<S2sSession> rows = new ArrayList<>();
        for (NodeReport r : reports) {
            for (S2sSession s : r.sessions()) {
                if (f.isEmpty() || matches(s, f)) {
                    rows.add(s);
                }
            }
        }
        rows.sort(sort.order);
        return new ConnectionList(List.copyOf(rows));
    }

    private static boolean matches(S2sSession s, String filter) {
        if (s.remoteDomain().toLowerCase(Locale.ROOT).contains(filter)) {
            return true;
        }
        for (String d : s.otherDomains()) {
            if (d.toLowerCase(Locale.ROOT).contains(filter)) {
                return true;
            }
        }
        return false;
    }

    public List<S2sSession> rows() {
        return rows;
    }

    public Totals totals() {
        return totals;
    }
}
