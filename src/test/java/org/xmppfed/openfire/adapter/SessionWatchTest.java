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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.jivesoftware.openfire.session.LocalServerSession;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.connections.S2sSession;
import org.xmppfed.openfire.metrics.MetricFamily;
import org.xmppfed.openfire.policy.Direction;

class SessionWatchTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final List<String> events = new ArrayList<>();
    private final SessionClosures closures = new SessionClosures();
    private final SessionWatch watch = new SessionWatch("node-1", (kind, domain, summary, details, admin) ->
        events.add(kind + " " + domain + " | " + summary), closures, () -> 600_000, Clock.fixed(NOW, ZoneOffset.UTC));

    private static S2sSessions.Live live(String stream, Direction direction, String domain, Instant lastActive) {
        LocalServerSession session = mock(LocalServerSession.class);
        when(session.getLastActiveDate()).thenReturn(Date.from(lastActive));
        S2sSession facts = new S2sSession("node-1", stream, direction, "openfire.test", domain, List.of(), "127.0.0.6", 5269, "", "",
            S2sSession.Authentication.DIALBACK, "", NOW, lastActive, 0, 0, 0, 0);
        return new S2sSessions.Live(session, facts);
    }

    @Test
    void newSessionsAreOpenedEventsAndSessionsGoneAreClosedOnesWithTheReason() {
        watch.compare(Map.of("s1", live("s1", Direction.INCOMING, "a.example", NOW)));
        watch.compare(Map.of("s1", live("s1", Direction.INCOMING, "a.example", NOW),
            "s2", live("s2", Direction.OUTGOING, "b.example", NOW.minusSeconds(700))));
        watch.compare(Map.of());
        assertEquals(List.of(
            "CONNECTION_CLOSED a.example | Incoming S2S session openfire.test <- a.example closed: closed by Openfire or the connection was lost",
            "CONNECTION_CLOSED b.example | Outgoing S2S session openfire.test -> b.example closed: idle for longer than Openfire's time-out (10 min, xmpp.server.session.idle)",
            "CONNECTION_OPENED a.example | Incoming S2S session openfire.test <- a.example opened (dialback, not encrypted)",
            "CONNECTION_OPENED b.example | Outgoing S2S session openfire.test -> b.example opened (dialback, not encrypted)"),
            events.stream().sorted().toList());
    }

    @Test
    void aSessionThePluginClosedIsNotRecordedTwice() {
        watch.compare(Map.of("s1", live("s1", Direction.INCOMING, "a.example", NOW)));
        closures.mark("s1");
        watch.compare(Map.of());
        assertEquals(1, events.size());
        assertTrue(events.get(0).startsWith("CONNECTION_OPENED"));
    }

    @Test
    void theMetricsCountOpenSessionsAndOpensPerDomainAndDirection() {
        watch.compare(Map.of("s1", live("s1", Direction.INCOMING, "a.example", NOW), "s2", live("s2", Direction.INCOMING, "a.example", NOW)));
        watch.compare(Map.of("s2", live("s2", Direction.INCOMING, "a.example", NOW)));
        List<MetricFamily> families = watch.metrics();
        assertEquals("xmppfed_sessions_open", families.get(0).name());
        assertEquals(1.0, families.get(0).samples().stream().mapToDouble(MetricFamily.Sample::value).sum());
        assertEquals(2.0, families.get(1).samples().stream().filter(s -> s.direction() == Direction.INCOMING)
            .mapToDouble(MetricFamily.Sample::value).sum());
    }
}
