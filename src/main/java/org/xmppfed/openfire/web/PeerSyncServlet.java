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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.PeerRegistry;
import org.xmppfed.openfire.sync.PartDiff;
import org.xmppfed.openfire.sync.PeerSync;
import org.xmppfed.openfire.sync.SyncPart;
import org.xmppfed.openfire.sync.TransferOutcome;

/**
 * Federation → Peer clusters → Compare and sync: this cluster's policy (default policy and exceptions,
 * always) and, as chosen, static routes, chat node aliases and email domains side by side with one
 * peer's - counts, the entries only here, only there and with different values - and the two ways to
 * make them the same: push ours to the peer (the peer checks and applies them, all or nothing, if it
 * allows pushes from this cluster) or pull the peer's into ours (checked and applied here, all or
 * nothing). Each asks for confirmation first, saying what will change; the result is shown with every
 * count or every reason, and recorded in the audit and event logs.
 */
public final class PeerSyncServlet extends AdminPage {
    static final String PAGE_ID = PeersServlet.PAGE_ID;
    /** Entries of each list shown; the counts above them are complete. */
    static final int LINES_SHOWN = 200;

    /** A part the administrator can choose (the policy always is). */
    public record Choice(String param, String label, boolean chosen, boolean always) {
    }

    /** First lines of a list and how many there are. */
    public record Lines(List<String> first, int count) {
        static Lines of(List<String> all) {
            return new Lines(all.subList(0, Math.min(LINES_SHOWN, all.size())), all.size());
        }
    }

    /** One part's comparison as the page shows it. */
    public record Part(String param, String label, int hereCount, int thereCount, boolean same, String defaultHere, String defaultThere,
                       Lines onlyHere, Lines onlyThere, Lines different) {
        public boolean defaultDiffers() {
            return defaultHere != null && !defaultHere.equals(defaultThere);
        }
    }

    /** What {@code peerSync.jte} shows. */
    public record View(Notice notice, List<String> noticeLines, PeerCluster peer, String peerDomain, List<Choice> choices, String partsQuery,
                       String problem, List<String> missing, List<Part> parts, boolean same, String confirm, List<String> confirmLines) {
    }

    public PeerSyncServlet() {
        this(FederationContext::current);
    }

    PeerSyncServlet(Supplier<FederationContext> context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PeerCluster> peer = peer(request);
        if (peer.isEmpty()) {
            response.sendRedirect("peers.jsp");
            return;
        }
        String confirm = param(request, "confirm");
        show(request, response, peer.get(), parts(request), null, List.of(), confirm.equals("push") || confirm.equals("pull") ? confirm : null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        Optional<PeerCluster> found = peer(request);
        if (found.isEmpty()) {
            response.sendRedirect("peers.jsp");
            return;
        }
        PeerCluster peer = found.get();
        Set<SyncPart> parts = parts(request);
        String partNames = String.join(", ", parts.stream().map(SyncPart::param).toList());
        PeerSync sync = context().service(PeerSync.class);
        Notice notice;
        List<String> lines;
        switch (param(request, "action")) {
            case "push" -> {
                PeerSync.PushResult r = sync.push(peer, parts);
                if (r.problem() != null) {
                    notice = Notice.error(t("sync.push.failed", peer.name(), r.problem().render(locale())));
                    lines = List.of();
                    context().audit().record(request, EventKind.SETTINGS_PUSHED, null, "Push of federation settings to peer cluster " + peer.name()
                        + " failed", partNames + ": " + r.problem().render(java.util.Locale.ENGLISH));
                } else if (r.outcome().applied()) {
                    notice = Notice.success(t("sync.push.applied", peer.name()));
                    lines = r.outcome().countLines(locale());
                    context().audit().record(request, EventKind.SETTINGS_PUSHED, null, "Federation settings pushed to peer cluster " + peer.name(),
                        partNames + ": " + r.outcome().english(5));
                } else {
                    notice = Notice.error(t("sync.push.refused", peer.name(), r.outcome().problemCount()));
                    lines = r.outcome().problemLines(locale());
                    context().audit().record(request, EventKind.SETTINGS_PUSHED, null, "Push of federation settings to peer cluster " + peer.name()
                        + " refused by the peer", partNames + ": " + r.outcome().english(5));
                }
            }
            case "pull" -> {
                TransferOutcome o = sync.pull(peer, parts);
                if (o.applied()) {
                    notice = Notice.success(t("sync.pull.applied", peer.name()));
                    lines = o.countLines(locale());
                    context().audit().record(request, "Federation settings pulled from peer cluster " + peer.name(), partNames + ": " + o.english(5));
                } else {
                    notice = Notice.error(t("sync.pull.refused", peer.name(), o.problemCount()));
                    lines = o.problemLines(locale());
                }
            }
            default -> {
                notice = Notice.error(t("peers.error.action"));
                lines = List.of();
            }
        }
        show(request, response, peer, parts, notice, lines, null);
    }

    private Optional<PeerCluster> peer(HttpServletRequest request) {
        try {
            return context().service(PeerRegistry.class).find(Long.parseLong(param(request, "peer").strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The policy and the parts whose boxes are ticked (each a parameter named after the part). */
    private static Set<SyncPart> parts(HttpServletRequest request) {
        Set<SyncPart> parts = EnumSet.of(SyncPart.POLICY);
        for (SyncPart p : SyncPart.values()) {
            if (!param(request, p.param()).isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private void show(HttpServletRequest request, HttpServletResponse response, PeerCluster peer, Set<SyncPart> chosen, Notice notice,
                      List<String> noticeLines, String confirm) throws IOException {
        List<Choice> choices = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        for (SyncPart p : SyncPart.values()) {
            choices.add(new Choice(p.param(), t(p.messageKey()), chosen.contains(p), p == SyncPart.POLICY));
            if (p != SyncPart.POLICY && chosen.contains(p)) {
                query.append('&').append(p.param()).append("=on");
            }
        }
        PeerSync.Comparison c = context().service(PeerSync.class).compare(peer, chosen);
        List<Part> parts = new ArrayList<>();
        List<String> confirmLines = new ArrayList<>();
        for (PartDiff d : c.diffs()) {
            String label = t(d.part().messageKey());
            parts.add(new Part(d.part().param(), label, d.hereCount(), d.thereCount(), d.same(), d.defaultHere(), d.defaultThere(),
                Lines.of(d.onlyHere()), Lines.of(d.onlyThere()), Lines.of(d.different())));
            if (confirm != null && !d.same()) {
                boolean push = confirm.equals("push");
                if (d.defaultDiffers()) {
                    confirmLines.add(t("sync.confirm.default", push ? d.defaultThere() : d.defaultHere(), push ? d.defaultHere() : d.defaultThere()));
                }
                confirmLines.add(t("sync.confirm.part", label, push ? d.onlyHere().size() : d.onlyThere().size(), d.different().size(),
                    push ? d.onlyThere().size() : d.onlyHere().size(), push ? d.hereCount() : d.thereCount()));
            }
        }
        List<String> missing = new ArrayList<>();
        c.missingThere().forEach(p -> missing.add(t("sync.missing.there", t(p.messageKey()), peer.name())));
        c.missingHere().forEach(p -> missing.add(t("sync.missing.here", t(p.messageKey()))));
        render(request, response, "peerSync.jte", new View(notice, noticeLines, peer, c.peerDomain(), choices, query.toString(),
            c.reachable() ? null : t("sync.unreachable", peer.name(), c.problem().render(locale())), missing, parts,
            c.reachable() && c.same(), c.reachable() && !c.same() && missing.isEmpty() ? confirm : null, confirmLines));
    }
}
