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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.certs.CertificateReport;
import org.xmppfed.openfire.certs.CertificateService;
import org.xmppfed.openfire.certs.CertificateUpload;
import org.xmppfed.openfire.certs.KeyType;
import org.xmppfed.openfire.certs.RequiredName;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.security.TrustStoreSummary;

/**
 * Federation → Certificates: the names the federation certificate must carry and how this node's
 * S2S certificates cover them; a signing request (key kept in Openfire's identity store), its
 * download and the signed reply's installation; a self-signed certificate for test setups; and
 * the trust store (import, list, remove with confirmation). Every refused upload changes nothing.
 */
public final class CertificatesServlet extends AdminPage {
    static final String PAGE_ID = "federation-certificates";
    /** Upload bodies larger than this are refused unread (a certificate chain is a few kB). */
    static final long MAX_BODY = CertificateUpload.MAX_BYTES + 16 * 1024;

    /** What {@code certificates.jte} shows. */
    public record View(Notice notice, List<RequiredName> required, List<CertificateReport> identity, CertificateService.PendingRequest pending,
                       String requestPem, List<CertificateReport> trusted, TrustStoreSummary trust, FieldErrors errors,
                       String keyType, boolean xmppAddr, String confirmUntrust, List<String> keyTypes) {
    }

    public CertificatesServlet() {
        this(FederationContext::current);
    }

    CertificatesServlet(Supplier<FederationContext> context) {
        super(context);
    }

    private CertificateService certificates() {
        return context().service(CertificateService.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (param(request, "download").equals("csr")) {
            String pem;
            try {
                pem = certificates().pendingRequestPem();
            } catch (InvalidInputException e) {
                show(request, response, Notice.error(problem(e)), new FieldErrors(), "RSA_3072", false, null);
                return;
            }
            response.setContentType("application/pkcs10; charset=US-ASCII");
            response.setHeader("Content-Disposition", "attachment; filename=\"federation.csr\"");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(pem.getBytes(StandardCharsets.US_ASCII));
            return;
        }
        String result = param(request, "result");
        Notice notice = result.isEmpty() || !result.matches("[a-z]+") ? null : Notice.success(t("certs.done." + result));
        String untrust = param(request, "confirm").equals("untrust") ? param(request, "alias") : null;
        show(request, response, notice, new FieldErrors(), "RSA_3072", false, untrust);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        FieldErrors errors = new FieldErrors();
        FormUpload form;
        try {
            form = FormUpload.read(request, MAX_BODY, "action", "keyType", "xmppAddr", "pem", "alias", "replace");
        } catch (FormUpload.TooLarge e) {
            errors.add("trust", t("certs.error.upload.size", e.bytes / 1024, CertificateUpload.MAX_BYTES / 1024));
            show(request, response, Notice.error(t("form.not-saved")), errors, "RSA_3072", false, null);
            return;
        }
        String action = form.get("action");
        String keyType = form.get("keyType");
        boolean xmppAddr = form.get("xmppAddr").equals("true");
        String field = switch (action) {
            case "csr", "selfsigned" -> "keyType";
            case "untrust" -> "alias";
            case "reply" -> "reply";
            default -> "trust";
        };
        try {
            switch (action) {
                case "csr" -> {
                    KeyType type = KeyType.parse(keyType);
                    certificates().requestSigning(type, xmppAddr);
                    audit(request, "Federation certificate signing request made", type.label() + (xmppAddr ? ", with XmppAddr names" : ""));
                    response.sendRedirect("certificates.jsp?result=csr#request");
                }
                case "reply" -> {
                    CertificateReport r = certificates().installReply(upload(form));
                    audit(request, "Federation certificate installed (signed reply)", r.subject() + ", issued by " + r.issuer() + ", valid until " + r.notAfter());
                    response.sendRedirect("certificates.jsp?result=reply");
                }
                case "selfsigned" -> {
                    KeyType type = KeyType.parse(keyType);
                    if (!form.get("replace").equals("true")) {
                        throw new InvalidInputException("certs.error.selfsigned.confirm");
                    }
                    CertificateReport r = certificates().installSelfSigned(type, xmppAddr);
                    audit(request, "Federation certificate replaced by a self-signed one", type.label() + ", " + r.subject() + ", valid until " + r.notAfter());
                    response.sendRedirect("certificates.jsp?result=selfsigned");
                }
                case "trust" -> {
                    List<String> aliases = certificates().trust(upload(form));
                    audit(request, "Certificate(s) added to the S2S trust store", String.join(", ", aliases));
                    response.sendRedirect("certificates.jsp?result=trusted");
                }
                case "untrust" -> {
                    String alias = form.get("alias");
                    certificates().untrust(alias);
                    audit(request, "Certificate removed from the S2S trust store", alias);
                    response.sendRedirect("certificates.jsp?result=untrusted");
                }
                default -> throw new InvalidInputException("certs.error.action", action);
            }
        } catch (InvalidInputException e) {
            errors.add(field, problem(e));
            show(request, response, Notice.error(t("form.not-saved")), errors, keyType, xmppAddr, null);
        }
    }

    /** The uploaded file, or else the pasted PEM text. */
    private static byte[] upload(FormUpload form) {
        byte[] file = form.bytes("file");
        return file.length > 0 ? file : form.bytes("pem");
    }

    private void audit(HttpServletRequest request, String summary, String details) {
        context().audit().record(request, summary, details);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Notice notice, FieldErrors errors, String keyType,
                      boolean xmppAddr, String confirmUntrust) throws IOException {
        CertificateService c = certificates();
        CertificateService.PendingRequest pending = c.pending();
        String pem = pending == null ? null : c.pendingRequestPem();
        List<String> keyTypes = java.util.Arrays.stream(KeyType.values()).map(Enum::name).toList();
        render(request, response, "certificates.jte", new View(notice, c.requiredNames(), c.identity(), pending, pem, c.trusted(),
            c.trustSummary(), errors, keyType, xmppAddr, confirmUntrust, keyTypes));
    }
}
