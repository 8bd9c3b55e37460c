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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.peer.SignedRequestCheck;
import org.xmppfed.openfire.policy.DomainPattern;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.probe.S2sProbe;
import org.xmppfed.openfire.troubleshoot.Check;
import org.xmppfed.openfire.troubleshoot.Evidence;
import org.xmppfed.openfire.troubleshoot.Report;
import org.xmppfed.openfire.troubleshoot.SnapshotEndpoint;
import org.xmppfed.openfire.troubleshoot.Troubleshooter;
import org.xmppfed.openfire.troubleshoot.Verdict;

/**
 * Federation → Troubleshooter: runs every check on demand and shows the last report, one row per
 * check with its verdict, the evidence side by side (per cluster, node, DNS name) and the fixing
 * action; the same report as a JSON download; how many snapshot requests were refused.
 */
public final class TroubleshooterServlet extends AdminPage {
    static final String PAGE_ID = "federation-troubleshooter";

    /** One piece of evidence, rendered. */
    public record Line(String source, String text) {
    }

    /** One row, rendered in the admin's language. */
    public record Row(String id, Verdict verdict, String title, List<Line> evidence, String action) {
    }

    /** One step of a partner probe, rendered. */
    public record StepLine(String step, Verdict verdict, String text, long millis) {
    }

    /** One probed partner. */
    public record Probe(String domain, Verdict verdict, List<StepLine> steps) {
    }

    /** What {@code troubleshooter.jte} shows; {@code report} fields are empty before the first run. */
    public record View(Notice notice, boolean ran, String started, long millis, Verdict verdict, long pass, long warn, long fail,
                       List<Row> rows, long refused, String refusedDetail, String probeDomains, List<Probe> probes, FieldErrors errors) {
    }

    public TroubleshooterServlet() {
        this(FederationContext::current);
    }

    TroubleshooterServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, null, "", new FieldErrors());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        String action = param(request, "action");
        if (action.equals("probe")) {
            probe(request, response);
            return;
        }
        if (!action.equals("run")) {
            show(request, response, Notice.error(t("troubleshoot.error.action")), "", new FieldErrors());
            return;
        }
        Report report = context().service(Troubleshooter.class).run();
        show(request, response, Notice.success(t("troubleshoot.ran", report.checks().size(), report.millis())), "", new FieldErrors());
    }

    /** Probes the domains entered (and, when asked, every domain an exact exception names), at most 50. */
    private void probe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String entered = param(request, "domains");
        FieldErrors errors = new FieldErrors();
        java.util.LinkedHashSet<String> domains = new java.util.LinkedHashSet<>();
        for (String token : entered.split("[\\s,;]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                DomainPattern p = DomainPattern.parse(token);
                if (p.wildcard()) {
                    errors.add("domains", t("probe.error.wildcard", token));
                } else {
                    domains.add(p.domain());
                }
            } catch (InvalidInputException e) {
                errors.add("domains", problem(e));
            }
        }
        if (param(request, "exceptions").equals("true")) {
            for (PolicyException e : context().policy().current().exceptions()) {
                if (!e.pattern().wildcard()) {
                    domains.add(e.pattern().domain());
                }
            }
        }
        if (errors.isEmpty() && domains.isEmpty()) {
            errors.add("domains", t("probe.error.none"));
        }
        if (domains.size() > Troubleshooter.MAX_PROBED) {
            errors.add("domains", t("probe.error.many", domains.size(), Troubleshooter.MAX_PROBED));
        }
        if (!errors.isEmpty()) {
            show(request, response, Notice.error(t("probe.error")), entered, errors);
            return;
        }
        long start = System.nanoTime();
        List<S2sProbe.Result> results = context().service(Troubleshooter.class).probe(new ArrayList<>(domains));
        show(request, response, Notice.success(t("probe.done", results.size(), (System.nanoTime() - start) / 1_000_000)), entered, errors);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Notice notice, String probeDomains, FieldErrors errors)
        throws IOException {
        Report report = context().service(Troubleshooter.class).last();
        Locale locale = locale();
        List<Row> rows = new ArrayList<>();
        if (report != null) {
            for (Check c : report.checks()) {
                List<Line> lines = new ArrayList<>();
                for (Evidence e : c.evidence()) {
                    lines.add(new Line(e.source().render(locale), e.what().render(locale)));
                }
                rows.add(new Row(c.id(), c.verdict(), c.title().render(locale), lines, c.action() == null ? "" : c.action().render(locale)));
            }
        }
        Map<SignedRequestCheck.Refusal, Long> refusals = context().service(SnapshotEndpoint.class).refusals();
        long refused = refusals.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder detail = new StringBuilder();
        refusals.forEach((why, n) -> {
            if (n > 0) {
                detail.append(detail.length() == 0 ? "" : ", ").append(t("troubleshoot.refusal." + why.name())).append(": ").append(n);
            }
        });
        List<Probe> probes = new ArrayList<>();
        for (S2sProbe.Result r : context().service(Troubleshooter.class).lastProbes()) {
            List<StepLine> steps = new ArrayList<>();
            for (S2sProbe.Step step : r.steps()) {
                steps.add(new StepLine(step.id(), step.verdict(), step.what().render(locale), step.millis()));
            }
            probes.add(new Probe(r.domain(), r.verdict(), steps));
        }
        render(request, response, "troubleshooter.jte", new View(notice, report != null,
            report == null ? "" : page().time(report.started()), report == null ? 0 : report.millis(),
            report == null ? Verdict.PASS : report.verdict(), report == null ? 0 : report.count(Verdict.PASS),
            report == null ? 0 : report.count(Verdict.WARN), report == null ? 0 : report.count(Verdict.FAIL), rows, refused, detail.toString(),
            probeDomains, probes, errors));
    }

    private Page page() {
        return new Page(locale(), "");
    }
}
