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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.peer.SignedRequestCheck.Refusal;

class SignedRequestCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String PATH = "/plugins/federation/peer-api/snapshot";
    private final PeerCluster east = new PeerCluster(1, "east", "http://127.0.0.8:9090/plugins/federation", "east-secret-0123456789", NOW, NOW);
    private final PeerCluster west = new PeerCluster(2, "west", "http://127.0.0.9:9090/plugins/federation", "west-secret-0123456789", NOW, NOW);
    private final List<PeerCluster> peers = List.of(east, west);
    private final SignedRequestCheck check = new SignedRequestCheck(Clock.fixed(NOW, ZoneOffset.UTC));

    private SignedRequestCheck.Outcome request(String secret, long time, String nonce, String path, byte[] signedBody, byte[] sentBody) {
        String signature = RequestSignature.sign(secret, "GET", path, time, nonce, signedBody);
        return check.check("127.0.0.8", "GET", PATH, Long.toString(time), nonce, signature, sentBody, peers);
    }

    @Test
    void aRequestSignedWithAPeersSecretIsThatPeers() {
        SignedRequestCheck.Outcome o = request(west.secret(), NOW.getEpochSecond(), RequestSignature.nonce(), PATH, new byte[0], new byte[0]);
        assertTrue(o.accepted());
        assertEquals("west", o.peer().name());
        assertNull(o.refusal());
    }

    @Test
    void aWrongSecretAnOtherPathOrAnAlteredBodyIsABadSignature() {
        long t = NOW.getEpochSecond();
        assertEquals(Refusal.BAD_SIGNATURE, request("another-secret-0123456789", t, RequestSignature.nonce(), PATH, new byte[0], new byte[0]).refusal());
        assertEquals(Refusal.BAD_SIGNATURE, request(east.secret(), t, RequestSignature.nonce(), "/plugins/federation/other", new byte[0], new byte[0]).refusal());
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Refusal.BAD_SIGNATURE, request(east.secret(), t, RequestSignature.nonce(), PATH, body, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)).refusal());
    }

    @Test
    void aReplayedNonceIsRefusedEvenWithAValidSignature() {
        String nonce = RequestSignature.nonce();
        assertTrue(request(east.secret(), NOW.getEpochSecond(), nonce, PATH, new byte[0], new byte[0]).accepted());
        assertEquals(Refusal.REPLAYED, request(east.secret(), NOW.getEpochSecond(), nonce, PATH, new byte[0], new byte[0]).refusal());
    }

    @Test
    void aRequestAcceptedByOneNodeIsRefusedWhenReplayedToAnotherThatSharesTheNonces() {
        NonceMemory cluster = new NonceMemory(new java.util.concurrent.ConcurrentHashMap<>(), SignedRequestCheck.MAX_NONCES);
        SignedRequestCheck node1 = new SignedRequestCheck(Clock.fixed(NOW, ZoneOffset.UTC), cluster);
        SignedRequestCheck node2 = new SignedRequestCheck(Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC), cluster);
        long t = NOW.getEpochSecond();
        String nonce = RequestSignature.nonce();
        String signature = RequestSignature.sign(east.secret(), "GET", PATH, t, nonce, new byte[0]);
        assertTrue(node1.check("127.0.0.8", "GET", PATH, Long.toString(t), nonce, signature, new byte[0], peers).accepted());
        assertEquals(Refusal.REPLAYED, node2.check("127.0.0.8", "GET", PATH, Long.toString(t), nonce, signature, new byte[0], peers).refusal());
        assertEquals(1, node2.refusals().get(Refusal.REPLAYED), "counted where it was refused");
        assertEquals(0, node1.refusals().get(Refusal.REPLAYED));
        // Nodes with memories of their own (what a cluster had before) would both accept it.
        SignedRequestCheck alone = new SignedRequestCheck(Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(alone.check("127.0.0.8", "GET", PATH, Long.toString(t), nonce, signature, new byte[0], peers).accepted());
    }

    @Test
    void aFullNonceMemoryRefusesSignedRequests() {
        SignedRequestCheck small = new SignedRequestCheck(Clock.fixed(NOW, ZoneOffset.UTC), NonceMemory.local(2));
        long t = NOW.getEpochSecond();
        for (int i = 0; i < 3; i++) {
            String nonce = RequestSignature.nonce();
            SignedRequestCheck.Outcome o = small.check("127.0.0.8", "GET", PATH, Long.toString(t), nonce,
                RequestSignature.sign(east.secret(), "GET", PATH, t, nonce, new byte[0]), new byte[0], peers);
            assertEquals(i < 2 ? null : Refusal.TOO_MANY_NONCES, o.refusal(), "request " + i);
        }
    }

    @Test
    void aRequestOutsideTheWindowIsExpiredEitherWay() {
        long window = SignedRequestCheck.WINDOW.getSeconds();
        assertEquals(Refusal.EXPIRED, request(east.secret(), NOW.getEpochSecond() - window - 1, RequestSignature.nonce(), PATH, new byte[0], new byte[0]).refusal());
        assertEquals(Refusal.EXPIRED, request(east.secret(), NOW.getEpochSecond() + window + 1, RequestSignature.nonce(), PATH, new byte[0], new byte[0]).refusal());
        assertTrue(request(east.secret(), NOW.getEpochSecond() - window, RequestSignature.nonce(), PATH, new byte[0], new byte[0]).accepted());
    }

    @Test
    void missingOrMalformedHeadersAreRefusedBeforeAnySignatureIsComputed() {
        assertEquals(Refusal.MISSING_HEADERS, check.check("a", "GET", PATH, null, null, null, new byte[0], peers).refusal());
        assertEquals(Refusal.MISSING_HEADERS, check.check("a", "GET", PATH, "1", "short", "0".repeat(64), new byte[0], peers).refusal());
        assertEquals(Refusal.BAD_TIMESTAMP, check.check("a", "GET", PATH, "yesterday", RequestSignature.nonce(), "0".repeat(64), new byte[0], peers).refusal());
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedUncheckedForTheRestOfTheMinuteAndEveryRefusalIsCounted() {
        for (int i = 0; i < SignedRequestCheck.FAILURES_PER_MINUTE; i++) {
            check.check("127.0.0.66", "GET", PATH, Long.toString(NOW.getEpochSecond()), RequestSignature.nonce(), "0".repeat(64), new byte[0], peers);
        }
        String nonce = RequestSignature.nonce();
        long t = NOW.getEpochSecond();
        SignedRequestCheck.Outcome valid = check.check("127.0.0.66", "GET", PATH, Long.toString(t), nonce,
            RequestSignature.sign(east.secret(), "GET", PATH, t, nonce, new byte[0]), new byte[0], peers);
        assertFalse(valid.accepted());
        assertEquals(Refusal.TOO_MANY_FAILURES, valid.refusal());
        assertTrue(request(east.secret(), t, RequestSignature.nonce(), PATH, new byte[0], new byte[0]).accepted(), "other addresses are not affected");
        assertEquals(SignedRequestCheck.FAILURES_PER_MINUTE, check.refusals().get(Refusal.BAD_SIGNATURE));
        assertEquals(1, check.refusals().get(Refusal.TOO_MANY_FAILURES));
    }

    @Test
    void noPeersMeansNoRequestIsAccepted() {
        String nonce = RequestSignature.nonce();
        long t = NOW.getEpochSecond();
        assertEquals(Refusal.BAD_SIGNATURE, check.check("a", "GET", PATH, Long.toString(t), nonce,
            RequestSignature.sign(east.secret(), "GET", PATH, t, nonce, new byte[0]), new byte[0], List.of()).refusal());
    }

    @Test
    void theKeyedDigestDependsOnKeyAndValueAndRevealsNeither() {
        String d = RequestSignature.keyedDigest("shared-secret-0123456789", "dialback");
        assertEquals(d, RequestSignature.keyedDigest("shared-secret-0123456789", "dialback"));
        assertFalse(d.equals(RequestSignature.keyedDigest("shared-secret-0123456789", "dialback2")));
        assertFalse(d.equals(RequestSignature.keyedDigest("other-secret-0123456789", "dialback")));
        assertFalse(d.contains("dialback"));
    }
}
