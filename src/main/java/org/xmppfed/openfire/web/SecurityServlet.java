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

import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.security.DialbackSecret;
import org.xmppfed.openfire.security.S2sSecurity;
import org.xmppfed.openfire.security.SecurityControl;
import org.xmppfed.openfire.security.SecurityRules;
import org.xmppfed.openfire.security.TlsMode;
import org.xmppfed.openfire.security.TrustStoreSummary;

/**
 * Federation → Security: Openfire's S2S security settings as one form, saved whole or not at all,
 * and closing every federated connection so that new ones follow them. The dialback secret is
 * write-only: the page never prints it, not even after a refused save.
 */
public final class SecurityServlet extends AdminPage {
    static final String PAGE_ID = "federation-security";

    /** The form as shown: values as entered (or in force), errors by field, the trust store's state. */
    public record View(Notice notice, String tls, boolean strictCertificates, boolean externalIncoming, boolean externalOutgoing,
                       boolean dialback, String secretAction, boolean secretSet, FieldErrors errors, TrustStoreSummary trust,
                       boolean saved, boolean confirmClose) {
    }

    public SecurityServlet() {
        this(FederationContext::current);
    }

    SecurityServlet(Supplier<FederationContext> context) {
        super(context);
    }

    private SecurityControl control() {
        return context().service(SecurityControl.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        S2sSecurity s = control().current();
        String result = param(request, "result");
        Notice notice = null;
        if (result.equals("saved")) {
            notice = Notice.success(t("security.saved"));
        } else if (result.equals("closed")) {
            notice = Notice.success(t("security.closed", param(request, "count").replaceAll("[^0-9]", "")));
        }
        show(request, response, s, "keep", new FieldErrors(), notice, result.equals("saved"), param(request, "confirm").equals("close"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        if (param(request, "action").equals("close")) {
            int closed = control().closeFederatedConnections();
            context().audit().record(request, "Federated connections closed", closed + " connection(s) closed on this node");
            response.sendRedirect("security.jsp?result=closed&count=" + closed);
            return;
        }
        S2sSecurity before = control().current();
        FieldErrors errors = new FieldErrors();
        TlsMode tls = before.tls();
        String tlsText = param(request, "tls");
        try {
            tls = TlsMode.parse(tlsText);
        } catch (InvalidInputException e) {
            errors.add("tls", problem(e));
        }
        // Under "No TLS" the TLS options are greyed out (not sent): they keep their values.
        boolean tlsOptionsSent = tls != TlsMode.NONE;
        S2sSecurity wanted = new S2sSecurity(tls,
            tlsOptionsSent ? checked(request, "strictCertificates") : before.strictCertificates(),
            tlsOptionsSent ? checked(request, "externalIncoming") : before.externalIncoming(),
            tlsOptionsSent ? checked(request, "externalOutgoing") : before.externalOutgoing(),
            checked(request, "dialback"), before.dialbackSecretSet());
        String secretAction = param(request, "secretAction");
        DialbackSecret secret = null;
        switch (secretAction) {
            case "keep" -> { }
            case "generate" -> secret = DialbackSecret.generate();
            case "set" -> {
                try {
                    secret = DialbackSecret.of(param(request, "secret"));
                } catch (InvalidInputException e) {
                    errors.add("secret", problem(e));
                }
            }
            default -> errors.add("secret", t("security.error.secret.action"));
        }
        TrustStoreSummary trust = control().trustStore();
        if (errors.isEmpty()) {
            for (SecurityRules.Problem p : SecurityRules.check(wanted, trust)) {
                errors.add(p.field(), t(p.key(), p.args()));
            }
        }
        if (!errors.isEmpty()) {
            show(request, response, wanted, secretAction, errors, Notice.error(t("form.not-saved")), false, false);
            return;
        }
        control().save(wanted, secret);
        context().audit().record(request, "Federation security settings changed", describe(before) + " -> " + describe(wanted)
            + (secret == null ? "" : secretAction.equals("generate") ? ", dialback secret: new random one" : ", dialback secret: replaced"));
        redirectAfterChange(response, "security.jsp?result=saved");
    }

    /** The settings in words for the audit log and the event log (never the secret). */
    static String describe(S2sSecurity s) {
        return "TLS " + s.tls() + ", strict certificates " + onOff(s.strictCertificates()) + ", SASL EXTERNAL in "
            + onOff(s.externalIncoming()) + ", out " + onOff(s.externalOutgoing()) + ", dialback " + onOff(s.dialback());
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    private static boolean checked(HttpServletRequest request, String name) {
        return "true".equals(request.getParameter(name));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, S2sSecurity s, String secretAction, FieldErrors errors,
                      Notice notice, boolean saved, boolean confirmClose) throws IOException {
        S2sSecurity current = control().current();
        render(request, response, "security.jte", new View(notice, s.tls().name(), s.strictCertificates(), s.externalIncoming(),
            s.externalOutgoing(), s.dialback(), secretAction, current.dialbackSecretSet(), errors, control().trustStore(), saved, confirmClose));
    }
}
