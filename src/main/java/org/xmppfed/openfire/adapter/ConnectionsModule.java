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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.admin.AuthCheckFilter;
import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.util.JiveGlobals;
import org.xmppfed.openfire.connections.FederationNodes;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.metrics.MetricFamily;
import org.xmppfed.openfire.metrics.MetricSource;
import org.xmppfed.openfire.metrics.MetricsEndpoint;

/**
 * Status, connections and metrics: this node's part of the cluster-wide views ({@link LocalNode},
 * answered through cluster tasks and published as {@link FederationNodes}), the session watch and
 * the failed-attempt watch that turn what Openfire does with S2S connections into events, and the
 * metrics endpoint (published as {@link MetricsEndpoint}; its URL is let past the admin login,
 * because scrapers authenticate with a bearer token instead). Also gives federated sessions the
 * plugin's default idle time-out once, through Openfire's own setting.
 */
public final class ConnectionsModule implements FederationModule {
    static final String WATCH_SECONDS = "plugin.federation.connections.watch.seconds";
    static final String METRICS_TOKEN_DIGEST = "plugin.federation.metrics.token.sha256";
    static final String METRICS_DOMAINS = "plugin.federation.metrics.domains";
    /** Set once the plugin gave Openfire's S2S idle time-out its default, so that an administrator's value is never overwritten. */
    static final String IDLE_DEFAULT_APPLIED = "plugin.federation.connections.idle-default-applied";
    static final String OPENFIRE_IDLE = "xmpp.server.session.idle";
    static final int DEFAULT_IDLE_MINUTES = 10;
    /** The metrics servlet's path as Openfire's admin login filter sees it (after {@code plugins/}). */
    static final String METRICS_PATH = "federation/metrics";

    private Worker worker;
    private EventLog events;
    private LocalNode local;
    private SessionWatch watch;
    private FailedAttemptWatch failures;
    private ScheduledFuture<?> watching;
    private ModuleHost host;
    private final MetricSource sessionMetrics = this::sessionMetrics;

    @Override
    public void start(ModuleHost host) {
        this.host = host;
        worker = host.worker();
        events = EventModule.events(host);
        local = new LocalNode(EventModule.nodeName(host.hostName()), host);
        LocalNode.publish(local);
        watch = new SessionWatch(local.node(), events, host.closures(),
            () -> SessionManager.getInstance().getServerSessionIdleTime(), Clock.systemUTC());
        failures = new FailedAttemptWatch(events);
        worker.execute("watching S2S sessions", () -> {
            watch.baseline();
            failures.start();
        });
        long every = Math.max(1, JiveGlobals.getIntProperty(WATCH_SECONDS, 5));
        watching = worker.every(every, every, TimeUnit.SECONDS, "watching S2S sessions", () -> {
            watch.poll();
            failures.poll();
        });
        host.metrics().register(sessionMetrics);
        MetricsEndpoint endpoint = new MetricsEndpoint(host.metrics(), new MetricsEndpoint.TokenStore() {
            @Override
            public String digest() {
                return JiveGlobals.getProperty(METRICS_TOKEN_DIGEST, "");
            }

            @Override
            public void setDigest(String digest) {
                JiveGlobals.setProperty(METRICS_TOKEN_DIGEST, digest);
            }
        }, Math.max(1, JiveGlobals.getIntProperty(METRICS_DOMAINS, 50)));
        AuthCheckFilter.addExclude(METRICS_PATH);
        host.publish(MetricsEndpoint.class, endpoint);
        host.publish(FederationNodes.class, new ClusterSessions(local));
        if (ModuleHost.isSettingsKeeper()) {
            worker.execute("idle time-out of federated sessions", this::applyIdleDefault);
        }
    }

    @Override
    public void stop() {
        AuthCheckFilter.removeExclude(METRICS_PATH);
        host.metrics().unregister(sessionMetrics);
        watching.cancel(false);
        LocalNode.publish(null);
    }

    @Override
    public void becameSettingsKeeper() {
        worker.execute("idle time-out of federated sessions", this::applyIdleDefault);
    }

    /**
     * Openfire closes S2S sessions idle for {@code xmpp.server.session.idle} (its default: 30
     * minutes); the plugin's default is 10. Applied once, only while the administrator has not set
     * the property, and recorded; the page changes the same setting afterwards.
     */
    private void applyIdleDefault() {
        if (JiveGlobals.getBooleanProperty(IDLE_DEFAULT_APPLIED, false)) {
            return;
        }
        JiveGlobals.setProperty(IDLE_DEFAULT_APPLIED, "true");
        if (JiveGlobals.getProperty(OPENFIRE_IDLE) == null) {
            SessionManager.getInstance().setServerSessionIdleTime(DEFAULT_IDLE_MINUTES * 60_000);
            events.record(EventKind.SETTINGS_CHANGED, null, "Idle time-out of federated sessions set to " + DEFAULT_IDLE_MINUTES
                + " minutes (Openfire's xmpp.server.session.idle; its own default is 30)", "before: not set; after: "
                + DEFAULT_IDLE_MINUTES * 60_000 + " ms", null);
        }
    }

    private List<MetricFamily> sessionMetrics() {
        List<MetricFamily> families = new ArrayList<>(watch.metrics());
        families.addAll(failures.metrics());
        return families;
    }
}
