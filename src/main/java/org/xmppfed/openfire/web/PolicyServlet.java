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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.policy.Decision;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.DomainNames;
import org.xmppfed.openfire.policy.DomainPattern;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.policy.PolicyListView;
import org.xmppfed.openfire.policy.PolicyService;

/**
 * Federation → Policy: the exception list (add, edit, delete with confirmation), import with a
 * preview that must be confirmed, export links, and the policy tester.
 *
 * <p>An import arrives as a file upload (or pasted text) in a multipart body of up to
 * {@link #MAX_IMPORT_BYTES}; the preview keeps the parsed list on the server for
 * {@link #PENDING_FOR} so that "Apply" sends only its id, never the file again.
 */
public final class PolicyServlet extends AdminPage {
    static final String PAGE_ID = "federation-policy";
    static final int PAGE_SIZE = 100;

    private final ListImport<PolicyException> imports = new ListImport<>(() -> context().policy().importFormat());

    /** One row of the policy tester. */
    public record TesterRow(Direction direction, boolean allowed, String rule) {
    }

    /** One row of the exception table. */
    public record Row(PolicyException exception, PolicyCounters.Tally tally) {
    }

    /** What {@code policy.jte} shows. */
    public record View(Notice notice, boolean federationOn, String defaultPolicy, String confirmDelete, ImportPreview preview,
                       String testDomain, String testedDomain, List<TesterRow> tester, String testError,
                       String editing, String formPattern, String formDirection,
                       List<Row> rows, int total, String filter, int start, int end, int matching, String effectKey,
                       String importFormat, String importMode, String importContent, FieldErrors errors, int errorCount,
                       String maxImportMb, PolicyListView list) {
        /** Start of the previous page, or -1. */
        public int previousStart() {
            return start > 0 ? Math.max(0, start - PAGE_SIZE) : -1;
        }

        /** Start of the next page, or -1. */
        public int nextStart() {
            return end < matching ? end : -1;
        }
    }

    /** The parts of one rendering that depend on the request. */
    private static final class State {
        Notice notice;
        String formPattern = "";
        String formDirection = "BOTH";
        String editing;
        String confirmDelete;
        String testDomain = "";
        final ListImport.Form form = new ListImport.Form();
        ImportPreview preview;
        final FieldErrors errors = new FieldErrors();
    }

    public PolicyServlet() {
        this(FederationContext::current);
    }

    PolicyServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        State v = new State();
        PolicyService policy = context().policy();
        String result = param(request, "result");
        if (!result.isEmpty()) {
            v.notice = Notice.success(t("policy.result." + result, param(request, "pattern"), param(request, "count")));
        }
        String edit = param(request, "edit");
        if (!edit.isEmpty()) {
            Optional<PolicyException> e = findQuietly(policy, edit);
            if (e.isPresent()) {
                v.editing = e.get().pattern().toString();
                v.formPattern = v.editing;
                v.formDirection = e.get().direction().name();
            } else {
                v.notice = Notice.error(t("policy.error.not-found", edit));
            }
        }
        String delete = param(request, "delete");
        if (!delete.isEmpty()) {
            if (findQuietly(policy, delete).isPresent()) {
                v.confirmDelete = DomainPattern.parse(delete).toString();
            } else {
                v.notice = Notice.error(t("policy.error.not-found", delete));
            }
        }
        v.testDomain = param(request, "test");
        show(request, response, v);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        State v = new State();
        switch (param(request, "action")) {
            case "add" -> save(request, response, v, null);
            case "update" -> save(request, response, v, param(request, "original"));
            case "delete" -> delete(request, response, v);
            case "import-preview" -> importPreview(request, response, v);
            case "import-apply" -> importApply(request, response, v);
            default -> {
                v.notice = Notice.error(t("policy.error.action"));
                show(request, response, v);
            }
        }
    }

    private void save(HttpServletRequest request, HttpServletResponse response, State v, String original) throws IOException {
        v.formPattern = param(request, "pattern");
        v.formDirection = param(request, "direction");
        v.editing = original;
        try {
            if (DomainNames.parsePattern(v.formPattern).wildcard() && PolicyListView.Kind.parse(param(request, "view")) != null) {
                v.errors.add("pattern", t("policy.list-view.error.wildcard", v.formPattern.strip()));
            }
        } catch (InvalidInputException e) {
            v.errors.add("pattern", problem(e));
        }
        try {
            Direction.parse(v.formDirection);
        } catch (InvalidInputException e) {
            v.errors.add("direction", problem(e));
        }
        if (v.errors.isEmpty()) {
            try {
                PolicyException saved = original == null
                    ? context().policy().add(v.formPattern, v.formDirection)
                    : context().policy().update(original, v.formPattern, v.formDirection);
                context().audit().record(request, original == null ? "Federation policy exception added" : "Federation policy exception changed",
                    (original == null ? "" : original + " -> ") + saved.pattern() + " " + saved.direction());
                redirectAfterChange(response, "policy.jsp?result=" + (original == null ? "added" : "updated")
                    + "&pattern=" + url(saved.pattern().toString()) + listViewParam(request));
                return;
            } catch (InvalidInputException e) {
                v.errors.add("pattern", problem(e));
            }
        }
        v.notice = Notice.error(t("form.not-saved"));
        show(request, response, v);
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        try {
            PolicyException removed = context().policy().delete(param(request, "pattern"));
            context().audit().record(request, "Federation policy exception deleted", removed.pattern() + " " + removed.direction());
            redirectAfterChange(response, "policy.jsp?result=deleted&pattern=" + url(removed.pattern().toString()) + listViewParam(request));
        } catch (InvalidInputException e) {
            v.notice = Notice.error(problem(e));
            show(request, response, v);
        }
    }

    private void importPreview(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        List<PolicyException> parsed = imports.read(request, v.form, v.errors, locale());
        if (parsed == null) {
            v.notice = Notice.error(t("import.rejected", Math.max(1, v.form.errorCount)));
            show(request, response, v);
            return;
        }
        PolicyService.ImportMode mode = PolicyService.ImportMode.valueOf(v.form.mode);
        v.preview = preview(imports.remember(parsed, mode), parsed, mode);
        show(request, response, v);
    }

    private void importApply(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        ListImport.Apply<PolicyException> apply = imports.toApply(request, v.form, v.errors, locale());
        if (apply.refusal() != null) {
            v.notice = Notice.error(apply.refusal());
            show(request, response, v);
            return;
        }
        List<PolicyException> exceptions = apply.entries();
        PolicyService.ImportMode mode = apply.mode();
        int total = context().policy().importExceptions(exceptions, mode);
        context().audit().record(request, "Federation policy exceptions imported",
            exceptions.size() + " entries (" + mode + "), " + total + " exceptions now");
        redirectAfterChange(response, "policy.jsp?result=imported&count=" + exceptions.size());
    }

    /** What applying the import would change. */
    private ImportPreview preview(String id, List<PolicyException> imported, PolicyService.ImportMode mode) {
        Map<DomainPattern, PolicyException> remaining = new HashMap<>();
        for (PolicyException e : context().policy().current().exceptions()) {
            remaining.put(e.pattern(), e);
        }
        ListImport.Lines added = new ListImport.Lines();
        ListImport.Lines changed = new ListImport.Lines();
        int unchanged = 0;
        for (PolicyException e : imported) {
            PolicyException old = remaining.remove(e.pattern());
            if (old == null) {
                added.add(e.pattern() + " (" + e.direction() + ")");
            } else if (old.direction() != e.direction()) {
                changed.add(e.pattern() + " (" + old.direction() + " → " + e.direction() + ")");
            } else {
                unchanged++;
            }
        }
        ListImport.Lines removed = new ListImport.Lines();
        if (mode == PolicyService.ImportMode.REPLACE) {
            for (PolicyException e : remaining.values()) {
                removed.add(e.pattern() + " (" + e.direction() + ")");
            }
        }
        return ImportPreview.of(id, imported.size(), added, changed, removed, unchanged);
    }

    /** The list view to return to after a change made in it ("&view=allow"), or nothing. */
    private static String listViewParam(HttpServletRequest request) {
        PolicyListView.Kind kind = PolicyListView.Kind.parse(param(request, "view"));
        return kind == null ? "" : "&view=" + kind.param();
    }

    private static Optional<PolicyException> findQuietly(PolicyService policy, String pattern) {
        try {
            return policy.find(pattern);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        FederationPolicy policy = context().policy().current();
        PolicyListView.Kind listView = PolicyListView.Kind.parse(param(request, "view"));
        // the tester
        String testedDomain = null;
        String testError = null;
        List<TesterRow> tester = new ArrayList<>();
        if (!v.testDomain.isBlank()) {
            try {
                testedDomain = DomainNames.normalise(v.testDomain);
                for (Direction d : Direction.TRAFFIC) {
                    Decision decision = policy.decide(testedDomain, d);
                    tester.add(new TesterRow(d, decision.allowed(), ruleText(decision, policy)));
                }
            } catch (InvalidInputException e) {
                testError = problem(e);
            }
        }
        // the exception table
        String filter = param(request, "filter").strip().toLowerCase(Locale.ROOT);
        List<PolicyException> matching = new ArrayList<>();
        for (PolicyException e : policy.exceptions()) {
            if (filter.isEmpty() || e.pattern().toString().contains(filter)) {
                matching.add(e);
            }
        }
        int start = 0;
        try {
            start = Math.max(0, Math.min(Integer.parseInt(param(request, "start")), Math.max(0, matching.size() - 1)));
        } catch (NumberFormatException ignored) {
            // first page
        }
        int end = Math.min(matching.size(), start + PAGE_SIZE);
        PolicyCounters counters = context().counters();
        List<Row> rows = new ArrayList<>();
        for (PolicyException e : matching.subList(start, end)) {
            rows.add(new Row(e, counters.forException(e.pattern())));
        }
        render(request, response, "policy.jte", new View(v.notice, policy.enabled(), policy.defaultPolicy().name(), v.confirmDelete,
            v.preview, v.testDomain, testedDomain, tester, testError, v.editing, v.formPattern, v.formDirection,
            rows, policy.exceptions().size(), filter, start, end, matching.size(),
            policy.defaultPolicy().allows() ? "policy.effect.deny" : "policy.effect.allow",
            v.form.format, v.form.mode, v.form.content, v.errors, v.form.errorCount, ListImport.megabytes(ListImport.MAX_IMPORT_BYTES),
            listView == null ? null : PolicyListView.of(policy, listView)));
    }

    private String ruleText(Decision d, FederationPolicy policy) {
        return switch (d.reason()) {
            case EXCEPTION -> t("reason.EXCEPTION", d.exception().pattern().toString(), t("direction." + d.exception().direction().name()));
            case DEFAULT_POLICY -> t("reason.DEFAULT_POLICY", policy.defaultPolicy().name());
            default -> t("reason." + d.reason().name());
        };
    }
}
