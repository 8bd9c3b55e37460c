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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.session.DomainPair;
import org.jivesoftware.openfire.session.IncomingServerSession;
import org.jivesoftware.openfire.session.LocalServerSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyException;

/**
 * {@link SessionSweeper} against Openfire's session manager: it closes this node's incoming
 * sessions of domains the policy refuses at connection level and its outgoing sessions to domains
 * it may not send to, and nothing else - not the sessions the policy allows, and not sessions that
 * live on another cluster node (not a {@code LocalSession}).
 *
 * <p>{@link SessionManager#getInstance()} is Openfire's singleton; it is replaced by a mock that
 * lists the sessions of the fixture. Policy (default DENY): {@code partner.example} BOTH,
 * {@code inbound.example} INCOMING only, {@code outbound.example} OUTGOING only; anything else,
 * such as {@code denied.example}, is denied both ways.
 */
class SessionSweeperTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String LOCAL = "openfire.test";
    private static final List<String> DOMAINS = List.of("partner.example", "inbound.example", "outbound.example", "denied.example");
    private static final FederationPolicy POLICY = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(
        PolicyException.of("partner.example", Direction.BOTH, T0),
        PolicyException.of("inbound.example", Direction.INCOMING, T0),
        PolicyException.of("outbound.example", Direction.OUTGOING, T0)));

    private final SessionManager sessionManager = mock(SessionManager.class);
    /** Every session of the fixture, by name ("in/<domain>", "out/<domain>", "...on another node"). */
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private MockedStatic<SessionManager> singleton;
    /** The events recorded: kind, remote domain, summary and details. */
    private final List<String> events = new ArrayList<>();
    private final SessionSweeper sweeper = new SessionSweeper((kind, domain, summary, details, admin) ->
        events.add(kind + " " + domain + " | " + summary + " | " + details), new SessionClosures());

    @BeforeEach
    void openfireWithSessionsToEveryDomain() {
        List<DomainPair> pairs = new ArrayList<>();
        for (String domain : DOMAINS) {
            // an incoming session on this node and one on another cluster node
            IncomingServerSession in = incoming("in/" + domain, true);
            IncomingServerSession inElsewhere = incoming("in/" + domain + " on another node", false);
            when(sessionManager.getIncomingServerSessions(domain)).thenReturn(List.of(in, inElsewhere));
            // outgoing sessions from the XMPP domain (on this node) and from the email domain (on another node)
            DomainPair pair = new DomainPair(LOCAL, domain);
            DomainPair fromEmailDomain = new DomainPair("mail.test", domain);
            OutgoingServerSession out = outgoing("out/" + domain, true);
            OutgoingServerSession outElsewhere = outgoing("out/" + domain + " from mail.test on another node", false);
            when(sessionManager.getOutgoingServerSession(pair)).thenReturn(out);
            when(sessionManager.getOutgoingServerSession(fromEmailDomain)).thenReturn(outElsewhere);
            pairs.add(pair);
            pairs.add(fromEmailDomain);
        }
        when(sessionManager.getIncomingServers()).thenReturn(DOMAINS);
        when(sessionManager.getOutgoingDomainPairs()).thenReturn(pairs);
        singleton = mockStatic(SessionManager.class);
        singleton.when(SessionManager::getInstance).thenReturn(sessionManager);
    }

    @AfterEach
    void close() {
        singleton.close();
    }

    private IncomingServerSession incoming(String name, boolean onThisNode) {
        IncomingServerSession s = onThisNode
            ? (IncomingServerSession) onThisNode(IncomingServerSession.class) : mock(IncomingServerSession.class);
        sessions.put(name, s);
        return s;
    }

    private OutgoingServerSession outgoing(String name, boolean onThisNode) {
        OutgoingServerSession s = onThisNode
            ? (OutgoingServerSession) onThisNode(OutgoingServerSession.class) : mock(OutgoingServerSession.class);
        sessions.put(name, s);
        return s;
    }

    /**
     * A server session of this node: a {@link LocalServerSession}, as Openfire's
     * {@code LocalIncomingServerSession} and {@code LocalOutgoingServerSession} are (those two
     * cannot be mocked here: they need Openfire's XML parser on the class path).
     */
    private static Session onThisNode(Class<? extends Session> kind) {
        return mock(LocalServerSession.class, withSettings().extraInterfaces(kind));
    }

    /** The names of the sessions whose {@code close()} was called. */
    private TreeSet<String> closed() {
        TreeSet<String> closed = new TreeSet<>();
        sessions.forEach((name, s) -> {
            if (mockingDetails(s).getInvocations().stream().anyMatch(i -> i.getMethod().getName().equals("close"))) {
                closed.add(name);
            }
        });
        return closed;
    }

    @Test
    void sweepClosesWhatThePolicyRefusesOnThisNodeOnly() {
        sweeper.sweep(POLICY);

        assertEquals(new TreeSet<>(List.of(
                "in/denied.example", // denied both ways: refused at connection level
                "out/denied.example", // may not send to it
                "out/inbound.example")), // receiving only: no outgoing session
            closed(),
            "incoming sessions of domains we may still send to stay (their stanzas are dropped); "
                + "allowed sessions and sessions on other nodes stay");
        assertEquals(List.of(
            "CONNECTION_CLOSED denied.example | Closed incoming S2S session from denied.example: the federation policy denies it | reason: policy",
            "CONNECTION_CLOSED inbound.example | Closed outgoing S2S session openfire.test -> inbound.example: the federation policy denies it | reason: policy",
            "CONNECTION_CLOSED denied.example | Closed outgoing S2S session openfire.test -> denied.example: the federation policy denies it | reason: policy"),
            events, "one event per session closed, none for sessions on other nodes");
    }

    @Test
    void withFederationOffEveryS2sSessionOnThisNodeIsClosed() {
        sweeper.sweep(FederationPolicy.of(false, DefaultPolicy.ALLOW, List.of()));

        TreeSet<String> expected = new TreeSet<>();
        for (String domain : DOMAINS) {
            expected.add("in/" + domain);
            expected.add("out/" + domain);
        }
        assertEquals(expected, closed());
    }

    @Test
    void withEverythingAllowedNothingIsClosed() {
        sweeper.sweep(FederationPolicy.of(true, DefaultPolicy.ALLOW, List.of()));

        assertEquals(new TreeSet<>(), closed());
        assertEquals(List.of(), events);
    }

    @Test
    void closeIncomingClosesThatDomainsSessionsOnThisNode() {
        sweeper.closeIncoming("partner.example");

        assertEquals(new TreeSet<>(List.of("in/partner.example")), closed());
        assertEquals(1, events.size());
        assertTrue(events.get(0).startsWith("CONNECTION_CLOSED partner.example | Closed incoming S2S session"), events.toString());
    }

    @Test
    void beforeOpenfireHasASessionManagerThereIsNothingToSweep() {
        singleton.when(SessionManager::getInstance).thenReturn(null);

        assertDoesNotThrow(() -> sweeper.sweep(POLICY));
        assertDoesNotThrow(() -> sweeper.closeIncoming("denied.example"));
        assertEquals(new TreeSet<>(), closed());
    }
}
