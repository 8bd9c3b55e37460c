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
package org.xmppfed.openfire.sync;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.RefusalLog;
import org.xmppfed.openfire.peer.SignedRequestCheck;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotJson;

/**
 * The machine endpoint that receives a peer cluster's push of federation settings. A request must be
 * signed like a snapshot request (same secret, time window, one-time nonce; the body is part of the
 * signature), or it gets the same short refusal as the snapshot endpoint, whatever the reason. A signed
 * push is applied only when the administrator allowed pushes from that peer on its registration (off by
 * default: sharing a secret for comparison must not let a peer overwrite the policy); then it goes
 * through {@link SettingsTransfer}, all or nothing. Every signed push - applied or refused, with the
 * reason - is recorded in the event log under the peer's name as registered here; the answer says what
 * was applied, or every reason it was not.
 */
public final class PushEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(PushEndpoint.class);
    static final byte[] REFUSED = "{\"error\":\"refused\"}".getBytes(StandardCharsets.UTF_8);
    /** The largest push read: 100 000 exceptions are about 4 MB as a snapshot. */
    public static final int MAX_BODY = 16 * 1024 * 1024;
    /** Reasons named in the event log's row (all of them go back to the peer, up to {@link TransferOutcome#PROBLEMS_KEPT}). */
    private static final int REASONS_LOGGED = 5;

    /** What to answer: HTTP status and JSON body. */
    public record Answer(int status, byte[] body) {
    }

    private final SignedRequestCheck check;
    private final Supplier<List<PeerCluster>> peers;
    private final SettingsTransfer transfer;
    private final EventLog events;
    private final RefusalLog refusalLog;

    public PushEndpoint(SignedRequestCheck check, Supplier<List<PeerCluster>> peers, SettingsTransfer transfer, EventLog events, Clock clock) {
        this.check = check;
        this.peers = peers;
        this.transfer = transfer;
        this.events = events;
        this.refusalLog = new RefusalLog(clock, "settings push");
    }

    /** The answer to a request whose body was larger than {@link #MAX_BODY} (not read, so not checked either). */
    public static Answer tooLarge() {
        return new Answer(413, "{\"error\":\"too large\"}".getBytes(StandardCharsets.UTF_8));
    }

    public Answer post(String address, String path, String timestamp, String nonce, String signature, byte[] body) {
        SignedRequestCheck.Outcome outcome = check.check(address, "POST", path, timestamp, nonce, signature, body, peers.get());
        if (!outcome.accepted()) {
            refusalLog.refused(address, outcome.refusal());
            return new Answer(401, REFUSED);
        }
        PeerCluster peer = outcome.peer();
        String who = "peer cluster " + peer.name();
        if (!peer.acceptsPushes()) {
            return refused(peer, who, null, TransferOutcome.refused(SyncProblem.general("sync.refused.not-accepted", peer.name())));
        }
        SettingsSnapshot pushed;
        try {
            pushed = SnapshotJson.read(body);
        } catch (SnapshotJson.UnreadableSnapshot e) {
            return refused(peer, who, null, TransferOutcome.refused(SyncProblem.general("sync.refused.unreadable",
                e.text().render(java.util.Locale.ENGLISH))));
        }
        TransferSet wanted = TransferSet.of(pushed);
        if (!wanted.parts().contains(SyncPart.POLICY)) {
            return refused(peer, who, pushed.xmppDomain(), TransferOutcome.refused(SyncProblem.general("sync.refused.no-policy")));
        }
        TransferOutcome result = transfer.apply(wanted);
        if (!result.applied()) {
            return refused(peer, who, pushed.xmppDomain(), result);
        }
        String summary = "Federation settings pushed by " + who + " (" + pushed.xmppDomain() + ") applied";
        events.record(EventKind.SETTINGS_CHANGED, pushed.xmppDomain(), summary, result.english(REASONS_LOGGED), who);
        LOG.info("Module=\"XMPPFederation\" {}: {}", summary, result.english(REASONS_LOGGED));
        return new Answer(200, OutcomeJson.write(result));
    }

    private Answer refused(PeerCluster peer, String who, String domain, TransferOutcome result) {
        String summary = "Federation settings pushed by " + who + (domain == null ? "" : " (" + domain + ")") + " refused";
        events.record(EventKind.PUSH_REFUSED, domain, summary, result.english(REASONS_LOGGED), who);
        LOG.debug("{} ({}): {}", summary, peer, result.english(REASONS_LOGGED));
        return new Answer(200, OutcomeJson.write(result));
    }
}
