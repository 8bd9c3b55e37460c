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
package org.xmppfed.openfire.troubleshoot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.RefusalLog;
import org.xmppfed.openfire.peer.SignedRequestCheck;

/**
 * The machine endpoint that serves this cluster's settings snapshot to a registered peer. Every
 * refusal gets the same short answer, whatever the reason; the reason is counted and written to
 * Openfire's log at most once a minute (with how many were refused since), so a flood of forged
 * requests neither learns anything nor fills the log.
 */
public final class SnapshotEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotEndpoint.class);
    static final byte[] REFUSED = "{\"error\":\"refused\"}".getBytes(StandardCharsets.UTF_8);

    /** What to answer: HTTP status and JSON body. */
    public record Answer(int status, byte[] body) {
    }

    private final SignedRequestCheck check;
    private final Supplier<java.util.List<PeerCluster>> peers;
    private final Troubleshooter troubleshooter;
    private final RefusalLog refusalLog;

    public SnapshotEndpoint(SignedRequestCheck check, Supplier<java.util.List<PeerCluster>> peers, Troubleshooter troubleshooter, Clock clock) {
        this.check = check;
        this.peers = peers;
        this.troubleshooter = troubleshooter;
        this.refusalLog = new RefusalLog(clock, "settings snapshot request");
    }

    /** A request from a peer that did not say which schema it reads: schema 1, which every version of the plugin reads. */
    public Answer get(String address, String path, String timestamp, String nonce, String signature) {
        return get(address, path, timestamp, nonce, signature, null);
    }

    /**
     * {@code requestedSchema}: the {@link SnapshotJson#SCHEMA_HEADER} of the request (the newest schema the
     * peer reads; null when absent). It only chooses the encoding, so it need not be part of the signature.
     */
    public Answer get(String address, String path, String timestamp, String nonce, String signature, String requestedSchema) {
        SignedRequestCheck.Outcome outcome = check.check(address, "GET", path, timestamp, nonce, signature, new byte[0], peers.get());
        if (!outcome.accepted()) {
            refusalLog.refused(address, outcome.refusal());
            return new Answer(401, REFUSED);
        }
        LOG.debug("Settings snapshot served to peer cluster {} ({})", outcome.peer().name(), address);
        return new Answer(200, SnapshotJson.write(troubleshooter.snapshotFor(outcome.peer()), SnapshotJson.schemaFor(requestedSchema)));
    }

    /** Refused requests by reason since the plugin started on this node. */
    public Map<SignedRequestCheck.Refusal, Long> refusals() {
        return check.refusals();
    }
}
