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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.events.EventQuery;
import org.xmppfed.openfire.events.FederationEvent;
import org.xmppfed.openfire.store.EventStore;
import org.xmppfed.openfire.store.JdbcEventStore;
import org.xmppfed.openfire.store.StoreException;
import org.xmppfed.openfire.store.TestDatabases;

class EventModuleTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private final JdbcEventStore store = new JdbcEventStore(TestDatabases.hsqldb());
    private final EventModule module = new EventModule(store, Clock.fixed(NOW, ZoneOffset.UTC));

    private static ModuleHost host(Worker worker) {
        return new ModuleHost(worker, d -> false, "openfire.test", "xmpp.openfire.test", null, new GatewayDomains());
    }

    @Test
    void publishesTheEventLogAndRecordsStartAndStopWithTheNode() {
        Worker worker = new Worker();
        try {
            ModuleHost host = host(worker);
            assertSame(EventLog.NONE, EventModule.events(host), "nothing to report to before the module runs");
            module.start(host);
            assertSame(store, host.service(EventStore.class));
            EventLog events = EventModule.events(host);
            assertNotSame(EventLog.NONE, events);
            events.record(EventKind.STANZA_DENIED, "spam.example", "Denied incoming message from spam.example: default policy");
            module.stop();
            List<FederationEvent> rows = store.find(EventQuery.newest(10));
            assertEquals(List.of(EventKind.PLUGIN_STOPPED, EventKind.STANZA_DENIED, EventKind.PLUGIN_STARTED),
                rows.stream().map(FederationEvent::kind).toList(), "written at stop at the latest");
            assertEquals("xmpp.openfire.test", rows.get(0).node(), "without a cluster node ID, the host name");
            assertEquals("spam.example", rows.get(1).remoteDomain());
        } finally {
            worker.shutdown();
        }
    }

    @Test
    void theLogLineCarriesKindDomainAdminDetailsAndRepeats() {
        assertEquals("Event=\"STANZA_DENIED\" Domain=\"spam.example\" Denied incoming message [41 more like this in the last minute]",
            EventModule.logLine(new FederationEvent(NOW, "n", EventKind.STANZA_DENIED, "spam.example", "Denied incoming message", null, null, 41)));
        assertEquals("Event=\"SETTINGS_CHANGED\" Admin=\"admin\" Federation settings changed (default policy DENY -> ALLOW)",
            EventModule.logLine(new FederationEvent(NOW, "n", EventKind.SETTINGS_CHANGED, null, "Federation settings changed",
                "default policy DENY -> ALLOW", "admin", 0)));
    }

    @Test
    void aBatchThatTheDatabaseRefusesFailsSoTheWriterCountsIt() {
        EventModule failing = new EventModule(new JdbcEventStore(() -> {
            throw new java.sql.SQLException("down");
        }), Clock.systemUTC());
        assertThrows(StoreException.class, () -> failing.write(List.of(
            new FederationEvent(NOW, "n", EventKind.PLUGIN_STARTED, null, "started", null, null, 0))));
    }

    @Test
    void pruningKeepsTheRetentionLimitsByAgeAndRows() {
        List<FederationEvent> events = new ArrayList<>();
        for (int day = 0; day < 40; day++) {
            for (int i = 0; i < 10; i++) {
                events.add(new FederationEvent(NOW.minus(Duration.ofDays(day)).minusSeconds(i + 1), "n", EventKind.STANZA_DENIED,
                    "d.example", "e", null, null, 0));
            }
        }
        store.insert(events);
        module.pruneTo(30, 1_000_000);
        assertEquals(300, store.count(EventQuery.newest(1)), "30 days of 10 events");
        module.pruneTo(30, 25);
        assertEquals(25, store.count(EventQuery.newest(1)));
    }

    @Test
    void anAdministratorsChangeIsAuditedAndAnEventWithTheAdminsName() {
        List<String> recorded = new ArrayList<>();
        List<String> openfireAudit = new ArrayList<>();
        WebManagerAudit audit = new WebManagerAudit((request, summary, details) -> {
            openfireAudit.add(summary + ": " + details);
            return "admin";
        }, (kind, domain, summary, details, admin) -> recorded.add(kind + " | " + domain + " | " + summary + " | " + details + " | " + admin));
        audit.record(mock(HttpServletRequest.class), "Federation settings changed", "default policy DENY -> ALLOW");
        assertEquals(List.of("Federation settings changed: default policy DENY -> ALLOW"), openfireAudit);
        assertEquals(List.of("SETTINGS_CHANGED | null | Federation settings changed | default policy DENY -> ALLOW | admin"), recorded);
    }
}
