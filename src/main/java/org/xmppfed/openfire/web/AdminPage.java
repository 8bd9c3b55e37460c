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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Messages;

/**
 * Base of the plugin's admin pages: request handling only. Pages are plain servlets registered
 * under {@code *.jsp} paths, so Openfire's admin console decorates them (header, tabs, sidebar
 * selected by the page ID) like its own JSPs, checks the CSRF token of every POST before the
 * servlet runs and hands the next token in the {@code csrf} request attribute. The markup is in
 * the page's template ({@code src/main/jte}), which escapes everything it prints.
 */
abstract class AdminPage extends HttpServlet {
    private final Supplier<FederationContext> context;

    AdminPage(Supplier<FederationContext> context) {
        this.context = context;
    }

    FederationContext context() {
        return context.get();
    }

    Locale locale() {
        return context().locale().get();
    }

    /** The localised text for {@code key} (plain text; templates escape it). */
    String t(String key, Object... args) {
        return Messages.format(locale(), key, args);
    }

    String problem(InvalidInputException e) {
        return e.message(locale());
    }

    /**
     * Openfire's plugin servlet sets the {@code csrf} attribute only after checking a POST's token,
     * so a POST without it did not come through that check and is refused here as well.
     */
    static boolean passedCsrfCheck(HttpServletRequest request) {
        return request.getAttribute("csrf") instanceof String;
    }

    /** {@code value} encoded for a redirect's query string. */
    static String url(String value) {
        return Page.encode(value);
    }

    static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v;
    }

    /** Renders {@code template} with the common page helper and the page's own model. */
    void render(HttpServletRequest request, HttpServletResponse response, String template, Object view) throws IOException {
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Object token = request.getAttribute("csrf");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", new Page(locale(), token == null ? "" : token.toString()));
        params.put("view", view);
        Templates.render(template, params, response.getWriter());
    }

    /**
     * Redirects after a saved change once this node also enforces it on connections (Openfire's
     * permission and trunking settings are updated in the background), so that what the next
     * page says - "in force now" - is true for the very next stanza.
     */
    void redirectAfterChange(HttpServletResponse response, String location) throws IOException {
        context().awaitEnforcement().run();
        response.sendRedirect(location);
    }

    void refuseWithoutCsrf(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Missing or invalid CSRF token");
    }
}
