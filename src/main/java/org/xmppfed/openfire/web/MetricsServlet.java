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
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.metrics.MetricsEndpoint;
import org.xmppfed.openfire.metrics.MetricsText;

/**
 * The metrics endpoint ({@code /plugins/federation/metrics}) for Prometheus and other scrapers.
 * Outside the admin login (scrapers have no console session); a request must carry
 * {@code Authorization: Bearer <token>} with the token made on the status page. Answers in
 * OpenMetrics when the scraper asks for it, otherwise in Prometheus' text format. This node's
 * counters only: scrape every cluster node.
 */
public final class MetricsServlet extends HttpServlet {
    private final transient Supplier<FederationContext> context;

    public MetricsServlet() {
        this(FederationContext::current);
    }

    MetricsServlet(Supplier<FederationContext> context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            answer(request, response);
        } finally {
            MachineRequests.forgetNewSession(request);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        MetricsEndpoint metrics = context.get().metrics();
        if (!metrics.authorised(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"federation metrics\"");
            response.setContentType("text/plain; charset=utf-8");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.getWriter().write(metrics.tokenSet()
                ? "Send the metrics token as 'Authorization: Bearer <token>' (Federation > Status shows how to make one).\n"
                : "No metrics token is set: make one on Federation > Status in the admin console.\n");
            return;
        }
        String accept = request.getHeader("Accept");
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        byte[] body = metrics.scrape(openMetrics).getBytes(StandardCharsets.UTF_8);
        response.setContentType(openMetrics ? MetricsText.OPENMETRICS_TYPE : MetricsText.PROMETHEUS_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
