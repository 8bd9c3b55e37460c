package org.xmppfed.openfire.web;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Messages;

/**
 * Base of the plugin's admin pages. Pages are plain servlets registered under {@code *.jsp} paths,
 * so Openfire's admin console decorates them (header, tabs, sidebar selected by the page ID) like
 * its own JSPs, checks the CSRF token of every POST before the servlet runs and hands the next
 * token in the {@code csrf} request attribute. Every printed value goes through {@link Html#escape}.
 */
abstract class AdminPage extends HttpServlet {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

    /** The localised text for {@code key}, HTML-escaped. */
    String t(String key, Object... args) {
        return Html.escape(Messages.format(locale(), key, args));
    }

    String problem(InvalidInputException e) {
        return Html.escape(e.message(locale()));
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /**
     * Openfire's plugin servlet sets the {@code csrf} attribute only after checking a POST's token,
     * so a POST without it did not come through that check and is refused here as well.
     */
    static boolean passedCsrfCheck(HttpServletRequest request) {
        return request.getAttribute("csrf") instanceof String;
    }

    static String csrfField(HttpServletRequest request) {
        Object token = request.getAttribute("csrf");
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(token) + "\"/>";
    }

    static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v;
    }

    void write(HttpServletResponse response, String pageId, String titleKey, String body) throws IOException {
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String title = t(titleKey);
        response.getWriter().write("<!DOCTYPE html>\n<html>\n<head>\n<title>" + title + "</title>\n"
            + "<meta name=\"pageID\" content=\"" + pageId + "\"/>\n"
            + "<meta name=\"decorator\" content=\"main\"/>\n"
            + "</head>\n<body>\n" + body + "\n</body>\n</html>\n");
    }

    static String infoBox(String type, String html) {
        return "<div class=\"jive-" + type + "\"><table><tbody><tr>"
            + "<td class=\"jive-icon\"><img src=\"/images/" + type + "-16x16.gif\" alt=\"\"/></td>"
            + "<td class=\"jive-icon-label\">" + html + "</td></tr></tbody></table></div><br/>\n";
    }

    static String contentBox(String title, String html) {
        return "<div class=\"jive-contentBoxHeader\">" + title + "</div>\n<div class=\"jive-contentBox\">\n"
            + html + "\n</div>\n";
    }

    /** The error for {@code field}, shown next to it, or nothing. */
    static String fieldError(Map<String, String> errors, String field) {
        String e = errors.get(field);
        return e == null ? "" : "<br/><span class=\"jive-error-text\" data-field-error=\"" + field + "\">" + e + "</span>";
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

    /** A radio button with its label and help text, checked when {@code value} is {@code selected}. */
    static String radio(String name, String value, String selected, String label, String help) {
        String id = name + "-" + value;
        return "<p><input type=\"radio\" name=\"" + name + "\" id=\"" + id + "\" value=\"" + value + "\""
            + (value.equalsIgnoreCase(selected) ? " checked" : "") + "/> <label for=\"" + id + "\"><b>" + label
            + "</b></label><br/><span class=\"jive-description\">" + help + "</span></p>\n";
    }
}
