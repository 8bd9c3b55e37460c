package org.xmppfed.openfire.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.InvalidInputException;

/** Federation → Settings: the federation switch and the default policy. */
public final class SettingsServlet extends AdminPage {
    static final String PAGE_ID = "federation-settings";

    public SettingsServlet() {
        this(FederationContext::current);
    }

    SettingsServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FederationPolicy p = context().policy().current();
        String success = "saved".equals(request.getParameter("result")) ? infoBox("success", t("settings.saved")) : "";
        render(request, response, p.enabled() ? "true" : "false", p.defaultPolicy().name(), Map.of(), success);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        String enabledText = param(request, "enabled");
        String defaultText = param(request, "defaultPolicy");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!enabledText.equals("true") && !enabledText.equals("false")) {
            errors.put("enabled", t("settings.error.enabled"));
        }
        DefaultPolicy defaultPolicy = null;
        try {
            defaultPolicy = DefaultPolicy.parse(defaultText);
        } catch (InvalidInputException e) {
            errors.put("defaultPolicy", problem(e));
        }
        if (!errors.isEmpty()) {
            render(request, response, enabledText, defaultText, errors, infoBox("error", t("form.not-saved")));
            return;
        }
        FederationPolicy before = context().policy().current();
        boolean enabled = Boolean.parseBoolean(enabledText);
        context().policy().saveSettings(enabled, defaultPolicy);
        context().audit().record(request, "Federation settings changed",
            "federation " + (before.enabled() ? "on" : "off") + " -> " + (enabled ? "on" : "off")
                + ", default policy " + before.defaultPolicy() + " -> " + defaultPolicy);
        redirectAfterChange(response, "settings.jsp?result=saved");
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String enabled, String defaultPolicy,
                        Map<String, String> errors, String message) throws IOException {
        FederationPolicy p = context().policy().current();
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(t("settings.intro")).append("</p>\n").append(message);
        if (!p.enabled()) {
            b.append(infoBox("warning", t("settings.off.warning")));
        } else if (p.defaultPolicy() == DefaultPolicy.DENY && p.exceptions().isEmpty()) {
            b.append(infoBox("info", t("settings.lockdown.notice")));
        }
        b.append("<form action=\"settings.jsp\" method=\"post\">\n").append(csrfField(request));
        StringBuilder sw = new StringBuilder();
        sw.append(radio("enabled", "true", enabled, t("settings.enabled.on"), t("settings.enabled.on.help")));
        sw.append(radio("enabled", "false", enabled, t("settings.enabled.off"), t("settings.enabled.off.help")));
        sw.append(fieldError(errors, "enabled"));
        b.append(contentBox(t("settings.enabled.title"), sw.toString()));
        StringBuilder dp = new StringBuilder();
        dp.append(radio("defaultPolicy", "DENY", defaultPolicy, t("default.DENY"), t("settings.default.DENY.help")));
        dp.append(radio("defaultPolicy", "ALLOW", defaultPolicy, t("default.ALLOW"), t("settings.default.ALLOW.help")));
        dp.append(fieldError(errors, "defaultPolicy"));
        dp.append("<p>").append(t("settings.default.exceptions", p.exceptions().size()))
            .append(" <a href=\"policy.jsp\">").append(t("settings.default.exceptions.link")).append("</a></p>");
        b.append(contentBox(t("settings.default.title"), dp.toString()));
        b.append("<input type=\"submit\" name=\"save\" value=\"").append(t("form.save")).append("\"/>\n</form>\n");
        write(response, PAGE_ID, "settings.title", b.toString());
    }

}
