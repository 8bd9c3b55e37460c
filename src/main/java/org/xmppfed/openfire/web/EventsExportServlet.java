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
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.events.FederationEvent;
import org.xmppfed.openfire.policy.Messages;

/**
 * Downloads the events the event log page shows (same filters, every page) as CSV: RFC 4180
 * quoting, times in UTC (ISO 8601), and cells that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, tab or carriage return) prefixed with {@code '}.
 */
public final class EventsExportServlet extends HttpServlet {
    /** Rows written at most (the retention limit keeps the table smaller by default). */
    static final int MAX_ROWS = 1_000_000;
    static final String HEADER = "time,node,kind,remote domain,summary,details,administrator,more like this";

    private final Supplier<FederationContext> context;

    public EventsExportServlet() {
        this(FederationContext::current);
    }

    EventsExportServlet(Supplier<FederationContext> context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FederationContext c = context.get();
        EventFilters f = EventFilters.read(request, c.locale().get(), ZoneId.systemDefault());
        if (f.query() == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, Messages.format(c.locale().get(), "events.error.filters"));
            return;
        }
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/csv");
        response.setHeader("Content-Disposition", "attachment; filename=\"federation-events.csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.write(HEADER + "\r\n");
        c.events().forEach(f.query().page(0, MAX_ROWS), e -> out.write(line(e)));
        out.flush();
    }

    static String line(FederationEvent e) {
        return String.join(",", cell(DateTimeFormatter.ISO_INSTANT.format(e.time())), cell(e.node()), cell(e.kind().name()),
            cell(e.remoteDomain()), cell(e.summary()), cell(e.details()), cell(e.adminUser()), cell(Integer.toString(e.repeats()))) + "\r\n";
    }

    /** One CSV cell: safe from formula injection, quoted when it holds a separator, quote or line break. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
