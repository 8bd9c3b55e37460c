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
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.connections.ConnectionList;
import org.xmppfed.openfire.connections.FederationNodes;
import org.xmppfed.openfire.connections.NodeReport;
import org.xmppfed.openfire.events.EventKind;

/**
 * Federation → Connections: every S2S session on every cluster node, filtered by domain and
 * sorted by a column, with totals; closing one session or every session of a domain (after a
 * confirmation; on whichever node it lives); and Openfire's idle time-out for S2S sessions.
 */
public final class ConnectionsServlet extends AdminPage {
    static final String PAGE_ID = "federation-connections";
    static final int MAX_IDLE_MINUTES = 24 * 60;

    /** A pending "close" waiting for the administrator's yes: the question and what to send back. */
    public record Confirm(String question, String command, String field, String value) {
    }

    /** What {@code connections.jte} shows. */
    public record View(Notice notice, String filter, String sort, ConnectionList list, List<NodeReport> unreachable,
                       int nodes, Confirm confirm, String idleMinutes, int currentIdle, FieldErrors errors, String parameters) {
    }

    public ConnectionsServlet() {
        this(FederationContext::current);
    }

    ConnectionsServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Notice notice = switch (param(request, "result")) {
            case "closed" -> Notice.success(t("connections.closed", count(request)));
            case "idle" -> Notice.success(t("connections.idle.saved", count(request)));
            default -> null;
        };
        Confirm confirm = null;
        String session = param(request, "close");
        String domain = param(request, "closeDomain").strip();
        if (!session.isEmpty()) {
            String[] parts = session.split(" ", 2);
            confirm = new Confirm(t("connections.close.confirm", parts.length > 1 ? parts[1] : "", parts[0]), "close", "session", session);
        } else if (!domain.isEmpty()) {
            confirm = new Confirm(t("connections.close-domain.confirm", domain), "close-domain", "domain", domain);
        }
        show(request, response, notice, confirm, null, new FieldErrors());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        FederationNodes nodes = context().nodes();
        switch (param(request, "action")) {
            case "close" -> {
                String[] parts = param(request, "session").split(" ", 2);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    show(request, response, Notice.error(t("connections.error.session")), null, null, new FieldErrors());
                    return;
                }
                String domain = domainOf(nodes, parts[0], parts[1]);
                int closed = nodes.close(parts[0], parts[1]);
                context().audit().record(request, EventKind.CONNECTION_CLOSED, domain,
                    "Administrator closed S2S session " + parts[1] + (domain == null ? "" : " with " + domain) + " on node " + parts[0],
                    "closed: " + closed);
                response.sendRedirect("connections.jsp?result=closed&count=" + closed);
            }
            case "close-domain" -> {
                String domain = param(request, "domain").strip();
                if (domain.isEmpty()) {
                    show(request, response, Notice.error(t("connections.error.domain")), null, null, new FieldErrors());
                    return;
                }
                int closed = nodes.closeDomain(domain);
                context().audit().record(request, EventKind.CONNECTION_CLOSED, domain,
                    "Administrator closed every S2S session with " + domain, "closed: " + closed + " on all nodes");
                response.sendRedirect("connections.jsp?result=closed&count=" + closed);
            }
            case "idle" -> saveIdle(request, response, nodes);
            default -> show(request, response, Notice.error(t("connections.error.action")), null, null, new FieldErrors());
        }
    }

    private void saveIdle(HttpServletRequest request, HttpServletResponse response, FederationNodes nodes) throws IOException {
        String text = param(request, "idleMinutes").strip();
        FieldErrors errors = new FieldErrors();
        int minutes = -1;
        try {
            minutes = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (minutes < 0 || minutes > MAX_IDLE_MINUTES) {
            errors.add("idleMinutes", t("connections.idle.error", MAX_IDLE_MINUTES));
            show(request, response, Notice.error(t("form.not-saved")), null, text, errors);
            return;
        }
        int before = nodes.idleMinutes();
        nodes.setIdleMinutes(minutes);
        context().audit().record(request, "Idle time-out of federated sessions changed",
            "xmpp.server.session.idle: " + before + " min -> " + minutes + " min (0 = never)");
        response.sendRedirect("connections.jsp?result=idle&count=" + minutes);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Notice notice, Confirm confirm, String idleInput,
                      FieldErrors errors) throws IOException {
        FederationNodes nodes = context().nodes();
        String filter = param(request, "filter");
        ConnectionList.Sort sort = ConnectionList.Sort.parse(param(request, "sort"));
        List<NodeReport> reports = nodes.reports();
        ConnectionList list = ConnectionList.of(reports, filter, sort);
        int idle = nodes.idleMinutes();
        Page page = new Page(locale(), "");
        render(request, response, "connections.jte", new View(notice, filter, sort.name(), list,
            reports.stream().filter(r -> r.unreachable() != null).toList(), reports.size(), confirm,
            idleInput == null ? String.valueOf(idle) : idleInput, idle, errors, "filter=" + page.url(filter)));
    }

    /** The remote domain of a session, for the event (or {@code null} when it is gone). */
    private static String domainOf(FederationNodes nodes, String node, String streamId) {
        for (NodeReport r : nodes.reports()) {
            if (r.node().equals(node)) {
                for (var s : r.sessions()) {
                    if (s.streamId().equals(streamId)) {
                        return s.remoteDomain();
                    }
                }
            }
        }
        return null;
    }

    private static int count(HttpServletRequest request) {
        try {
            return Integer.parseInt(param(request, "count"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
