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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.metrics.DomainCounters;
import org.xmppfed.openfire.metrics.MetricFamily;
import org.xmppfed.openfire.metrics.MetricRegistry;
import org.xmppfed.openfire.metrics.MetricSource;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.ConnectionGatePlan;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.store.JdbcPolicyExceptionStore;
import org.xmppfed.openfire.store.JdbcRemoteDomainStore;
import org.xmppfed.openfire.store.RemoteDomainStore;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * The federation policy: the switch, default policy and exceptions (settings listener on every
 * node), the per-stanza decision, Openfire's own S2S permission list kept equal to what the policy
 * denies both ways (the connection gate), and the sweep that closes sessions the policy no longer
 * allows.
 */
public final class PolicyModule implements FederationModule {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyModule.class);
    /** How often this node looks for S2S sessions that the policy does not allow. */
    static final String SWEEP_SECONDS = "plugin.federation.session-sweep.seconds";

    /** How many remote domains the plugin remembers as seen (the newest). */
    static final int REMOTE_DOMAINS_KEPT = 10_000;

    private final PolicyCounters counters = new PolicyCounters();
    private final Set<String> recordedRemoteDomains = ConcurrentHashMap.newKeySet();
    private RemoteDomainStore remoteDomains;
    private ScheduledFuture<?> recordSeen;
    private SessionSweeper sweeper;
    private final AccessGate gate = new AccessGate();
    private JivePolicySettings settings;
    private PolicyService policy;
    private Worker worker;
    private PolicyStep step;
    private ScheduledFuture<?> sweep;
    private MetricRegistry metrics;
    private final MetricSource decisions = this::decisionMetrics;

    @Override
    public void start(ModuleHost host) {
        worker = host.worker();
        EventLog events = EventModule.events(host);
        sweeper = new SessionSweeper(events, host.closures());
        settings = new JivePolicySettings(() -> worker.coalesced("policy reload", policy::reload));
        policy = new PolicyService(new JdbcPolicyExceptionStore(host.database()), settings, host::ownNameUse, Clock.systemUTC());
        try {
            policy.reload();
        } catch (RuntimeException e) {
            // The service starts in lockdown; that is what stays in force (fail closed).
            LOG.error("Could not load the federation policy; all federated traffic is denied until it loads", e);
        }
        step = new PolicyStep(policy::current, counters, host.errors(), this::closeIncomingSoon, events);
        policy.addListener(p -> worker.execute("enforcing the policy on connections", () -> enforceOnConnections(p)));
        settings.start();
        worker.execute("enforcing the policy on connections", () -> enforceOnConnections(policy.current()));
        long every = Math.max(5, JiveGlobals.getIntProperty(SWEEP_SECONDS, 30));
        sweep = worker.every(every, every, TimeUnit.SECONDS, "session sweep", () -> sweeper.sweep(policy.current()));
        remoteDomains = new JdbcRemoteDomainStore(DbConnectionManager::getConnection);
        recordSeen = worker.every(1, 1, TimeUnit.MINUTES, "recording remote domains", this::recordRemoteDomains);
        metrics = host.metrics();
        metrics.register(decisions);
        host.publish(PolicyService.class, policy);
        host.publish(PolicyCounters.class, counters);
    }

    /** The policy's decisions per remote domain and direction, for the metrics endpoint. */
    private List<MetricFamily> decisionMetrics() {
        MetricFamily allowed = new MetricFamily("xmppfed_stanzas_allowed", "Federated stanzas the policy allowed on this node", MetricFamily.Type.COUNTER);
        MetricFamily denied = new MetricFamily("xmppfed_stanzas_denied", "Federated stanzas the policy denied on this node", MetricFamily.Type.COUNTER);
        counters.byDomain().forEach((domain, t) -> {
            String d = PolicyCounters.OTHER_DOMAINS.equals(domain) ? DomainCounters.OTHER : domain;
            allowed.add(d, Direction.INCOMING, t.allowedIncoming()).add(d, Direction.OUTGOING, t.allowedOutgoing());
            denied.add(d, Direction.INCOMING, t.deniedIncoming()).add(d, Direction.OUTGOING, t.deniedOutgoing());
        });
        return List.of(allowed, denied);
    }

    @Override
    public void stop() {
        metrics.unregister(decisions);
        recordSeen.cancel(false);
        worker.runAndWait("recording remote domains", this::recordRemoteDomains);
        sweep.cancel(false);
        settings.stop();
        if (ModuleHost.mayRestoreSharedSettings()) {
            worker.runAndWait("restoring Openfire's server permissions", gate::restore);
        }
    }

    @Override
    public void becameSettingsKeeper() {
        worker.execute("enforcing the policy on connections", () -> enforceOnConnections(policy.current()));
    }

    @Override
    public List<StanzaStep> steps() {
        return List.of(step);
    }

    /** Closes a denied domain's incoming sessions off the stanza path; a flood of its stanzas queues one task. */
    private void closeIncomingSoon(String domain) {
        worker.coalesced("closing sessions of " + domain, () -> sweeper.closeIncoming(domain));
    }

    /**
     * Remembers the remote domains that traffic or sessions showed since the last time, so that a
     * partner's domain can never be claimed as an email domain later (see FederatedDomainClaims).
     */
    private void recordRemoteDomains() {
        Set<String> fresh = new TreeSet<>(counters.byDomain().keySet());
        fresh.addAll(sweeper.remoteDomains());
        fresh.remove(PolicyCounters.OTHER_DOMAINS);
        fresh.removeAll(recordedRemoteDomains);
        if (fresh.isEmpty()) {
            return;
        }
        remoteDomains.recordSeen(fresh, Instant.now(), REMOTE_DOMAINS_KEPT);
        if (recordedRemoteDomains.size() > REMOTE_DOMAINS_KEPT) {
            recordedRemoteDomains.clear();
        }
        recordedRemoteDomains.addAll(fresh);
    }

    private void enforceOnConnections(FederationPolicy p) {
        if (ModuleHost.isSettingsKeeper()) {
            Worker.guarded("connection gate", () -> gate.apply(ConnectionGatePlan.of(p)));
        }
        sweeper.sweep(p);
    }

    @Override
    public List<SnapshotItem> snapshotItems(SnapshotContext context) {
        FederationPolicy p = policy.current();
        Map<String, String> exceptions = new HashMap<>(p.exceptions().size() * 2);
        for (PolicyException e : p.exceptions()) {
            exceptions.put(e.pattern().toString(), e.direction().name());
        }
        return List.of(
            SnapshotItem.value("policy.switch", p.enabled() ? "on" : "off"),
            SnapshotItem.value("policy.default", p.defaultPolicy().name()),
            SnapshotItem.entries("policy.exceptions", exceptions));
    }

    @Override
    public Optional<Phrase> useOf(String domain) {
        PolicyService service = policy;
        return service != null && service.find(domain).isPresent()
            ? Optional.of(new Phrase("use.policy-exception")) : Optional.empty();
    }
}
