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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.cluster.NodeID;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.events.EventWriter;
import org.xmppfed.openfire.events.FederationEvent;
import org.xmppfed.openfire.store.EventStore;
import org.xmppfed.openfire.store.JdbcEventStore;

/**
 * The federation event log: owns the event writer (published as {@link EventLog} for the other
 * modules, which is why this module starts first and stops last), writes its batches to table
 * {@code ofFedEvent} and to Openfire's log (tagged {@code Module="XMPPFederation"}; per-stanza
 * kinds through the rate-limited {@link DenialLog}) on the worker thread every
 * {@value #FLUSH_SECONDS} seconds, and keeps the table within the retention limits every hour.
 * The store is published as {@link EventStore} for the event log page.
 */
public final class EventModule implements FederationModule {
    static final String RETENTION_DAYS = "plugin.federation.events.retention.days";
    static final String RETENTION_ROWS = "plugin.federation.events.retention.rows";
    static final int DEFAULT_DAYS = 30;
    static final int DEFAULT_ROWS = 100_000;
    static final int FLUSH_SECONDS = 2;
    /** Events queued at most between two flushes; more are dropped and counted. */
    static final int QUEUE_CAPACITY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger("org.xmppfed.openfire.XMPPFederation");

    private final DenialLog perStanzaLines = DenialLog.standard();
    private final EventStore store;
    private final Clock clock;
    private Worker worker;
    private EventWriter writer;
    private ScheduledFuture<?> flush;
    private ScheduledFuture<?> prune;

    public EventModule() {
        this(new JdbcEventStore(DbConnectionManager::getConnection), Clock.systemUTC());
    }

    EventModule(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What another module reports events to: the event log, or nothing while it is not running. */
    static EventLog events(ModuleHost host) {
        EventLog events = host.service(EventLog.class);
        return events == null ? EventLog.NONE : events;
    }

    @Override
    public void start(ModuleHost host) {
        worker = host.worker();
        String node = nodeName(host.hostName());
        writer = new EventWriter(this::write, clock, node, QUEUE_CAPACITY);
        flush = worker.every(FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS, "writing federation events", writer::flush);
        prune = worker.every(1, 60, TimeUnit.MINUTES, "pruning federation events", this::prune);
        host.publish(EventLog.class, writer);
        host.publish(EventStore.class, store);
        writer.record(EventKind.PLUGIN_STARTED, null, "Federation plugin started", "node " + node, null);
    }

    @Override
    public void stop() {
        flush.cancel(false);
        prune.cancel(false);
        writer.record(EventKind.PLUGIN_STOPPED, null, "Federation plugin stopped");
        worker.runAndWait("writing federation events", writer::flushAll);
    }

    /** One batch from the writer: Openfire's log first (it keeps the lines if the database fails), then the table. */
    void write(List<FederationEvent> batch) {
        for (FederationEvent e : batch) {
            String line = logLine(e);
            if (e.kind().perStanza()) {
                perStanzaLines.denied(line);
            } else if (e.kind().warning()) {
                LOG.warn("Module=\"XMPPFederation\" {}", line);
            } else {
                LOG.info("Module=\"XMPPFederation\" {}", line);
            }
        }
        store.insert(batch);
    }

    /** The event as Openfire's log shows it after the module tag. */
    static String logLine(FederationEvent e) {
        StringBuilder sb = new StringBuilder("Event=\"").append(e.kind().name()).append('"');
        if (e.remoteDomain() != null) {
            sb.append(" Domain=\"").append(e.remoteDomain()).append('"');
        }
        if (e.adminUser() != null) {
            sb.append(" Admin=\"").append(e.adminUser()).append('"');
        }
        sb.append(' ').append(e.summary());
        if (e.details() != null) {
            sb.append(" (").append(e.details()).append(')');
        }
        if (e.repeats() > 0) {
            sb.append(" [").append(e.repeats()).append(" more like this in the last minute]");
        }
        return sb.toString();
    }

    /** The retention limits; the settings keeper alone prunes (the table is shared by the cluster). */
    void prune() {
        if (!ModuleHost.isSettingsKeeper()) {
            return;
        }
        int days = Math.max(1, JiveGlobals.getIntProperty(RETENTION_DAYS, DEFAULT_DAYS));
        int rows = Math.max(1, JiveGlobals.getIntProperty(RETENTION_ROWS, DEFAULT_ROWS));
        pruneTo(days, rows);
    }

    void pruneTo(int days, int rows) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        int old = store.pruneOlderThan(cutoff);
        int beyond = store.pruneToNewest(rows);
        if (old + beyond > 0) {
            LOG.debug("Federation event log: deleted {} events older than {} days and {} beyond the newest {}", old, days, beyond, rows);
        }
    }

    /** Flushes now (a test, or a page that must show what was just recorded). */
    int flushNow() {
        return writer.flush();
    }

    /** This cluster node's ID (Openfire 4.2 and 5.x alike), or the host name when there is none. */
    static String nodeName(String hostName) {
        try {
            XMPPServer server = XMPPServer.getInstance();
            NodeID id = server == null ? null : server.getNodeID();
            if (id != null && !id.toString().isBlank()) {
                return id.toString();
            }
        } catch (RuntimeException e) {
            LOG.debug("No cluster node ID; the events name the host", e);
        }
        return hostName;
    }
}
