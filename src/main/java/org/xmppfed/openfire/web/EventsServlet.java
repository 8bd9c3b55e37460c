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
package org.xmppfed.openfire.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.FederationEvent;
import org.xmppfed.openfire.store.EventStore;

/**
 * Federation → Event log: the events in the plugin's table, newest first, filtered by time
 * range, remote domain, kind and cluster node, {@value #PAGE_SIZE} a page, with a CSV download of
 * the same selection ({@link EventsExportServlet}). Read-only: no form here changes anything.
 */
public final class EventsServlet extends AdminPage {
    static final String PAGE_ID = "federation-events";
    static final int PAGE_SIZE = 100;

    /** What {@code events.jte} shows. */
    public record View(Notice notice, String from, String to, String domain, String kind, String node, FieldErrors errors,
                       List<EventKind> kinds, List<FederationEvent> rows, long matching, int start, String parameters) {
        public int end() {
            return start + rows.size();
        }

        /** Start of the previous page, or -1. */
        public int previousStart() {
            return start > 0 ? Math.max(0, start - PAGE_SIZE) : -1;
        }

        /** Start of the next page, or -1. */
        public int nextStart() {
            return end() < matching ? end() : -1;
        }
    }

    public EventsServlet() {
        this(FederationContext::current);
    }

    EventsServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventFilters f = EventFilters.read(request, locale(), ZoneId.systemDefault());
        Notice notice = null;
        List<FederationEvent> rows = List.of();
        long matching = 0;
        int start = 0;
        if (f.query() == null) {
            notice = Notice.error(t("events.error.filters"));
        } else {
            EventStore store = context().events();
            matching = store.count(f.query());
            try {
                start = Math.max(0, Integer.parseInt(param(request, "start")));
            } catch (NumberFormatException ignored) {
                // first page
            }
            if (start >= matching) {
                start = (int) Math.max(0, (matching - 1) / PAGE_SIZE * PAGE_SIZE);
            }
            rows = store.find(f.query().page(start, PAGE_SIZE));
        }
        Page page = new Page(locale(), "");
        render(request, response, "events.jte", new View(notice, f.from(), f.to(), f.domain(), f.kind(), f.node(), f.errors(),
            List.of(EventKind.values()), rows, matching, start, f.asParameters(page)));
    }
}
