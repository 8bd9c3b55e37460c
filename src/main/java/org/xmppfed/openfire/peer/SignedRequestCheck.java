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
package org.xmppfed.openfire.peer;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides whether a request to a machine endpoint comes from a registered peer: signed with one of
 * the peers' secrets (tried in turn, so the request carries no key name), made within
 * {@link #WINDOW} of now, with a nonce not seen before - by any node of the cluster when the
 * {@link NonceMemory} is shared. A refused request learns nothing about why; the reason is counted
 * here and given to the caller for the log. An address that keeps failing is refused without
 * checking for the rest of the minute (counted per node).
 */
public final class SignedRequestCheck {
    /** How far a request's time may be from ours (either way). */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    /** Failed requests from one address within a minute before it is refused unchecked. */
    static final int FAILURES_PER_MINUTE = 20;
    /** Nonces remembered at most (per node's share of a shared memory); a full table refuses (fail closed) rather than forget. */
    public static final int MAX_NONCES = 100_000;
    private static final int MAX_ADDRESSES = 10_000;

    /** Why a request was refused (for the log and the counters, never for the answer). */
    public enum Refusal {
        MISSING_HEADERS, BAD_TIMESTAMP, EXPIRED, BAD_SIGNATURE, REPLAYED, TOO_MANY_FAILURES, TOO_MANY_NONCES
    }

    /** The peer that signed the request, or the reason it was refused. */
    public record Outcome(PeerCluster peer, Refusal refusal) {
        public boolean accepted() {
            return peer != null;
        }
    }

    private final Clock clock;
    private final NonceMemory nonces;
    private final Map<String, long[]> failures = new LinkedHashMap<>();        // address -> {minute, count}
    private final Map<Refusal, AtomicLong> refused = new EnumMap<>(Refusal.class);

    /** A check that remembers nonces on this node only. */
    public SignedRequestCheck(Clock clock) {
        this(clock, NonceMemory.local(MAX_NONCES));
    }

    /** A check that remembers nonces in {@code nonces} (shared by the cluster's nodes, or not). */
    public SignedRequestCheck(Clock clock, NonceMemory nonces) {
        this.clock = clock;
        this.nonces = nonces;
        for (Refusal r : Refusal.values()) {
            refused.put(r, new AtomicLong());
        }
    }

    public Outcome check(String address, String method, String path, String timestamp, String nonce, String signature,
                         byte[] body, List<PeerCluster> peers) {
        long now = clock.instant().getEpochSecond();
        if (throttled(address, now)) {
            return refuse(address, now, Refusal.TOO_MANY_FAILURES);
        }
        if (timestamp == null || nonce == null || signature == null || !nonce.matches("[A-Za-z0-9_-]{16,64}")
            || !signature.matches("[0-9a-f]{64}")) {
            return refuse(address, now, Refusal.MISSING_HEADERS);
        }
        long time;
        try {
            time = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return refuse(address, now, Refusal.BAD_TIMESTAMP);
        }
        if (Math.abs(now - time) > WINDOW.getSeconds()) {
            return refuse(address, now, Refusal.EXPIRED);
        }
        PeerCluster signer = null;
        for (PeerCluster p : peers) {
            if (RequestSignature.matches(RequestSignature.sign(p.secret(), method, path, time, nonce, body), signature)) {
                signer = p;
                break;
            }
        }
        if (signer == null) {
            return refuse(address, now, Refusal.BAD_SIGNATURE);
        }
        // Only signed requests reach the nonce table, so nobody without a secret can fill it.
        Refusal nonceProblem = firstUse(nonce, now);
        if (nonceProblem != null) {
            return refuse(address, now, nonceProblem);
        }
        return new Outcome(signer, null);
    }

    /** How many requests were refused, by reason, since the plugin started on this node. */
    public Map<Refusal, Long> refusals() {
        Map<Refusal, Long> copy = new EnumMap<>(Refusal.class);
        refused.forEach((r, n) -> copy.put(r, n.get()));
        return copy;
    }

    private Refusal firstUse(String nonce, long now) {
        // Kept until the request's time could no longer be inside the window.
        return switch (nonces.remember(nonce, now, now + 2 * WINDOW.getSeconds())) {
            case FIRST -> null;
            case REPLAYED -> Refusal.REPLAYED;
            case FULL -> Refusal.TOO_MANY_NONCES;
        };
    }

    private synchronized boolean throttled(String address, long now) {
        long[] f = failures.get(address);
        return f != null && f[0] == now / 60 && f[1] >= FAILURES_PER_MINUTE;
    }

    private Outcome refuse(String address, long now, Refusal why) {
        refused.get(why).incrementAndGet();
        synchronized (this) {
            if (failures.size() >= MAX_ADDRESSES) {
                failures.clear();
            }
            long[] f = failures.computeIfAbsent(address == null ? "" : address, a -> new long[] {now / 60, 0});
            if (f[0] != now / 60) {
                f[0] = now / 60;
                f[1] = 0;
            }
            f[1]++;
        }
        return new Outcome(null, why);
    }
}
