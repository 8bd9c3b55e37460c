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
package org.xmppfed.openfire.adapter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.xmppfed.openfire.adapter.TestStanzas.message;
import static org.xmppfed.openfire.adapter.TestStanzas.ping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyException;

class FederationInterceptorTest {
    private static final String LOCAL = "openfire.test";
    private static final JID ALICE = new JID("alice@openfire.test/phone");
    private static final JID BOB = new JID("bob@partner.test/laptop");

    private final AtomicReference<FederationPolicy> policy = new AtomicReference<>();
    private final PolicyCounters counters = new PolicyCounters();
    private final RecordingSender sender = new RecordingSender();
    private final List<String> closed = new ArrayList<>();
    private final ClientSession aliceSession = mock(ClientSession.class);
    private FederationInterceptor interceptor;

    @BeforeEach
    void setUp() {
        interceptor = interceptorWith(policy::get);
    }

    private FederationInterceptor interceptorWith(Supplier<FederationPolicy> p) {
        return interceptor(p, d -> d.equals(LOCAL) || d.equals("conference." + LOCAL));
    }

    private FederationInterceptor interceptor(Supplier<FederationPolicy> p, LocalDomains local) {
        return new FederationInterceptor(local, LOCAL, List.of(
            new PolicyStep(p, counters, sender, closed::add, EventLog.NONE)));
    }

    private void policy(DefaultPolicy def, String pattern, Direction direction) {
        policy.set(FederationPolicy.of(true, def, pattern == null ? List.of() : List.of(PolicyException.of(pattern, direction, Instant.EPOCH))));
    }

    private void beforeRouting(Packet p, Session s) throws PacketRejectedException {
        interceptor.interceptPacket(p, s, true, false);
    }

    @Test
    void allowedTrafficPassesBothWaysAndIsCounted() throws Exception {
        policy(DefaultPolicy.DENY, "partner.test", Direction.BOTH);
        beforeRouting(message(BOB, ALICE), null);
        beforeRouting(message(ALICE, BOB), aliceSession);
        PolicyCounters.Tally t = counters.byDomain().get("partner.test");
        assertEquals(1, t.allowedIncoming());
        assertEquals(1, t.allowedOutgoing());
        assertTrue(sender.toLocal.isEmpty());
    }

    @Test
    void lockdownDropsIncomingSilentlyAndAsksToCloseTheSessions() {
        policy(DefaultPolicy.DENY, null, null);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(BOB, ALICE), null));
        assertTrue(sender.toRemote.isEmpty(), "nothing may be sent to a domain we may not send to");
        assertEquals(List.of("partner.test"), closed);
        assertEquals(1, counters.byDomain().get("partner.test").deniedIncoming());
    }

    @Test
    void deniedIncomingIqRequestIsAnsweredServiceUnavailableWhenWeMaySend() {
        policy(DefaultPolicy.DENY, "partner.test", Direction.OUTGOING);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(ping(BOB, ALICE, IQ.Type.get), null));
        assertEquals(1, sender.toRemote.size());
        IQ answer = (IQ) sender.toRemote.get(0);
        assertEquals(IQ.Type.error, answer.getType());
        assertEquals("iq1", answer.getID());
        assertEquals(BOB, answer.getTo());
        assertEquals(ALICE, answer.getFrom());
        assertEquals(PacketError.Condition.service_unavailable, answer.getError().getCondition());
        assertTrue(closed.isEmpty(), "a domain we may send to keeps its connections");
    }

    @Test
    void deniedIncomingIqIsNotAnsweredWhenWeMayNotSend() {
        policy(DefaultPolicy.ALLOW, "partner.test", Direction.BOTH);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(ping(BOB, ALICE, IQ.Type.set), null));
        assertTrue(sender.toRemote.isEmpty());
    }

    @Test
    void deniedIncomingResultsAndErrorsAreNeverAnswered() {
        policy(DefaultPolicy.DENY, "partner.test", Direction.OUTGOING);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(ping(BOB, ALICE, IQ.Type.result), null));
        assertThrows(PacketRejectedException.class, () -> beforeRouting(ping(BOB, ALICE, IQ.Type.error), null));
        assertTrue(sender.toRemote.isEmpty());
    }

    @Test
    void deniedOutgoingMessageBouncesAnErrorToTheLocalSender() {
        policy(DefaultPolicy.DENY, "partner.test", Direction.INCOMING);
        Message m = message(ALICE, BOB);
        m.setThread("t1");
        assertThrows(PacketRejectedException.class, () -> beforeRouting(m, aliceSession));
        assertEquals(1, sender.toLocal.size());
        assertSame(aliceSession, sender.viaSession.get(0));
        Message error = (Message) sender.toLocal.get(0);
        assertEquals(Message.Type.error, error.getType());
        assertEquals("m1", error.getID());
        assertEquals("t1", error.getThread());
        assertEquals(ALICE, error.getTo());
        assertEquals(BOB, error.getFrom());
        assertEquals(PacketError.Condition.not_allowed, error.getError().getCondition());
        assertEquals(PacketError.Type.cancel, error.getError().getType());
        assertEquals("Federation policy does not allow sending to partner.test (default policy DENY).", error.getError().getText());
        assertEquals(1, counters.byDomain().get("partner.test").deniedOutgoing());
    }

    @Test
    void theErrorTextNamesTheDecidingException() {
        policy(DefaultPolicy.ALLOW, "*.partner.test", Direction.OUTGOING);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(ALICE, BOB), aliceSession));
        assertEquals("Federation policy does not allow sending to partner.test (policy exception *.partner.test (OUTGOING)).",
            ((Message) sender.toLocal.get(0)).getError().getText());
    }

    @Test
    void deniedOutgoingIqFromAClientIsAnsweredByOpenfiresIqRouter() {
        policy(DefaultPolicy.DENY, null, null);
        PacketRejectedException e = assertThrows(PacketRejectedException.class,
            () -> beforeRouting(ping(ALICE, BOB, IQ.Type.get), aliceSession));
        assertTrue(sender.toLocal.isEmpty(), "Openfire's IQ router answers a rejected client IQ; a second answer would be wrong");
        assertTrue(e.getMessage().contains("federation policy"));
    }

    @Test
    void deniedOutgoingIqFromAServiceIsAnsweredByUs() {
        policy(DefaultPolicy.DENY, null, null);
        JID muc = new JID("room@conference.openfire.test/nick");
        assertThrows(PacketRejectedException.class, () -> beforeRouting(ping(muc, BOB, IQ.Type.get), null));
        IQ answer = (IQ) sender.toLocal.get(0);
        assertNull(sender.viaSession.get(0));
        assertEquals(muc, answer.getTo());
        assertEquals(IQ.Type.error, answer.getType());
        assertEquals(PacketError.Condition.not_allowed, answer.getError().getCondition());
    }

    @Test
    void deniedOutgoingPresenceAndErrorsAreDroppedSilently() {
        policy(DefaultPolicy.DENY, null, null);
        Presence p = new Presence(Presence.Type.subscribe);
        p.setFrom(ALICE.asBareJID());
        p.setTo(BOB.asBareJID());
        assertThrows(PacketRejectedException.class, () -> beforeRouting(p, aliceSession));
        Message error = message(ALICE, BOB);
        error.setType(Message.Type.error);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(error, aliceSession));
        assertThrows(PacketRejectedException.class, () -> beforeRouting(ping(ALICE, BOB, IQ.Type.result), aliceSession));
        assertTrue(sender.toLocal.isEmpty());
    }

    @Test
    void directionRulesApplyPerDirection() throws Exception {
        policy(DefaultPolicy.DENY, "partner.test", Direction.INCOMING);
        beforeRouting(message(BOB, ALICE), null);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(ALICE, BOB), aliceSession));
        policy(DefaultPolicy.DENY, "partner.test", Direction.OUTGOING);
        beforeRouting(message(ALICE, BOB), aliceSession);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(BOB, ALICE), null));
        policy(DefaultPolicy.ALLOW, "partner.test", Direction.BOTH);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(ALICE, BOB), aliceSession));
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(BOB, ALICE), null));
    }

    @Test
    void federationOffStopsEveryFederatedStanzaButNoLocalOne() throws Exception {
        policy.set(FederationPolicy.of(false, DefaultPolicy.ALLOW, List.of()));
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(BOB, ALICE), null));
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(ALICE, BOB), aliceSession));
        beforeRouting(message(ALICE, new JID("carol@openfire.test")), aliceSession);
        beforeRouting(message(ALICE, new JID("room@conference.openfire.test")), aliceSession);
        beforeRouting(message(new JID("room@conference.openfire.test"), ALICE), null);
    }

    @Test
    void aFaultNeverBlocksLocalTrafficButDeniesFederatedTraffic() throws Exception {
        interceptor = interceptorWith(() -> {
            throw new IllegalStateException("broken");
        });
        beforeRouting(message(ALICE, new JID("carol@openfire.test")), aliceSession);
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(BOB, ALICE), null));
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(ALICE, BOB), aliceSession));
    }

    @Test
    void aStanzaThatCannotBeClassifiedFlowsOnlyBetweenProvablyLocalAddresses() {
        interceptor = interceptor(policy::get, d -> {
            throw new IllegalStateException("no server");
        });
        policy(DefaultPolicy.ALLOW, null, null);
        assertDoesNotThrow(() -> beforeRouting(message(ALICE, new JID("carol@openfire.test")), aliceSession));
        assertDoesNotThrow(() -> beforeRouting(ping(ALICE, null, IQ.Type.get), aliceSession), "to the server itself");
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(ALICE, BOB), aliceSession),
            "to a domain that may be federated: fail closed, even with default ALLOW");
        assertThrows(PacketRejectedException.class, () -> beforeRouting(message(BOB, ALICE), null), "from one");
        assertThrows(PacketRejectedException.class,
            () -> beforeRouting(message(ALICE, new JID("room@conference.openfire.test")), aliceSession),
            "a component cannot be shown local without the failed lookup");
        assertTrue(counters.byDomain().isEmpty(), "nothing reached the policy");
    }

    @Test
    void stanzasHandedToAnOutgoingServerSessionAreCheckedAgain() throws Exception {
        policy(DefaultPolicy.DENY, "partner.test", Direction.INCOMING);
        OutgoingServerSession s2s = mock(OutgoingServerSession.class);
        Presence probe = new Presence(Presence.Type.probe);
        probe.setFrom(ALICE.asBareJID());
        probe.setTo(BOB.asBareJID());
        assertThrows(PacketRejectedException.class, () -> interceptor.interceptPacket(probe, s2s, false, false));
        // after processing, and on client sessions, nothing is judged
        interceptor.interceptPacket(probe, s2s, false, true);
        interceptor.interceptPacket(message(BOB, ALICE), aliceSession, false, false);
        policy(DefaultPolicy.DENY, "partner.test", Direction.BOTH);
        interceptor.interceptPacket(probe, s2s, false, false);
    }

    @Test
    void processedStanzasAreNotJudgedAgain() throws Exception {
        policy(DefaultPolicy.DENY, null, null);
        interceptor.interceptPacket(message(BOB, ALICE), null, true, true);
        assertTrue(counters.byDomain().isEmpty());
    }

    @Test
    void ourOwnErrorAnswersAreNotJudged() {
        policy(DefaultPolicy.DENY, null, null);
        Message bounce = message(BOB, ALICE);
        bounce.setType(Message.Type.error);
        FederationInterceptor.sendingError(() -> assertDoesNotThrow(() -> beforeRouting(bounce, null)));
        assertThrows(PacketRejectedException.class, () -> beforeRouting(bounce, null), "the bypass ends with the send");
    }

    @Test
    void theTesterDecisionIsTheEnforcedDecision() {
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(
            PolicyException.of("*.example.test", Direction.INCOMING, Instant.EPOCH),
            PolicyException.of("exact.example.test", Direction.OUTGOING, Instant.EPOCH),
            PolicyException.of("partner.test", Direction.BOTH, Instant.EPOCH)));
        policy.set(p);
        for (String domain : new String[] {"example.test", "a.example.test", "exact.example.test", "x.exact.example.test",
            "partner.test", "sub.partner.test", "other.test"}) {
            JID remote = new JID("user@" + domain + "/r");
            boolean inboundPassed = passes(message(remote, ALICE), null);
            boolean outboundPassed = passes(message(ALICE, remote), aliceSession);
            assertEquals(p.decide(domain, Direction.INCOMING).allowed(), inboundPassed, domain + " incoming");
            assertEquals(p.decide(domain, Direction.OUTGOING).allowed(), outboundPassed, domain + " outgoing");
        }
    }

    private boolean passes(Packet packet, Session session) {
        try {
            beforeRouting(packet, session);
            return true;
        } catch (PacketRejectedException e) {
            return false;
        }
    }
}
