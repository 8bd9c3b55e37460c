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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.policy.DecisionReason;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.PolicyService.ImportMode;
import org.xmppfed.openfire.route.RouteService;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoute;
import org.xmppfed.openfire.route.StaticRoutes;

/**
 * Federation → Static routes: the two switches ("Use static routes", "Routes are allowed
 * automatically"), the routes (add, edit, delete with confirmation), import with a preview that
 * must be confirmed, and export. A route is named in links and forms as {@code domain address}
 * (one blank between: neither part can contain one).
 */
public final class RoutesServlet extends AdminPage {
    static final String PAGE_ID = "federation-routes";

    private final ListImport<StaticRoute> imports = new ListImport<>(() -> context().routes().importFormat());

    /** One row of the route table; {@code policy} says what the policy decides for a domain that is not allowed by its route. */
    public record Row(StaticRoute route, String key, int ofDomain, boolean first, String policy) {
    }

    /** What {@code routes.jte} shows. */
    public record View(Notice notice, boolean enabled, boolean allowedAutomatically, String confirmDelete, String confirmDeleteText,
                       ImportPreview preview, String editing, String editingText, String formDomain, String formAddress,
                       List<Row> rows, int total, int domains, String importFormat, String importMode, String importContent,
                       FieldErrors errors, int errorCount, String maxImportMb) {
    }

    private static final class State {
        Notice notice;
        String formDomain = "";
        String formAddress = "";
        String editing;
        String confirmDelete;
        ImportPreview preview;
        final ListImport.Form form = new ListImport.Form();
        final FieldErrors errors = new FieldErrors();
    }

    public RoutesServlet() {
        this(FederationContext::current);
    }

    RoutesServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        State v = new State();
        String result = param(request, "result");
        if (!result.isEmpty()) {
            v.notice = Notice.success(t("routes.result." + result, param(request, "route"), param(request, "count")));
        }
        String edit = param(request, "edit");
        if (!edit.isEmpty()) {
            Optional<StaticRoute> r = findQuietly(edit);
            if (r.isPresent()) {
                v.editing = key(r.get());
                v.formDomain = r.get().domain();
                v.formAddress = r.get().target().toString();
            } else {
                v.notice = Notice.error(t("route.error.not-found", domainOf(edit), addressOf(edit)));
            }
        }
        String delete = param(request, "delete");
        if (!delete.isEmpty()) {
            Optional<StaticRoute> r = findQuietly(delete);
            if (r.isPresent()) {
                v.confirmDelete = key(r.get());
            } else {
                v.notice = Notice.error(t("route.error.not-found", domainOf(delete), addressOf(delete)));
            }
        }
        show(response, request, v);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        State v = new State();
        switch (param(request, "action")) {
            case "settings" -> saveSettings(request, response, v);
            case "add" -> save(request, response, v, null);
            case "update" -> save(request, response, v, param(request, "original"));
            case "delete" -> delete(request, response, v);
            case "import-preview" -> importPreview(request, response, v);
            case "import-apply" -> importApply(request, response, v);
            default -> {
                v.notice = Notice.error(t("policy.error.action"));
                show(response, request, v);
            }
        }
    }

    private void saveSettings(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        String enabled = param(request, "enabled");
        String auto = param(request, "autoAllow");
        if (!isBoolean(enabled) || !isBoolean(auto)) {
            v.notice = Notice.error(t("routes.error.settings"));
            show(response, request, v);
            return;
        }
        context().routes().saveSettings(Boolean.parseBoolean(enabled), Boolean.parseBoolean(auto));
        context().audit().record(request, "Federation static routes settings changed",
            "use static routes: " + enabled + ", routes allowed automatically: " + auto);
        redirectAfterChange(response, "routes.jsp?result=settings");
    }

    private static boolean isBoolean(String s) {
        return s.equals("true") || s.equals("false");
    }

    private void save(HttpServletRequest request, HttpServletResponse response, State v, String original) throws IOException {
        v.formDomain = param(request, "domain");
        v.formAddress = param(request, "address");
        v.editing = original;
        RouteService routes = context().routes();
        try {
            routes.checkedDomain(v.formDomain);
        } catch (InvalidInputException e) {
            v.errors.add("domain", problem(e));
        }
        try {
            RouteTarget.parse(v.formAddress);
        } catch (InvalidInputException e) {
            v.errors.add("address", problem(e));
        }
        if (v.errors.isEmpty()) {
            try {
                StaticRoute saved = original == null
                    ? routes.add(v.formDomain, v.formAddress)
                    : routes.update(domainOf(original), addressOf(original), v.formDomain, v.formAddress);
                context().audit().record(request, original == null ? "Federation static route added" : "Federation static route changed",
                    (original == null ? "" : original + " -> ") + saved.describe());
                redirectAfterChange(response, "routes.jsp?result=" + (original == null ? "added" : "updated") + "&route=" + url(saved.describe()));
                return;
            } catch (InvalidInputException e) {
                v.errors.add(e.key().equals("route.error.own-name") ? "domain" : "address", problem(e));
            }
        }
        v.notice = Notice.error(t("form.not-saved"));
        show(response, request, v);
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        String route = param(request, "route");
        try {
            StaticRoute removed = context().routes().delete(domainOf(route), addressOf(route));
            context().audit().record(request, "Federation static route deleted", removed.describe());
            redirectAfterChange(response, "routes.jsp?result=deleted&route=" + url(removed.describe()));
        } catch (InvalidInputException e) {
            v.notice = Notice.error(problem(e));
            show(response, request, v);
        }
    }

    private void importPreview(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        List<StaticRoute> parsed = imports.read(request, v.form, v.errors, locale());
        if (parsed == null) {
            v.notice = Notice.error(t("import.rejected", Math.max(1, v.form.errorCount)));
            show(response, request, v);
            return;
        }
        ImportMode mode = ImportMode.valueOf(v.form.mode);
        v.preview = preview(imports.remember(parsed, mode), parsed, mode);
        show(response, request, v);
    }

    private void importApply(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        ListImport.Apply<StaticRoute> apply = imports.toApply(request, v.form, v.errors, locale());
        if (apply.refusal() != null) {
            v.notice = Notice.error(apply.refusal());
            show(response, request, v);
            return;
        }
        List<StaticRoute> routes = apply.entries();
        ImportMode mode = apply.mode();
        try {
            int total = context().routes().importRoutes(routes, mode);
            context().audit().record(request, "Federation static routes imported", routes.size() + " entries (" + mode + "), " + total + " routes now");
            redirectAfterChange(response, "routes.jsp?result=imported&count=" + routes.size());
        } catch (InvalidInputException e) {
            // a name became one of ours between preview and apply
            v.notice = Notice.error(t("import.rejected", 1));
            v.errors.add("content", problem(e));
            show(response, request, v);
        }
    }

    /** What applying the import would change: routes are added or removed, never changed in place. */
    private ImportPreview preview(String id, List<StaticRoute> imported, ImportMode mode) {
        Set<String> existing = new HashSet<>();
        for (StaticRoute r : context().routes().current().routes()) {
            existing.add(r.describe());
        }
        ListImport.Lines added = new ListImport.Lines();
        int unchanged = 0;
        Set<String> kept = new HashSet<>();
        for (StaticRoute r : imported) {
            if (existing.contains(r.describe())) {
                unchanged++;
                kept.add(r.describe());
            } else {
                added.add(r.describe());
            }
        }
        ListImport.Lines removed = new ListImport.Lines();
        if (mode == ImportMode.REPLACE) {
            for (StaticRoute r : context().routes().current().routes()) {
                if (!kept.contains(r.describe())) {
                    removed.add(r.describe());
                }
            }
        }
        return ImportPreview.of(id, imported.size(), added, new ListImport.Lines(), removed, unchanged);
    }

    private Optional<StaticRoute> findQuietly(String key) {
        try {
            return context().routes().find(domainOf(key), addressOf(key));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    static String key(StaticRoute r) {
        return r.domain() + " " + r.target();
    }

    private static String domainOf(String key) {
        int blank = key.indexOf(' ');
        return blank < 0 ? key : key.substring(0, blank);
    }

    private static String addressOf(String key) {
        int blank = key.indexOf(' ');
        return blank < 0 ? "" : key.substring(blank + 1);
    }

    private void show(HttpServletResponse response, HttpServletRequest request, State v) throws IOException {
        StaticRoutes routes = context().routes().current();
        FederationPolicy policy = context().policy().current();
        Map<String, Integer> perDomain = new HashMap<>();
        for (StaticRoute r : routes.routes()) {
            perDomain.merge(r.domain(), 1, Integer::sum);
        }
        List<Row> rows = new ArrayList<>();
        String previous = null;
        for (StaticRoute r : routes.routes()) {
            boolean first = !r.domain().equals(previous);
            previous = r.domain();
            rows.add(new Row(r, key(r), perDomain.get(r.domain()), first, first ? policyText(policy, r.domain()) : ""));
        }
        String confirmText = v.confirmDelete == null ? null : domainOf(v.confirmDelete) + " \u2192 " + addressOf(v.confirmDelete);
        String editingText = v.editing == null ? null : domainOf(v.editing) + " \u2192 " + addressOf(v.editing);
        render(request, response, "routes.jte", new View(v.notice, routes.enabled(), routes.allowedAutomatically(), v.confirmDelete, confirmText,
            v.preview, v.editing, editingText, v.formDomain, v.formAddress, rows, routes.routes().size(), routes.domains().size(),
            v.form.format, v.form.mode, v.form.content, v.errors, v.form.errorCount, ListImport.megabytes(ListImport.MAX_IMPORT_BYTES)));
    }

    /** The policy's decision for a routed domain, in the page's words: allowed by its route, or what the policy says. */
    private String policyText(FederationPolicy policy, String domain) {
        boolean in = policy.decide(domain, Direction.INCOMING).allowed();
        boolean out = policy.decide(domain, Direction.OUTGOING).allowed();
        if (policy.decide(domain, Direction.OUTGOING).reason() == DecisionReason.STATIC_ROUTE) {
            return t("routes.policy.route");
        }
        return t("routes.policy." + (in && out ? "both" : in ? "incoming" : out ? "outgoing" : "none"));
    }
}
