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

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.troubleshoot.Report;
import org.xmppfed.openfire.troubleshoot.ReportJson;
import org.xmppfed.openfire.troubleshoot.Troubleshooter;

/**
 * The troubleshooter's report as a download: JSON (the default) or plain text ({@code format=text},
 * what the command line prints). {@code run=true} runs the checks first (they change nothing);
 * otherwise the last report is given, or a fresh one when there is none yet. The response header
 * {@code X-Federation-Verdict} carries the overall verdict for scripts.
 */
public final class TroubleshooterReportServlet extends AdminPage {
    public TroubleshooterReportServlet() {
        this(FederationContext::current);
    }

    TroubleshooterReportServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Troubleshooter troubleshooter = context().service(Troubleshooter.class);
        Report report = troubleshooter.last();
        if (report == null || param(request, "run").equals("true")) {
            report = troubleshooter.run();
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Federation-Verdict", report.verdict().name());
        byte[] body;
        if (param(request, "format").equals("text")) {
            response.setContentType("text/plain; charset=UTF-8");
            body = ReportJson.text(report, locale()).getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("application/json; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"federation-troubleshooter.json\"");
            body = ReportJson.write(report, locale());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
