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
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.email.ClaimVerdict;
import org.xmppfed.openfire.email.EmailDomain;
import org.xmppfed.openfire.email.EmailDomainRules;
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

    /** The parts of one rendering that depend on the request. */
    private static final class State {
        Notice notice;
        String enabled;
        String newDomain = "";
        String renaming;          // domain whose rename form is open
        String renameTo = "";
        String confirmDelete;     // domain awaiting confirmation
        String confirmWithdraw;   // served domain awaiting "stop serving" confirmation
        final FieldErrors errors = new FieldErrors();
    }

    /** One row of the email domain table; {@code verdict} says whether the domain may be served. */
    public record DomainRow(EmailDomain domain, boolean serverDomain, ClaimVerdict verdict) {
        /** A proposed domain that nothing keeps from being served. */
        public boolean canApprove() {
            return !domain.served() && !serverDomain && !verdict.conflicts();
        }
    }

    /** What {@code email.jte} shows. */
    public record View(Notice notice, String confirmDelete, String confirmWithdraw, boolean enabled, String selected, String xmppDomain,
                       List<DomainRow> domains, String renaming, String renameTo, String newDomain,
                       List<String> srvRecords, String subjectAltNames, int unusableCount, int userCount,
                       List<UnusableEmail> unusableShown, FieldErrors errors) {
    }

    public EmailServlet() {
        this(FederationContext::current);
    }

    EmailServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        State v = new State();
        EmailFederation email = context().email();
        String result = param(request, "result");
        String domain = param(request, "domain");
        switch (result) {
            case "on" -> v.notice = Notice.success(t("email.switch.saved.on"));
            case "off" -> v.notice = Notice.success(t("email.switch.saved.off"));
            case "added" -> v.notice = Notice.success(t("email.domains.added", domain));
            case "renamed" -> v.notice = Notice.success(t("email.domains.renamed", param(request, "from"), domain));
            case "deleted" -> v.notice = Notice.success(t("email.domains.deleted", domain));
            case "reread" -> v.notice = Notice.success(t("email.users.refreshed", email.index().userCount()));
            case "approved" -> v.notice = Notice.success(t("email.domains.approved", domain));
            case "withdrawn" -> v.notice = Notice.success(t("email.domains.withdrawn", domain));
            default -> {
            }
        }
        String rename = param(request, "edit");
        String delete = param(request, "delete");
        String withdraw = param(request, "withdraw");
        if (!rename.isEmpty()) {
            v.renaming = rename;
            v.renameTo = rename;
        } else if (!delete.isEmpty()) {
            v.confirmDelete = delete;
        } else if (!withdraw.isEmpty()) {
            v.confirmWithdraw = withdraw;
        }
        show(request, response, v);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        EmailFederation email = context().email();
        State v = new State();
        String action = param(request, "action");
        switch (action) {
            case "switch" -> {
                String enabled = param(request, "enabled");
                if (!enabled.equals("true") && !enabled.equals("false")) {
                    v.enabled = enabled;
                    v.errors.add("enabled", t("email.switch.error"));
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
                    redirectAfterChange(response, "email.jsp?result=added&domain=" + url(added));
                    return;
                } catch (InvalidInputException e) {
                    v.errors.add("domain", problem(e));
                }
            }
            case "rename" -> {
                v.renaming = param(request, "original");
                v.renameTo = param(request, "domain");
                try {
                    String renamed = email.renameDomain(v.renaming, v.renameTo);
                    context().audit().record(request, "Email domain renamed", v.renaming + " -> " + renamed);
                    redirectAfterChange(response, "email.jsp?result=renamed&from=" + url(v.renaming) + "&domain=" + url(renamed));
                    return;
                } catch (InvalidInputException e) {
                    v.errors.add("rename", problem(e));
                }
            }
            case "delete" -> {
                try {
                    String deleted = email.deleteDomain(param(request, "domain"));
                    context().audit().record(request, "Email domain deleted", deleted);
                    redirectAfterChange(response, "email.jsp?result=deleted&domain=" + url(deleted));
                    return;
                } catch (InvalidInputException e) {
                    v.notice = Notice.error(problem(e));
                }
            }
            case "approve" -> {
                try {
                    String domain = param(request, "domain");
                    ClaimVerdict verdict = email.approveDomain(domain);
                    String name = EmailDomainRules.normalise(domain);
                    context().audit().record(request, "Email domain approved", name
                        + (verdict.kind() == ClaimVerdict.Kind.UNDECIDED ? " (check undecided: " + verdict.english() + ")" : ""));
                    if (verdict.kind() == ClaimVerdict.Kind.UNDECIDED) {
                        v.notice = Notice.success(t("email.domains.approved.undecided", name, t(verdict.reasonKey(), verdict.args().toArray())));
                        context().awaitEnforcement().run();
                        break;
                    }
                    redirectAfterChange(response, "email.jsp?result=approved&domain=" + url(name));
                    return;
                } catch (InvalidInputException e) {
                    v.notice = Notice.error(problem(e));
                }
            }
            case "withdraw" -> {
                try {
                    String withdrawn = email.withdrawDomain(param(request, "domain"));
                    context().audit().record(request, "Email domain no longer served", withdrawn);
                    redirectAfterChange(response, "email.jsp?result=withdrawn&domain=" + url(withdrawn));
                    return;
                } catch (InvalidInputException e) {
                    v.notice = Notice.error(problem(e));
                }
            }
            case "reread" -> {
                context().service(EmailUsers.class).rereadAll();
                redirectAfterChange(response, "email.jsp?result=reread");
                return;
            }
            default -> v.notice = Notice.error(t("email.error.action"));
        }
        if (!v.errors.isEmpty()) {
            v.notice = Notice.error(t("form.not-saved"));
        }
        show(request, response, v);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, State v) throws IOException {
        EmailFederation email = context().email();
        String xmppDomain = email.xmppDomain();
        List<EmailDomain> domains = email.domains();
        List<DomainRow> rows = domains.stream().map(d -> new DomainRow(d, d.name().equals(xmppDomain),
            d.name().equals(xmppDomain) ? ClaimVerdict.OK : email.claimCheck(d.name()))).toList();
        // DNS records and certificate names only for the domains this server answers for.
        List<String> names = domains.stream().filter(EmailDomain::served).map(EmailDomain::name)
            .filter(n -> !n.equals(xmppDomain)).toList();
        String host = context().hostName();
        List<String> srv = names.stream().map(n -> "_xmpp-server._tcp." + n + ". IN SRV 0 5 5269 " + host + ".").toList();
        String sans = "subjectAltName = " + String.join(", ", names.stream().map(n -> "DNS:" + n).toList());
        List<UnusableEmail> unusable = email.notFederatingByEmail();
        render(request, response, "email.jte", new View(v.notice, v.confirmDelete, v.confirmWithdraw, email.enabled(),
            v.enabled != null ? v.enabled : Boolean.toString(email.enabled()), xmppDomain, rows, v.renaming, v.renameTo,
            v.newDomain, srv, sans, unusable.size(), email.index().userCount(),
            unusable.subList(0, Math.min(MAX_USERS_SHOWN, unusable.size())), v.errors));
    }
}
