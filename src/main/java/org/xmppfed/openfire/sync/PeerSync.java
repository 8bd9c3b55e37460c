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

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.xmppfed.openfire.peer.PeerClient;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotComparison;
import org.xmppfed.openfire.troubleshoot.SnapshotJson;
import org.xmppfed.openfire.troubleshoot.Text;
import org.xmppfed.openfire.troubleshoot.Troubleshooter;

/**
 * "Compare and sync" with one peer cluster, from this side: the comparison of the chosen parts (the
 * peer's signed snapshot against this cluster's), the push of this cluster's settings to the peer (a
 * signed POST to its {@value #PUSH_ENDPOINT}; the peer checks and applies it, or refuses it with every
 * reason) and the pull of the peer's settings into this cluster (its snapshot applied here by
 * {@link SettingsTransfer}). Every network step is bounded; every failure comes back as a reason.
 */
public final class PeerSync {
    /** The endpoint of a peer's plugin that receives pushes. */
    public static final String PUSH_ENDPOINT = "peer-api/push";
    /** How long a push may wait for each part of the answer: applying 100 000 exceptions takes seconds. */
    public static final Duration PUSH_READ_TIMEOUT = Duration.ofSeconds(60);
    /** How long a push may take in all. */
    public static final Duration PUSH_DEADLINE = Duration.ofSeconds(90);

    /** The chosen parts on both sides and how they differ, or the problem that kept us from reading the peer. */
    public record Comparison(String peerDomain, Text problem, List<PartDiff> diffs, List<SyncPart> missingThere, List<SyncPart> missingHere,
                             long millis) {
        public boolean reachable() {
            return problem == null;
        }

        public boolean same() {
            return diffs.stream().allMatch(PartDiff::same) && missingThere.isEmpty() && missingHere.isEmpty();
        }
    }

    /** What the peer answered to a push, or why there is no answer ({@code problem}). */
    public record PushResult(TransferOutcome outcome, Text problem) {
    }

    private final Troubleshooter troubleshooter;
    private final PeerClient pushClient;
    private final SettingsTransfer transfer;

    public PeerSync(Troubleshooter troubleshooter, PeerClient pushClient, SettingsTransfer transfer) {
        this.troubleshooter = troubleshooter;
        this.pushClient = pushClient;
        this.transfer = transfer;
    }

    public Comparison compare(PeerCluster peer, Set<SyncPart> parts) {
        SnapshotComparison.PeerResult r = troubleshooter.fetch(peer);
        if (!r.reachable()) {
            return new Comparison("", r.problem(), List.of(), List.of(), List.of(), r.millis());
        }
        return new Comparison(r.snapshot().xmppDomain(), null,
            PartDiff.of(TransferSet.of(r.localForPeer(), parts), TransferSet.of(r.snapshot(), parts)),
            TransferSet.missing(r.snapshot(), parts), TransferSet.missing(r.localForPeer(), parts), r.millis());
    }

    /** Sends this cluster's settings of {@code parts} to the peer; the peer applies all of them or none. */
    public PushResult push(PeerCluster peer, Set<SyncPart> parts) {
        SettingsSnapshot mine = troubleshooter.snapshotFor(peer);
        List<SyncPart> missing = TransferSet.missing(mine, parts);
        if (!missing.isEmpty()) {
            return new PushResult(null, Text.of("sync.push.missing-here", missing.get(0).param()));
        }
        byte[] body = SnapshotJson.write(TransferSet.forPush(mine, parts));
        if (body.length > PushEndpoint.MAX_BODY) {
            return new PushResult(null, Text.of("sync.push.too-large", body.length / (1024 * 1024), PushEndpoint.MAX_BODY / (1024 * 1024)));
        }
        PeerClient.Reply reply = pushClient.post(peer, PUSH_ENDPOINT, body);
        if (!reply.ok()) {
            return new PushResult(null, reply.problemKey().equals("peers.link.timeout")
                ? Text.of("sync.push.timeout", peer.endpoint(PUSH_ENDPOINT), reply.problemArgs().get(1))
                : new Text(reply.problemKey(), reply.problemArgs()));
        }
        try {
            return new PushResult(OutcomeJson.read(reply.body()), null);
        } catch (OutcomeJson.Unreadable e) {
            return new PushResult(null, Text.of("sync.push.answer-unreadable", peer.endpoint(PUSH_ENDPOINT), e.getMessage()));
        }
    }

    /** Makes this cluster's settings of {@code parts} what the peer has now, all or nothing. */
    public TransferOutcome pull(PeerCluster peer, Set<SyncPart> parts) {
        SnapshotComparison.PeerResult r = troubleshooter.fetch(peer);
        if (!r.reachable()) {
            return TransferOutcome.refused(SyncProblem.general(r.problem().key(), r.problem().args().toArray()));
        }
        List<SyncPart> missing = TransferSet.missing(r.snapshot(), parts);
        if (!missing.isEmpty()) {
            return TransferOutcome.refused(SyncProblem.general("sync.pull.missing-there", peer.name(), missing.get(0).param()));
        }
        return transfer.apply(TransferSet.of(r.snapshot(), parts));
    }
}
