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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.xmppfed.openfire.policy.ExceptionListFormat;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyException;
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
    /** Largest import accepted: 25 MB, about 800 000 lines of CSV. */
    static final long MAX_IMPORT_BYTES = 25L * 1024 * 1024;
    /** Lines of each preview list shown; the counts above them are complete. */
    static final int PREVIEW_LINES = 200;
    /** Line errors shown; the count above them is complete. */
    static final int ERRORS_SHOWN = 1000;
    static final Duration PENDING_FOR = Duration.ofMinutes(30);
    private static final int MAX_PENDING = 8;

    /** A previewed import waiting for "Apply". */
    private record PendingImport(List<PolicyException> exceptions, PolicyService.ImportMode mode, Instant expires) {
    }

    private final Map<String, PendingImport> pending = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** One row of the policy tester. */
    public record TesterRow(Direction direction, boolean allowed, String rule) {
    }

    /** One row of the exception table. */
    public record Row(PolicyException exception, PolicyCounters.Tally tally) {
    }

    /** What applying a previewed import would change. */
    public record Preview(String importId, int entries, List<String> added, int addedCount, List<String> changed, int changedCount,
                          List<String> removed, int removedCount, int unchanged) {
    }

    /** What {@code policy.jte} shows. */
    public record View(Notice notice, boolean federationOn, String defaultPolicy, String confirmDelete, Preview preview,
                       String testDomain, String testedDomain, List<TesterRow> tester, String testError,
                       String editing, String formPattern, String formDirection,
                       List<Row> rows, int total, String filter, int start, int end, int matching, String effectKey,
                       String importFormat, String importMode, String importContent, FieldErrors errors, int errorCount,
                       String maxImportMb) {
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
        String importFormat = "CSV";
        String importMode = "MERGE";
        String importContent = "";
        Preview preview;
        int errorCount;
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
            DomainNames.parsePattern(v.formPattern);
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
                    + "&pattern=" + url(saved.pattern().toString()));
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
            redirectAfterChange(response, "policy.jsp?result=deleted&pattern=" + url(removed.pattern().toString()));
        } catch (InvalidInputException e) {
            v.notice = Notice.error(problem(e));
            show(request, response, v);
        }
    }

    /** Reads the import form (multipart with a file, or a small url-encoded paste); null when refused. */
    private ExceptionListFormat.ParseResult parseImport(HttpServletRequest request, State v) throws IOException {
        FormUpload form;
        try {
            form = FormUpload.read(request, MAX_IMPORT_BYTES, "format", "mode", "content");
        } catch (FormUpload.TooLarge e) {
            v.errors.add("file", t("import.error.too-large", megabytes(e.bytes), megabytes(MAX_IMPORT_BYTES)));
            return null;
        }
        v.importFormat = form.get("format");
        v.importMode = form.get("mode");
        String file = form.get("file");
        String text = file.isEmpty() ? form.get("content") : file;
        if (file.isEmpty() && text.length() <= 100_000) {
            v.importContent = text; // a pasted list is kept in the form; a file is not copied into the page
        }
        try {
            ExceptionListFormat.Format format = ExceptionListFormat.Format.parse(v.importFormat);
            PolicyService.ImportMode.valueOf(v.importMode);
            ExceptionListFormat.ParseResult parsed = ExceptionListFormat.parse(format, text, Instant.now());
            if (parsed.ok() && parsed.exceptions().isEmpty() && !"REPLACE".equals(v.importMode)) {
                v.errors.add("content", t("import.error.empty"));
            }
            v.errorCount = parsed.errors().size();
            for (ExceptionListFormat.LineError error : parsed.errors().subList(0, Math.min(ERRORS_SHOWN, parsed.errors().size()))) {
                v.errors.add("content", error.message(locale()));
            }
            return parsed;
        } catch (InvalidInputException e) {
            v.errors.add("format", problem(e));
        } catch (IllegalArgumentException e) {
            v.errors.add("mode", t("import.error.mode"));
        }
        return null;
    }

    private void importPreview(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        ExceptionListFormat.ParseResult parsed = parseImport(request, v);
        if (!v.errors.isEmpty()) {
            v.notice = Notice.error(t("import.rejected", Math.max(1, v.errorCount)));
            show(request, response, v);
            return;
        }
        PolicyService.ImportMode mode = PolicyService.ImportMode.valueOf(v.importMode);
        String id = remember(new PendingImport(parsed.exceptions(), mode, Instant.now().plus(PENDING_FOR)));
        v.preview = preview(id, parsed.exceptions(), mode);
        show(request, response, v);
    }

    private void importApply(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        String id = param(request, "importId");
        List<PolicyException> exceptions;
        PolicyService.ImportMode mode;
        if (!id.isEmpty()) {
            PendingImport previewed = take(id);
            if (previewed == null) {
                v.notice = Notice.error(t("import.error.expired"));
                show(request, response, v);
                return;
            }
            exceptions = previewed.exceptions();
            mode = previewed.mode();
        } else {
            ExceptionListFormat.ParseResult parsed = parseImport(request, v);
            if (!v.errors.isEmpty()) {
                v.notice = Notice.error(t("import.rejected", Math.max(1, v.errorCount)));
                show(request, response, v);
                return;
            }
            exceptions = parsed.exceptions();
            mode = PolicyService.ImportMode.valueOf(v.importMode);
        }
        int total = context().policy().importExceptions(exceptions, mode);
        context().audit().record(request, "Federation policy exceptions imported",
            exceptions.size() + " entries (" + mode + "), " + total + " exceptions now");
        redirectAfterChange(response, "policy.jsp?result=imported&count=" + exceptions.size());
    }

    /** What applying the import would change. */
    private Preview preview(String id, List<PolicyException> imported, PolicyService.ImportMode mode) {
        Map<DomainPattern, PolicyException> remaining = new HashMap<>();
        for (PolicyException e : context().policy().current().exceptions()) {
            remaining.put(e.pattern(), e);
        }
        Lines added = new Lines();
        Lines changed = new Lines();
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
        Lines removed = new Lines();
        if (mode == PolicyService.ImportMode.REPLACE) {
            for (PolicyException e : remaining.values()) {
                removed.add(e.pattern() + " (" + e.direction() + ")");
            }
        }
        return new Preview(id, imported.size(), added.first, added.count, changed.first, changed.count,
            removed.first, removed.count, unchanged);
    }

    /** The first {@link #PREVIEW_LINES} lines of a list, and how many there are in all. */
    private static final class Lines {
        final List<String> first = new ArrayList<>();
        int count;

        void add(String line) {
            if (count++ < PREVIEW_LINES) {
                first.add(line);
            }
        }
    }

    private synchronized String remember(PendingImport p) {
        Instant now = Instant.now();
        pending.values().removeIf(old -> old.expires().isBefore(now));
        Iterator<String> oldest = pending.keySet().iterator();
        while (pending.size() >= MAX_PENDING && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        pending.put(id, p);
        return id;
    }

    private synchronized PendingImport take(String id) {
        PendingImport p = pending.remove(id);
        return p == null || p.expires().isBefore(Instant.now()) ? null : p;
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
            v.importFormat, v.importMode, v.importContent, v.errors, v.errorCount, megabytes(MAX_IMPORT_BYTES)));
    }

    private String ruleText(Decision d, FederationPolicy policy) {
        return switch (d.reason()) {
            case EXCEPTION -> t("reason.EXCEPTION", d.exception().pattern().toString(), t("direction." + d.exception().direction().name()));
            case DEFAULT_POLICY -> t("reason.DEFAULT_POLICY", policy.defaultPolicy().name());
            default -> t("reason." + d.reason().name());
        };
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
