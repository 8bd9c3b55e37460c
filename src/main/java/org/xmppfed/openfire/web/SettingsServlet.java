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
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.InvalidInputException;

/** Federation → Settings: the federation switch and the default policy. */
public final class SettingsServlet extends AdminPage {
    static final String PAGE_ID = "federation-settings";

    /** What {@code settings.jte} shows: the form's values (as entered, on a rejected save) and the state. */
    public record View(Notice notice, String enabled, String defaultPolicy, FieldErrors errors, boolean federationOn,
                       boolean lockdown, int exceptionCount) {
    }

    public SettingsServlet() {
        this(FederationContext::current);
    }

    SettingsServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FederationPolicy p = context().policy().current();
        Notice notice = "saved".equals(request.getParameter("result")) ? Notice.success(t("settings.saved")) : null;
        show(request, response, p.enabled() ? "true" : "false", p.defaultPolicy().name(), new FieldErrors(), notice);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        String enabledText = param(request, "enabled");
        String defaultText = param(request, "defaultPolicy");
        FieldErrors errors = new FieldErrors();
        if (!enabledText.equals("true") && !enabledText.equals("false")) {
            errors.add("enabled", t("settings.error.enabled"));
        }
        DefaultPolicy defaultPolicy = null;
        try {
            defaultPolicy = DefaultPolicy.parse(defaultText);
        } catch (InvalidInputException e) {
            errors.add("defaultPolicy", problem(e));
        }
        if (!errors.isEmpty()) {
            show(request, response, enabledText, defaultText, errors, Notice.error(t("form.not-saved")));
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

    private void show(HttpServletRequest request, HttpServletResponse response, String enabled, String defaultPolicy,
                      FieldErrors errors, Notice notice) throws IOException {
        FederationPolicy p = context().policy().current();
        render(request, response, "settings.jte", new View(notice, enabled, defaultPolicy, errors, p.enabled(),
            p.defaultPolicy() == DefaultPolicy.DENY && p.exceptions().isEmpty(), p.exceptions().size()));
    }
}
