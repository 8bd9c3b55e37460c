package org.xmppfed.openfire.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 */
public final class PolicyServlet extends AdminPage {
    static final String PAGE_ID = "federation-policy";
    static final int PAGE_SIZE = 100;

    public PolicyServlet() {
        this(FederationContext::current);
    }

    PolicyServlet(Supplier<FederationContext> context) {
        super(context);
    }

    /** What one rendering of the page shows besides the list. */
    private static final class View {
        String message = "";
        String formPattern = "";
        String formDirection = "BOTH";
        String editing;          // original pattern when the form edits an exception
        String confirmDelete;    // pattern awaiting confirmation
        String testDomain = "";
        String importFormat = "CSV";
        String importMode = "MERGE";
        String importContent = "";
        String importPreview = "";
        final Map<String, String> errors = new HashMap<>();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        View v = new View();
        PolicyService policy = context().policy();
        String result = param(request, "result");
        if (!result.isEmpty()) {
            v.message = infoBox("success", t("policy.result." + result, param(request, "pattern"), param(request, "count")));
        }
        String edit = param(request, "edit");
        if (!edit.isEmpty()) {
            Optional<PolicyException> e = findQuietly(policy, edit);
            if (e.isPresent()) {
                v.editing = e.get().pattern().toString();
                v.formPattern = v.editing;
                v.formDirection = e.get().direction().name();
            } else {
                v.message = infoBox("error", t("policy.error.not-found", edit));
            }
        }
        String delete = param(request, "delete");
        if (!delete.isEmpty()) {
            if (findQuietly(policy, delete).isPresent()) {
                v.confirmDelete = DomainPattern.parse(delete).toString();
            } else {
                v.message = infoBox("error", t("policy.error.not-found", delete));
            }
        }
        v.testDomain = param(request, "test");
        render(request, response, v);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        View v = new View();
        switch (param(request, "action")) {
            case "add" -> save(request, response, v, null);
            case "update" -> save(request, response, v, param(request, "original"));
            case "delete" -> delete(request, response, v);
            case "import-preview" -> importPreview(request, response, v);
            case "import-apply" -> importApply(request, response, v);
            default -> {
                v.message = infoBox("error", t("policy.error.action"));
                render(request, response, v);
            }
        }
    }

    private void save(HttpServletRequest request, HttpServletResponse response, View v, String original) throws IOException {
        v.formPattern = param(request, "pattern");
        v.formDirection = param(request, "direction");
        v.editing = original;
        try {
            DomainNames.parsePattern(v.formPattern);
        } catch (InvalidInputException e) {
            v.errors.put("pattern", problem(e));
        }
        try {
            Direction.parse(v.formDirection);
        } catch (InvalidInputException e) {
            v.errors.put("direction", problem(e));
        }
        if (v.errors.isEmpty()) {
            try {
                PolicyException saved = original == null
                    ? context().policy().add(v.formPattern, v.formDirection)
                    : context().policy().update(original, v.formPattern, v.formDirection);
                context().audit().record(request, original == null ? "Federation policy exception added" : "Federation policy exception changed",
                    (original == null ? "" : original + " -> ") + saved.pattern() + " " + saved.direction());
                redirectAfterChange(response, "policy.jsp?result=" + (original == null ? "added" : "updated")
                    + "&pattern=" + Html.url(saved.pattern().toString()));
                return;
            } catch (InvalidInputException e) {
                v.errors.put("pattern", problem(e));
            }
        }
        v.message = infoBox("error", t("form.not-saved"));
        render(request, response, v);
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, View v) throws IOException {
        try {
            PolicyException removed = context().policy().delete(param(request, "pattern"));
            context().audit().record(request, "Federation policy exception deleted", removed.pattern() + " " + removed.direction());
            redirectAfterChange(response, "policy.jsp?result=deleted&pattern=" + Html.url(removed.pattern().toString()));
        } catch (InvalidInputException e) {
            v.message = infoBox("error", problem(e));
            render(request, response, v);
        }
    }

    private ExceptionListFormat.ParseResult parseImport(HttpServletRequest request, View v) {
        v.importFormat = param(request, "format");
        v.importMode = param(request, "mode");
        v.importContent = param(request, "content");
        try {
            ExceptionListFormat.Format format = ExceptionListFormat.Format.parse(v.importFormat);
            PolicyService.ImportMode.valueOf(v.importMode);
            ExceptionListFormat.ParseResult parsed = ExceptionListFormat.parse(format, v.importContent, Instant.now());
            if (parsed.ok() && parsed.exceptions().isEmpty() && !"REPLACE".equals(v.importMode)) {
                v.errors.put("content", t("import.error.empty"));
            }
            for (ExceptionListFormat.LineError error : parsed.errors()) {
                v.errors.merge("content", Html.escape(error.message(locale())), (a, b) -> a + "<br/>" + b);
            }
            return parsed;
        } catch (InvalidInputException e) {
            v.errors.put("format", problem(e));
        } catch (IllegalArgumentException e) {
            v.errors.put("mode", t("import.error.mode"));
        }
        return null;
    }

    private void importPreview(HttpServletRequest request, HttpServletResponse response, View v) throws IOException {
        ExceptionListFormat.ParseResult parsed = parseImport(request, v);
        if (!v.errors.isEmpty()) {
            v.message = infoBox("error", t("import.rejected", v.errors.containsKey("content")
                ? v.errors.get("content").split("<br/>").length : 1));
            render(request, response, v);
            return;
        }
        v.importPreview = preview(request, v, parsed.exceptions());
        render(request, response, v);
    }

    private void importApply(HttpServletRequest request, HttpServletResponse response, View v) throws IOException {
        ExceptionListFormat.ParseResult parsed = parseImport(request, v);
        if (!v.errors.isEmpty()) {
            v.message = infoBox("error", t("import.rejected", 1));
            render(request, response, v);
            return;
        }
        PolicyService.ImportMode mode = PolicyService.ImportMode.valueOf(v.importMode);
        int total = context().policy().importExceptions(parsed.exceptions(), mode);
        context().audit().record(request, "Federation policy exceptions imported",
            parsed.exceptions().size() + " entries (" + mode + "), " + total + " exceptions now");
        redirectAfterChange(response, "policy.jsp?result=imported&count=" + parsed.exceptions().size());
    }

    /** What applying the import would change, and the button that applies it. */
    private String preview(HttpServletRequest request, View v, List<PolicyException> imported) {
        Map<DomainPattern, PolicyException> current = new LinkedHashMap<>();
        for (PolicyException e : context().policy().current().exceptions()) {
            current.put(e.pattern(), e);
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int unchanged = 0;
        Map<DomainPattern, PolicyException> remaining = new HashMap<>(current);
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
        List<String> removed = new ArrayList<>();
        if ("REPLACE".equals(v.importMode)) {
            for (PolicyException e : remaining.values()) {
                removed.add(e.pattern() + " (" + e.direction() + ")");
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("<p id=\"import-summary\">").append(t("import.preview.summary", imported.size(), added.size(), changed.size(),
            removed.size(), unchanged)).append("</p>\n");
        b.append(list(t("import.preview.added"), added)).append(list(t("import.preview.changed"), changed))
            .append(list(t("import.preview.removed"), removed));
        b.append("<form action=\"policy.jsp\" method=\"post\">").append(csrfField(request))
            .append("<input type=\"hidden\" name=\"action\" value=\"import-apply\"/>")
            .append("<input type=\"hidden\" name=\"format\" value=\"").append(Html.escape(v.importFormat)).append("\"/>")
            .append("<input type=\"hidden\" name=\"mode\" value=\"").append(Html.escape(v.importMode)).append("\"/>")
            .append("<input type=\"hidden\" name=\"content\" value=\"").append(Html.escape(v.importContent)).append("\"/>")
            .append("<input type=\"submit\" name=\"apply\" value=\"").append(t("import.apply")).append("\"/> ")
            .append("<a href=\"policy.jsp\">").append(t("form.cancel")).append("</a></form>\n");
        return contentBox(t("import.preview.title"), b.toString());
    }

    private static String list(String title, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<p><b>").append(title).append("</b></p><ul>");
        int shown = 0;
        for (String item : items) {
            if (++shown > 200) {
                b.append("<li>… (").append(items.size() - 200).append(" more)</li>");
                break;
            }
            b.append("<li>").append(Html.escape(item)).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    private static Optional<PolicyException> findQuietly(PolicyService policy, String pattern) {
        try {
            return policy.find(pattern);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, View v) throws IOException {
        FederationPolicy policy = context().policy().current();
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(t("policy.intro", t("default." + policy.defaultPolicy().name()))).append("</p>\n");
        if (!policy.enabled()) {
            b.append(infoBox("warning", t("settings.off.warning")));
        }
        b.append(v.message);
        if (v.confirmDelete != null) {
            b.append(infoBox("warning", t("policy.delete.confirm", v.confirmDelete)
                + "<form action=\"policy.jsp\" method=\"post\" style=\"display:inline\">" + csrfField(request)
                + "<input type=\"hidden\" name=\"action\" value=\"delete\"/>"
                + "<input type=\"hidden\" name=\"pattern\" value=\"" + Html.escape(v.confirmDelete) + "\"/> "
                + "<input type=\"submit\" name=\"confirm\" value=\"" + t("policy.delete.yes") + "\"/> "
                + "<a href=\"policy.jsp\">" + t("form.cancel") + "</a></form>"));
        }
        b.append(v.importPreview);
        b.append(tester(v));
        b.append(exceptionForm(request, v));
        b.append(exceptionTable(request, policy));
        b.append(importExport(request, v));
        write(response, PAGE_ID, "policy.title", b.toString());
    }

    private String tester(View v) {
        StringBuilder b = new StringBuilder();
        b.append("<form action=\"policy.jsp\" method=\"get\">")
            .append("<label for=\"test\">").append(t("tester.domain")).append("</label> ")
            .append("<input type=\"text\" id=\"test\" name=\"test\" size=\"40\" value=\"").append(Html.escape(v.testDomain)).append("\"/> ")
            .append("<input type=\"submit\" value=\"").append(t("tester.run")).append("\"/></form>\n");
        if (!v.testDomain.isBlank()) {
            try {
                String domain = DomainNames.normalise(v.testDomain);
                FederationPolicy policy = context().policy().current();
                b.append("<p>").append(t("tester.result-for", domain)).append("</p>")
                    .append("<div class=\"jive-table\"><table id=\"tester-result\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\">")
                    .append("<thead><tr><th>").append(t("tester.direction")).append("</th><th>").append(t("tester.decision"))
                    .append("</th><th>").append(t("tester.rule")).append("</th></tr></thead><tbody>");
                for (Direction d : Direction.TRAFFIC) {
                    Decision decision = policy.decide(domain, d);
                    b.append("<tr data-direction=\"").append(d).append("\" data-allowed=\"").append(decision.allowed()).append("\"><td>")
                        .append(t("tester.traffic." + d.name())).append("</td><td><b>")
                        .append(t(decision.allowed() ? "tester.allowed" : "tester.denied")).append("</b></td><td>")
                        .append(ruleText(decision, policy)).append("</td></tr>");
                }
                b.append("</tbody></table></div>\n");
            } catch (InvalidInputException e) {
                b.append("<p><span class=\"jive-error-text\" data-field-error=\"test\">").append(problem(e)).append("</span></p>");
            }
        }
        return contentBox(t("tester.title"), b.toString());
    }

    private String ruleText(Decision d, FederationPolicy policy) {
        return switch (d.reason()) {
            case EXCEPTION -> t("reason.EXCEPTION", d.exception().pattern().toString(), t("direction." + d.exception().direction().name()));
            case DEFAULT_POLICY -> t("reason.DEFAULT_POLICY", policy.defaultPolicy().name());
            default -> t("reason." + d.reason().name());
        };
    }

    private String exceptionForm(HttpServletRequest request, View v) {
        StringBuilder b = new StringBuilder();
        b.append("<form action=\"policy.jsp\" method=\"post\">").append(csrfField(request))
            .append("<input type=\"hidden\" name=\"action\" value=\"").append(v.editing == null ? "add" : "update").append("\"/>");
        if (v.editing != null) {
            b.append("<input type=\"hidden\" name=\"original\" value=\"").append(Html.escape(v.editing)).append("\"/>");
        }
        b.append("<table cellpadding=\"3\" cellspacing=\"0\" border=\"0\"><tr><td><label for=\"pattern\">")
            .append(t("policy.pattern")).append("</label></td><td><input type=\"text\" id=\"pattern\" name=\"pattern\" size=\"40\" maxlength=\"300\" value=\"")
            .append(Html.escape(v.formPattern)).append("\"/>").append(fieldError(v.errors, "pattern"))
            .append("<br/><span class=\"jive-description\">").append(t("policy.pattern.help")).append("</span></td></tr>")
            .append("<tr><td><label for=\"direction\">").append(t("policy.direction")).append("</label></td><td><select id=\"direction\" name=\"direction\">");
        for (Direction d : Direction.values()) {
            b.append("<option value=\"").append(d).append("\"").append(d.name().equalsIgnoreCase(v.formDirection) ? " selected" : "")
                .append(">").append(t("direction." + d.name())).append("</option>");
        }
        b.append("</select>").append(fieldError(v.errors, "direction")).append("<br/><span class=\"jive-description\">")
            .append(t("policy.direction.help")).append("</span></td></tr></table>")
            .append("<input type=\"submit\" name=\"save\" value=\"").append(t(v.editing == null ? "policy.add" : "form.save")).append("\"/>");
        if (v.editing != null) {
            b.append(" <a href=\"policy.jsp\">").append(t("form.cancel")).append("</a>");
        }
        b.append("</form>");
        return contentBox(t(v.editing == null ? "policy.add.title" : "policy.edit.title", v.editing), b.toString());
    }

    private String exceptionTable(HttpServletRequest request, FederationPolicy policy) {
        String filter = param(request, "filter").strip().toLowerCase(Locale.ROOT);
        List<PolicyException> shown = new ArrayList<>();
        for (PolicyException e : policy.exceptions()) {
            if (filter.isEmpty() || e.pattern().toString().contains(filter)) {
                shown.add(e);
            }
        }
        int start = 0;
        try {
            start = Math.max(0, Math.min(Integer.parseInt(param(request, "start")), Math.max(0, shown.size() - 1)));
        } catch (NumberFormatException ignored) {
            // first page
        }
        PolicyCounters counters = context().counters();
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(t("policy.list.count", policy.exceptions().size())).append("</p>");
        b.append("<form action=\"policy.jsp\" method=\"get\">").append(t("policy.filter"))
            .append(" <input type=\"text\" name=\"filter\" value=\"").append(Html.escape(filter)).append("\"/> <input type=\"submit\" value=\"")
            .append(t("policy.filter.apply")).append("\"/></form>");
        b.append("<div class=\"jive-table\"><table id=\"exceptions\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\"><thead><tr>");
        for (String h : new String[] {"policy.pattern", "policy.direction", "policy.effect", "policy.created", "policy.changed",
            "policy.allowed", "policy.denied", "policy.actions"}) {
            b.append("<th nowrap>").append(t(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        if (shown.isEmpty()) {
            b.append("<tr><td colspan=\"8\" align=\"center\">").append(t("policy.list.empty")).append("</td></tr>");
        }
        String effect = t(policy.defaultPolicy().allows() ? "policy.effect.deny" : "policy.effect.allow");
        int end = Math.min(shown.size(), start + PAGE_SIZE);
        for (int i = start; i < end; i++) {
            PolicyException e = shown.get(i);
            PolicyCounters.Tally tally = counters.forException(e.pattern());
            String p = e.pattern().toString();
            b.append("<tr class=\"").append(i % 2 == 0 ? "jive-even" : "jive-odd").append("\" data-pattern=\"").append(Html.escape(p)).append("\">")
                .append("<td>").append(Html.escape(p)).append("</td><td>").append(t("direction." + e.direction().name()))
                .append("</td><td>").append(effect).append("</td><td>").append(time(e.created())).append("</td><td>")
                .append(time(e.lastChanged())).append("</td><td>").append(tally.allowed()).append("</td><td>").append(tally.denied())
                .append("</td><td nowrap><a href=\"policy.jsp?edit=").append(Html.escape(Html.url(p))).append("\">").append(t("policy.edit"))
                .append("</a> | <a href=\"policy.jsp?delete=").append(Html.escape(Html.url(p))).append("\">").append(t("policy.delete"))
                .append("</a></td></tr>");
        }
        b.append("</tbody></table></div>");
        if (shown.size() > PAGE_SIZE) {
            b.append("<p>").append(t("policy.list.page", start + 1, end, shown.size())).append(' ');
            if (start > 0) {
                b.append("<a href=\"policy.jsp?start=").append(Math.max(0, start - PAGE_SIZE)).append("&filter=")
                    .append(Html.escape(Html.url(filter))).append("\">").append(t("policy.list.previous")).append("</a> ");
            }
            if (end < shown.size()) {
                b.append("<a href=\"policy.jsp?start=").append(end).append("&filter=").append(Html.escape(Html.url(filter)))
                    .append("\">").append(t("policy.list.next")).append("</a>");
            }
            b.append("</p>");
        }
        return contentBox(t("policy.list.title"), b.toString());
    }

    private String importExport(HttpServletRequest request, View v) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(t("export.intro")).append(" <a id=\"export-csv\" href=\"policy-export.jsp?format=csv\">CSV</a> | ")
            .append("<a id=\"export-json\" href=\"policy-export.jsp?format=json\">JSON</a></p>");
        b.append("<form action=\"policy.jsp\" method=\"post\">").append(csrfField(request))
            .append("<input type=\"hidden\" name=\"action\" value=\"import-preview\"/>")
            .append("<p>").append(t("import.intro")).append("</p>")
            .append("<p><label for=\"import-file\">").append(t("import.file")).append("</label> <input type=\"file\" id=\"import-file\" accept=\".csv,.json,.txt\"/></p>")
            .append("<p><textarea id=\"import-content\" name=\"content\" rows=\"8\" cols=\"80\">").append(Html.escape(v.importContent))
            .append("</textarea>").append(fieldError(v.errors, "content")).append("</p><p>").append(t("import.format")).append(' ');
        for (String f : new String[] {"CSV", "JSON"}) {
            b.append("<input type=\"radio\" name=\"format\" id=\"format-").append(f).append("\" value=\"").append(f).append("\"")
                .append(f.equalsIgnoreCase(v.importFormat) ? " checked" : "").append("/> <label for=\"format-").append(f).append("\">")
                .append(f).append("</label> ");
        }
        b.append(fieldError(v.errors, "format")).append("</p><p>");
        for (String m : new String[] {"MERGE", "REPLACE"}) {
            b.append("<input type=\"radio\" name=\"mode\" id=\"mode-").append(m).append("\" value=\"").append(m).append("\"")
                .append(m.equals(v.importMode) ? " checked" : "").append("/> <label for=\"mode-").append(m).append("\">")
                .append(t("import.mode." + m)).append("</label><br/>");
        }
        b.append(fieldError(v.errors, "mode")).append("</p><input type=\"submit\" value=\"").append(t("import.preview")).append("\"/></form>")
            .append("<script>document.getElementById('import-file').addEventListener('change',function(e){var f=e.target.files[0];if(!f)return;")
            .append("var r=new FileReader();r.onload=function(){document.getElementById('import-content').value=r.result;")
            .append("if(/\\.json$/i.test(f.name))document.getElementById('format-JSON').checked=true;else document.getElementById('format-CSV').checked=true;};")
            .append("r.readAsText(f);});</script>");
        return contentBox(t("import.title"), b.toString());
    }
}
