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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.RequestSignature;
import org.xmppfed.openfire.peer.SignedRequestCheck;
import org.xmppfed.openfire.troubleshoot.SnapshotJson;

/**
 * The push endpoint's refusals: unsigned, forged, replayed and expired requests get the same short
 * answer and change nothing; a signed push from a peer that may not push, a body that is not a
 * snapshot, and one without a policy are refused with the reason, recorded, and change nothing.
 */
class PushEndpointTest {
    private static final String PATH = "/plugins/federation/peer-api/push";
    private static final String SECRET = "shared-secret-0123456789";
    private final TestCluster west = new TestCluster("west.example");
    private final TestCluster east = new TestCluster("east.example");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private PeerCluster westOnEast = new PeerCluster(1, "west", "http://unused", SECRET, Instant.now(), Instant.now(), true);
    private final PushEndpoint endpoint = new PushEndpoint(new SignedRequestCheck(Clock.systemUTC()), () -> List.of(westOnEast), east.transfer,
        (kind, domain, summary, details, admin) -> events.add(kind + " " + admin + ": " + summary + " - " + details), Clock.systemUTC());

    private PushEndpoint.Answer post(String secret, long time, String nonce, byte[] body) {
        String signature = secret == null ? null : RequestSignature.sign(secret, "POST", PATH, time, nonce, body);
        return endpoint.post("192.0.2.1", PATH, secret == null ? null : Long.toString(time), nonce, signature, body);
    }

    private byte[] westsPolicy() {
        west.policy.add("pushed.example", "BOTH");
        return SnapshotJson.write(TransferSet.forPush(west.snapshot(), EnumSet.of(SyncPart.POLICY)));
    }

    private static String text(PushEndpoint.Answer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void badlySignedRequestsAreRefusedAlikeAndChangeNothing() {
        byte[] body = westsPolicy();
        long now = Instant.now().getEpochSecond();
        String nonce = RequestSignature.nonce();
        List<PushEndpoint.Answer> refused = List.of(
            post(null, 0, null, body),                                                   // unsigned
            post("forged-secret-0123456789", now, RequestSignature.nonce(), body),        // wrong secret
            post(SECRET, now - 3600, RequestSignature.nonce(), body),                    // expired
            endpoint.post("192.0.2.1", PATH, Long.toString(now), nonce,                   // signed over another body
                RequestSignature.sign(SECRET, "POST", PATH, now, nonce, "{}".getBytes(StandardCharsets.UTF_8)), body));
        for (PushEndpoint.Answer a : refused) {
            assertEquals(401, a.status());
            assertEquals("{\"error\":\"refused\"}", text(a), "the same answer whatever the reason");
        }
        assertEquals(List.of(), east.exceptions());
        assertTrue(events.isEmpty(), "unsigned requests are not events (only counted and logged)");

        PushEndpoint.Answer first = post(SECRET, now, nonce, body);
        assertEquals(200, first.status());
        assertTrue(text(first).startsWith("{\"applied\":true"), text(first));
        assertEquals(List.of("pushed.example BOTH"), east.exceptions());
        assertEquals(401, post(SECRET, now, nonce, body).status(), "a replayed push is refused");
    }

    @Test
    void aPeerThatMayNotPushIsToldSoAndRecorded() throws Exception {
        westOnEast = new PeerCluster(1, "west", "http://unused", SECRET, Instant.now(), Instant.now(), false);
        PushEndpoint.Answer a = post(SECRET, Instant.now().getEpochSecond(), RequestSignature.nonce(), westsPolicy());
        assertEquals(200, a.status());
        TransferOutcome o = OutcomeJson.read(a.body());
        assertFalse(o.applied());
        assertEquals("sync.refused.not-accepted", o.problems().get(0).key());
        assertEquals(List.of("west"), o.problems().get(0).args());
        assertEquals(List.of(), east.exceptions());
        assertEquals(1, events.size());
        assertTrue(events.get(0).startsWith(EventKind.PUSH_REFUSED + " peer cluster west: Federation settings pushed by peer cluster west refused"),
            events.get(0));
    }

    @Test
    void aBodyThatIsNotASnapshotOrCarriesNoPolicyIsRefusedWithTheReason() throws Exception {
        for (String body : List.of("<html>login</html>", "{\"schema\":3,\"items\":[]}", "{\"schema\":2,\"items\":[]}",
            "{\"schema\":1,\"xmppDomain\":\"west.example\",\"items\":[]}")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            PushEndpoint.Answer a = post(SECRET, Instant.now().getEpochSecond(), RequestSignature.nonce(), bytes);
            assertEquals(200, a.status(), body);
            TransferOutcome o = OutcomeJson.read(a.body());
            assertFalse(o.applied(), body);
            String reason = o.problemLines(Locale.ENGLISH).get(0);
            if (body.startsWith("<")) {
                assertTrue(reason.startsWith("The settings sent could not be read: "), reason);
            } else if (body.contains("\"schema\":3")) {
                assertTrue(reason.startsWith("The settings sent could not be read: ") && reason.contains("3"), reason);
            } else {
                assertTrue(reason.startsWith("The push carries no policy"), reason);
            }
        }
        assertEquals(4, events.size(), "one refusal event per push");
        assertTrue(events.stream().allMatch(e -> e.startsWith(EventKind.PUSH_REFUSED.name())), events.toString());
        assertEquals(List.of(), east.exceptions());
    }

    @Test
    void aPushLargerThanAllowedIsNotRead() {
        PushEndpoint.Answer a = PushEndpoint.tooLarge();
        assertEquals(413, a.status());
        assertTrue(text(a).contains("too large"));
    }
}
