package org.xmppfed.openfire.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.email.EmailDomain;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailUsers;
import org.xmppfed.openfire.email.EmailIndex.UnusableEmail;
import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * Federation → Email addresses: the switch "Use email address when federating" with what to tell
 * partners and users first, the email domains (system-managed read only; administrator-managed
 * add, rename, delete with confirmation), the DNS records and certificate names they need, and the
 * users who cannot federate by email and why.
 */
public final class EmailServlet extends AdminPage {
    static final String PAGE_ID = "federation-email";
    /** The users table shows at most this many rows; the count above it is always complete. */
    static final int MAX_USERS_SHOWN = 500;

    /** What one rendering shows besides the stored state. */
    private static final class View {
        String message = "";
        String enabled;
        String newDomain = "";
        String renaming;          // domain whose rename form is open
        String renameTo = "";
        String confirmDelete;     // domain awaiting confirmation
        final Map<String, String> errors = new LinkedHashMap<>();
    }

    public EmailServlet() {
        this(FederationContext::current);
    }

    EmailServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        View v = new View();
        EmailFederation email = context().email();
        String result = param(request, "result");
        String domain = param(request, "domain");
        switch (result) {
            case "on" -> v.message = infoBox("success", t("email.switch.saved.on"));
            case "off" -> v.message = infoBox("success", t("email.switch.saved.off"));
            case "added" -> v.message = infoBox("success", t("email.domains.added", domain));
            case "renamed" -> v.message = infoBox("success", t("email.domains.renamed", param(request, "from"), domain));
            case "deleted" -> v.message = infoBox("success", t("email.domains.deleted", domain));
            case "reread" -> v.message = infoBox("success", t("email.users.refreshed", email.index().userCount()));
            default -> {
            }
        }
        String rename = param(request, "edit");
        String delete = param(request, "delete");
        if (!rename.isEmpty()) {
            v.renaming = rename;
            v.renameTo = rename;
        } else if (!delete.isEmpty()) {
            v.confirmDelete = delete;
        }
        render(request, response, v);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        EmailFederation email = context().email();
        View v = new View();
        String action = param(request, "action");
        switch (action) {
            case "switch" -> {
                String enabled = param(request, "enabled");
                if (!enabled.equals("true") && !enabled.equals("false")) {
                    v.enabled = enabled;
                    v.errors.put("enabled", t("email.switch.error"));
                    break;
                }
                boolean on = Boolean.parseBoolean(enabled);
                boolean before = email.enabled();
                email.setEnabled(on);
                context().audit().record(request, "Email address for federation switched " + (on ? "on" : "off"),
                    "was " + (before ? "on" : "off"));
                redirectAfterChange(response, "email.jsp?result=" + (on ? "on" : "off"));
                return;
            }
            case "add" -> {
                v.newDomain = param(request, "domain");
                try {
                    String added = email.addDomain(v.newDomain);
                    context().audit().record(request, "Email domain added", added);
                    redirectAfterChange(response, "email.jsp?result=added&domain=" + Html.url(added));
                    return;
                } catch (InvalidInputException e) {
                    v.errors.put("domain", problem(e));
                }
            }
            case "rename" -> {
                v.renaming = param(request, "original");
                v.renameTo = param(request, "domain");
                try {
                    String renamed = email.renameDomain(v.renaming, v.renameTo);
                    context().audit().record(request, "Email domain renamed", v.renaming + " -> " + renamed);
                    redirectAfterChange(response, "email.jsp?result=renamed&from=" + Html.url(v.renaming) + "&domain=" + Html.url(renamed));
                    return;
                } catch (InvalidInputException e) {
                    v.errors.put("rename", problem(e));
                }
            }
            case "delete" -> {
                try {
                    String deleted = email.deleteDomain(param(request, "domain"));
                    context().audit().record(request, "Email domain deleted", deleted);
                    redirectAfterChange(response, "email.jsp?result=deleted&domain=" + Html.url(deleted));
                    return;
                } catch (InvalidInputException e) {
                    v.message = infoBox("error", problem(e));
                }
            }
            case "reread" -> {
                context().service(EmailUsers.class).rereadAll();
                redirectAfterChange(response, "email.jsp?result=reread");
                return;
            }
            default -> v.message = infoBox("error", t("email.error.action"));
        }
        if (!v.errors.isEmpty()) {
            v.message = infoBox("error", t("form.not-saved"));
        }
        render(request, response, v);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, View v) throws IOException {
        EmailFederation email = context().email();
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(t("email.intro")).append("</p>\n").append(v.message);
        if (v.confirmDelete != null) {
            b.append(infoBox("warning", t("email.domains.delete.confirm", v.confirmDelete)
                + "<form action=\"email.jsp\" method=\"post\" style=\"display:inline\">" + csrfField(request)
                + "<input type=\"hidden\" name=\"action\" value=\"delete\"/>"
                + "<input type=\"hidden\" name=\"domain\" value=\"" + Html.escape(v.confirmDelete) + "\"/> "
                + "<input type=\"submit\" name=\"confirm\" value=\"" + t("email.domains.delete") + "\"/> "
                + "<a href=\"email.jsp\">" + t("form.cancel") + "</a></form>"));
        }
        b.append(switchBox(request, v, email));
        List<EmailDomain> domains = email.domains();
        b.append(domainsBox(request, v, email, domains));
        b.append(dnsBox(email, domains));
        b.append(usersBox(request, email));
        write(response, PAGE_ID, "email.title", b.toString());
    }

    private String switchBox(HttpServletRequest request, View v, EmailFederation email) {
        String selected = v.enabled != null ? v.enabled : Boolean.toString(email.enabled());
        String domain = email.xmppDomain();
        StringBuilder s = new StringBuilder();
        s.append(infoBox(email.enabled() ? "info" : "warning", "<b>" + t("email.warning.title") + "</b><ul>"
            + "<li>" + t("email.warning.partners", domain) + "</li>"
            + "<li>" + t("email.warning.users") + "</li>"
            + "<li>" + t("email.warning.dns") + "</li></ul>"));
        s.append("<form action=\"email.jsp\" method=\"post\">").append(csrfField(request))
            .append("<input type=\"hidden\" name=\"action\" value=\"switch\"/>\n");
        s.append(radio("enabled", "true", selected, t("email.switch.on"), t("email.switch.on.help")));
        s.append(radio("enabled", "false", selected, t("email.switch.off"), t("email.switch.off.help", domain)));
        s.append(fieldError(v.errors, "enabled"));
        s.append("<input type=\"submit\" name=\"save\" value=\"").append(t("form.save")).append("\"/></form>\n");
        return contentBox(t("email.switch.title"), s.toString());
    }

    private String domainsBox(HttpServletRequest request, View v, EmailFederation email, List<EmailDomain> domains) {
        StringBuilder s = new StringBuilder("<p>").append(t("email.domains.intro")).append("</p>\n");
        s.append("<div class=\"jive-table\"><table cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\" id=\"email-domains\">\n<thead><tr>")
            .append("<th>").append(t("email.domains.name")).append("</th>")
            .append("<th>").append(t("email.domains.kind")).append("</th>")
            .append("<th>").append(t("email.domains.users")).append("</th>")
            .append("<th>").append(t("email.domains.where")).append("</th>")
            .append("<th>").append(t("email.domains.recorded")).append("</th>")
            .append("<th>").append(t("email.domains.actions")).append("</th></tr></thead>\n<tbody>\n");
        if (domains.isEmpty()) {
            s.append("<tr><td colspan=\"6\">").append(t("email.domains.empty")).append("</td></tr>\n");
        }
        for (EmailDomain d : domains) {
            String name = Html.escape(d.name());
            boolean own = d.name().equals(email.xmppDomain());
            s.append("<tr data-domain=\"").append(name).append("\"><td>").append(name)
                .append(own ? " <span class=\"jive-description\">(" + t("email.domains.server-domain") + ")</span>" : "")
                .append("</td><td>").append(t("email.domains.kind." + d.kind().name()))
                .append("</td><td>").append(d.users())
                .append("</td><td>").append(t("email.domains.where.local"))
                .append("</td><td>").append(d.recorded() == null ? "" : time(d.recorded()))
                .append("</td><td>");
            if (d.kind() == EmailDomain.Kind.ADMINISTRATOR) {
                String url = Html.escape(Html.url(d.name()));
                s.append("<a href=\"email.jsp?edit=").append(url).append("\">").append(t("email.domains.edit"))
                    .append("</a> | <a href=\"email.jsp?delete=").append(url).append("\">").append(t("email.domains.delete"))
                    .append("</a>");
            }
            s.append("</td></tr>\n");
        }
        s.append("</tbody></table></div>\n");
        if (v.renaming != null) {
            s.append("<h4>").append(t("email.domains.rename.title", v.renaming)).append("</h4>")
                .append("<form action=\"email.jsp\" method=\"post\">").append(csrfField(request))
                .append("<input type=\"hidden\" name=\"action\" value=\"rename\"/>")
                .append("<input type=\"hidden\" name=\"original\" value=\"").append(Html.escape(v.renaming)).append("\"/>")
                .append("<label for=\"rename-domain\">").append(t("email.domains.new-name")).append("</label> ")
                .append("<input type=\"text\" id=\"rename-domain\" name=\"domain\" size=\"40\" maxlength=\"300\" value=\"")
                .append(Html.escape(v.renameTo)).append("\"/> ")
                .append("<input type=\"submit\" value=\"").append(t("form.save")).append("\"/> <a href=\"email.jsp\">")
                .append(t("form.cancel")).append("</a>").append(fieldError(v.errors, "rename")).append("</form>\n");
        }
        s.append("<form action=\"email.jsp\" method=\"post\" style=\"margin-top:1em\">").append(csrfField(request))
            .append("<input type=\"hidden\" name=\"action\" value=\"add\"/>")
            .append("<label for=\"new-domain\">").append(t("email.domains.name")).append("</label> ")
            .append("<input type=\"text\" id=\"new-domain\" name=\"domain\" size=\"40\" maxlength=\"300\" value=\"")
            .append(Html.escape(v.newDomain)).append("\"/> ")
            .append("<input type=\"submit\" value=\"").append(t("email.domains.add")).append("\"/>")
            .append(fieldError(v.errors, "domain")).append("</form>\n");
        return contentBox(t("email.domains.title"), s.toString());
    }

    private String dnsBox(EmailFederation email, List<EmailDomain> domains) {
        StringBuilder s = new StringBuilder();
        List<String> names = domains.stream().map(EmailDomain::name)
            .filter(n -> !n.equals(email.xmppDomain())).toList();
        if (names.isEmpty()) {
            s.append("<p>").append(t("email.dns.none")).append("</p>");
        } else {
            String host = context().hostName();
            s.append("<p>").append(t("email.dns.intro")).append("</p>\n<pre id=\"email-dns\">");
            for (String n : names) {
                s.append(Html.escape("_xmpp-server._tcp." + n + ". IN SRV 0 5 5269 " + host + ".")).append('\n');
            }
            s.append("\n").append(Html.escape("subjectAltName = " + String.join(", ",
                names.stream().map(n -> "DNS:" + n).toList()))).append("</pre>\n");
        }
        return contentBox(t("email.dns.title"), s.toString());
    }

    private String usersBox(HttpServletRequest request, EmailFederation email) {
        List<UnusableEmail> unusable = email.index().unusable();
        StringBuilder s = new StringBuilder("<p>")
            .append(t("email.users.intro", unusable.size(), email.index().userCount(), email.xmppDomain())).append("</p>\n");
        if (unusable.isEmpty()) {
            s.append("<p>").append(t("email.users.none")).append("</p>\n");
        } else {
            if (unusable.size() > MAX_USERS_SHOWN) {
                s.append("<p>").append(t("email.users.more", MAX_USERS_SHOWN)).append("</p>\n");
            }
            s.append("<div class=\"jive-table\"><table cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\" id=\"email-users\">")
                .append("<thead><tr><th>").append(t("email.users.username")).append("</th><th>")
                .append(t("email.users.email")).append("</th><th>").append(t("email.users.reason"))
                .append("</th></tr></thead>\n<tbody>\n");
            for (UnusableEmail u : unusable.subList(0, Math.min(MAX_USERS_SHOWN, unusable.size()))) {
                s.append("<tr><td><a href=\"/user-properties.jsp?username=").append(Html.escape(Html.url(u.username())))
                    .append("\">").append(Html.escape(u.username())).append("</a></td><td>").append(Html.escape(u.email()))
                    .append("</td><td>").append(t(u.reasonKey(), u.detail())).append("</td></tr>\n");
            }
            s.append("</tbody></table></div>\n");
        }
        s.append("<form action=\"email.jsp\" method=\"post\" style=\"margin-top:1em\">").append(csrfField(request))
            .append("<input type=\"hidden\" name=\"action\" value=\"reread\"/>")
            .append("<input type=\"submit\" value=\"").append(t("email.users.refresh")).append("\"/></form>\n");
        return contentBox(t("email.users.title"), s.toString());
    }

}
