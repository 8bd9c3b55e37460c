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

import org.xmppfed.openfire.connections.NodeReport;

/**
 * Federation → Status, the tab's first page: whether federation is active on this node and on
 * every other cluster node, every reason it is not (each with a link to the page that fixes it),
 * the plugin's and Openfire's versions per node; and the metrics endpoint's address and bearer
 * token (a new token is shown once, only its digest is kept).
 */
public final class StatusServlet extends AdminPage {
    static final String PAGE_ID = "federation-status";

    /** What {@code status.jte} shows. {@code newToken} is set only on the answer that made it. */
    public record View(Notice notice, NodeReport local, List<NodeReport> nodes, boolean tokenSet, String newToken,
                       String confirmToken, String metricsPath, int topDomains) {
        public boolean allActive() {
            return nodes.stream().allMatch(NodeReport::active);
        }
    }

    public StatusServlet() {
        this(FederationContext::current);
    }

    StatusServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Notice notice = "removed".equals(param(request, "result")) ? Notice.success(t("status.metrics.token.removed")) : null;
        String token = param(request, "token");
        show(request, response, notice, null, token.equals("new-token") || token.equals("remove-token") ? token : null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        switch (param(request, "action")) {
            case "new-token" -> {
                boolean had = context().metrics().tokenSet();
                String token = context().metrics().newToken();
                context().audit().record(request, "Metrics token " + (had ? "replaced" : "created"),
                    "plugin.federation.metrics.token.sha256: " + (had ? "set" : "not set") + " -> set (the token itself is not kept)");
                show(request, response, Notice.success(t("status.metrics.token.made")), token, null);
            }
            case "remove-token" -> {
                context().metrics().removeToken();
                context().audit().record(request, "Metrics token removed", "plugin.federation.metrics.token.sha256: set -> not set");
                response.sendRedirect("status.jsp?result=removed");
            }
            default -> show(request, response, Notice.error(t("connections.error.action")), null, null);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Notice notice, String newToken, String confirm)
        throws IOException {
        List<NodeReport> nodes = context().nodes().reports();
        String localName = context().nodes().localNode();
        NodeReport local = nodes.stream().filter(r -> r.node().equals(localName)).findFirst().orElse(nodes.get(0));
        render(request, response, "status.jte", new View(notice, local, nodes, context().metrics().tokenSet(), newToken, confirm,
            "/plugins/federation/metrics", context().metrics().topDomains()));
    }
}
