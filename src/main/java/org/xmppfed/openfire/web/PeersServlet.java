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
import java.util.Optional;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.PeerRegistry;
import org.xmppfed.openfire.peer.PeerRules;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.troubleshoot.SnapshotComparison;
import org.xmppfed.openfire.troubleshoot.Troubleshooter;

/**
 * Federation → Peer clusters: the registered peers (name, base URL of their plugin, whether their pushes
 * are accepted; the secret is never shown), add and edit with every field checked and the input kept,
 * delete with confirmation, a link test that asks the peer for its signed snapshot and says what came
 * back, and the way to each peer's "compare and sync" page.
 */
public final class PeersServlet extends AdminPage {
    static final String PAGE_ID = "federation-peers";

    /** What {@code peers.jte} shows; {@code editing} is 0 for the add form. */
    public record View(Notice notice, List<PeerCluster> peers, long editing, String name, String baseUrl, boolean acceptPushes,
                       String confirmDelete, long confirmDeleteId, String snapshotUrl, FieldErrors errors) {
    }

    public PeersServlet() {
        this(FederationContext::current);
    }

    PeersServlet(Supplier<FederationContext> context) {
        super(context);
    }

    private PeerRegistry registry() {
        return context().service(PeerRegistry.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Notice notice = switch (param(request, "result")) {
            case "added" -> Notice.success(t("peers.added", param(request, "name")));
            case "changed" -> Notice.success(t("peers.changed", param(request, "name")));
            case "deleted" -> Notice.success(t("peers.deleted", param(request, "name")));
            default -> null;
        };
        long edit = id(param(request, "edit"));
        Optional<PeerCluster> editing = edit > 0 ? registry().find(edit) : Optional.empty();
        Optional<PeerCluster> deleting = id(param(request, "delete")) > 0 ? registry().find(id(param(request, "delete"))) : Optional.empty();
        show(request, response, notice, editing.map(PeerCluster::id).orElse(0L), editing.map(PeerCluster::name).orElse(""),
            editing.map(PeerCluster::baseUrl).orElse(""), editing.map(PeerCluster::acceptsPushes).orElse(false), deleting.orElse(null),
            new FieldErrors());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        String action = param(request, "action");
        long id = id(param(request, "id"));
        String name = param(request, "name");
        String url = param(request, "url");
        String secret = param(request, "secret");
        boolean acceptPushes = param(request, "acceptPushes").equals("true");
        FieldErrors errors = new FieldErrors();
        switch (action) {
            case "add", "update" -> {
                field(errors, "name", () -> PeerRules.name(name));
                field(errors, "url", () -> PeerRules.baseUrl(url));
                if (action.equals("add") || !secret.isEmpty()) {
                    field(errors, "secret", () -> PeerRules.secret(secret));
                }
                if (errors.isEmpty()) {
                    try {
                        PeerCluster saved = action.equals("add") ? registry().add(name, url, secret, acceptPushes)
                            : registry().update(id, name, url, secret, acceptPushes);
                        context().audit().record(request, action.equals("add") ? "Peer cluster added" : "Peer cluster changed",
                            saved.name() + " at " + saved.baseUrl() + (secret.isEmpty() ? "" : " (secret set)")
                                + (saved.acceptsPushes() ? ", pushes of settings accepted" : ", pushes of settings not accepted"));
                        response.sendRedirect("peers.jsp?result=" + (action.equals("add") ? "added" : "changed") + "&name=" + url(saved.name()));
                        return;
                    } catch (InvalidInputException e) {
                        errors.add("name", problem(e));
                    }
                }
                show(request, response, Notice.error(t("form.not-saved")), action.equals("add") ? 0 : id, name, url, acceptPushes, null, errors);
            }
            case "delete" -> {
                try {
                    PeerCluster deleted = registry().delete(id);
                    context().audit().record(request, "Peer cluster deleted", deleted.name() + " at " + deleted.baseUrl());
                    response.sendRedirect("peers.jsp?result=deleted&name=" + url(deleted.name()));
                } catch (InvalidInputException e) {
                    show(request, response, Notice.error(problem(e)), 0, "", "", false, null, errors);
                }
            }
            case "test" -> {
                Optional<PeerCluster> peer = registry().find(id);
                Notice notice;
                if (peer.isEmpty()) {
                    notice = Notice.error(t("peers.error.not-found", Long.toString(id)));
                } else {
                    SnapshotComparison.PeerResult r = context().service(Troubleshooter.class).fetch(peer.get());
                    notice = r.reachable()
                        ? Notice.success(t("peers.test.ok", peer.get().name(), r.millis(), r.snapshot().xmppDomain(), r.snapshot().pluginVersion()))
                        : Notice.error(t("peers.test.failed", peer.get().name(), r.problem().render(locale())));
                }
                show(request, response, notice, 0, "", "", false, null, errors);
            }
            default -> show(request, response, Notice.error(t("peers.error.action")), 0, "", "", false, null, errors);
        }
    }

    private void field(FieldErrors errors, String field, Runnable validation) {
        try {
            validation.run();
        } catch (InvalidInputException e) {
            errors.add(field, problem(e));
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Notice notice, long editing, String name, String url,
                      boolean acceptPushes, PeerCluster confirmDelete, FieldErrors errors) throws IOException {
        String snapshotUrl = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/plugins/federation";
        render(request, response, "peers.jte", new View(notice, registry().peers(), editing, name, url, acceptPushes,
            confirmDelete == null ? null : confirmDelete.name(), confirmDelete == null ? 0 : confirmDelete.id(), snapshotUrl, errors));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
