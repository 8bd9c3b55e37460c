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
package org.xmppfed.openfire.troubleshoot;

import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.peer.PeerClient;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.RequestSignature;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.probe.OwnStreamHeaders;
import org.xmppfed.openfire.probe.S2sProbe;
import org.xmppfed.openfire.probe.XmppPing;

/**
 * Runs the troubleshooter: asks every peer cluster for its snapshot and looks up DNS in parallel on
 * a bounded pool (every network step has its own time-out), compares, runs the local checks, and
 * keeps the last report. What it looks at comes from {@link Sources}, which the plugin fills from
 * Openfire and the running capabilities.
 */
public final class Troubleshooter implements AutoCloseable {
    /** Threads for peers, DNS and probes together. */
    public static final int POOL = 8;
    /** The endpoint of a peer's plugin that serves its snapshot. */
    public static final String SNAPSHOT_ENDPOINT = "peer-api/snapshot";

    /** Where the troubleshooter gets what it checks. */
    public interface Sources {
        /** This cluster's snapshot, its keyed digests made with {@code context}. */
        SettingsSnapshot snapshot(SnapshotContext context);

        List<PeerCluster> peers();

        LocalFacts localFacts();

        SrvCheck dns();

        /** The static route ("host:port") configured for {@code domain}, if any. */
        default Optional<String> staticRoute(String domain) {
            return Optional.empty();
        }

        /** The certificates a partner's chain must lead to; {@code null} for the Java runtime's. */
        default KeyStore trustStore() {
            return null;
        }

        /** This server's XMPP domain (cheaper than {@link #localFacts()}, which also reads DNS and users). */
        default String xmppDomain() {
            return localFacts().xmppDomain();
        }

        /** The policy in force (decides whether a probe's ping may run). */
        default FederationPolicy policy() {
            return localFacts().policy();
        }

        /** How a probe pings a partner through this server; empty: probes have no ping step. */
        default Optional<XmppPing> ping() {
            return Optional.empty();
        }
    }

    /** Partners probed at most at once from the page. */
    public static final int MAX_PROBED = 50;
    /** How long a probe waits for the answer to its ping (a new S2S session may have to be set up first). */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(10);
    /** The name this server's own stream check opens its streams from (a reserved name, RFC 2606). */
    static final String PROBE_FROM = "federation-troubleshooter.invalid";

    private final Sources sources;
    private final PeerClient client;
    private final Clock clock;
    private final ExecutorService pool;
    private volatile Report last;
    private volatile List<S2sProbe.Result> lastProbes = List.of();

    public Troubleshooter(Sources sources, PeerClient client, Clock clock) {
        this.sources = sources;
        this.client = client;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "federation-troubleshooter-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(POOL, threads);
    }

    /** This cluster's snapshot as served to {@code peer} (its keyed digests use the secret shared with it). */
    public SettingsSnapshot snapshotFor(PeerCluster peer) {
        return sources.snapshot(contextFor(peer));
    }

    public static SnapshotContext contextFor(PeerCluster peer) {
        return new SnapshotContext(value -> RequestSignature.keyedDigest(peer.secret(), value));
    }

    /** Asks one peer for its snapshot (the page's "test link" and each run). */
    public SnapshotComparison.PeerResult fetch(PeerCluster peer) {
        long start = System.nanoTime();
        PeerClient.Reply reply = client.get(peer, SNAPSHOT_ENDPOINT, Map.of(SnapshotJson.SCHEMA_HEADER, Integer.toString(SettingsSnapshot.SCHEMA)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        SettingsSnapshot mine = snapshotFor(peer);
        if (!reply.ok()) {
            return new SnapshotComparison.PeerResult(peer.name(), mine, null, new Text(reply.problemKey(), reply.problemArgs()), millis);
        }
        try {
            return new SnapshotComparison.PeerResult(peer.name(), mine, SnapshotJson.read(reply.body()), null, millis);
        } catch (SnapshotJson.UnreadableSnapshot e) {
            return new SnapshotComparison.PeerResult(peer.name(), mine, null, e.text(), millis);
        }
    }

    /** Runs every check once and keeps the report. */
    public synchronized Report run() {
        Instant started = clock.instant();
        long start = System.nanoTime();
        List<CompletableFuture<SnapshotComparison.PeerResult>> asked = new ArrayList<>();
        for (PeerCluster p : sources.peers()) {
            asked.add(CompletableFuture.supplyAsync(() -> fetch(p), pool));
        }
        LocalFacts facts = sources.localFacts();
        List<Check> checks = new ArrayList<>();
        checks.add(LocalChecks.listener(facts));
        checks.addAll(DnsChecks.run(facts, sources.dns(), pool));
        checks.add(LocalChecks.shadowed(facts.policy()));
        checks.add(LocalChecks.ownNames(facts.policy(), facts.allNames()));
        checks.add(LocalChecks.deniedRoutes(facts.policy(), facts.staticRoutes()));
        checks.add(LocalChecks.sharedEmails(facts.sharedEmails()));
        checks.add(LocalChecks.openfirePermissions(facts.policy(), facts.openfireWhitelist(), facts.openfirePermissions()));
        if (facts.s2sEnabled()) {
            List<CompletableFuture<Check>> headers = new ArrayList<>();
            for (String name : facts.allNames()) {
                headers.add(CompletableFuture.supplyAsync(() -> OwnStreamHeaders.check(name, facts.listenHost(), facts.s2sPort(), PROBE_FROM,
                    Duration.ofSeconds(5)), pool));
            }
            headers.forEach(h -> checks.add(h.join()));
        }
        List<SnapshotComparison.PeerResult> peers = asked.stream().map(CompletableFuture::join).toList();
        SettingsSnapshot local = sources.snapshot(new SnapshotContext(v -> "")); // digests are compared per peer
        List<Check> all = new ArrayList<>(SnapshotComparison.compare(local, peers));
        all.addAll(checks);
        Report report = new Report(started, (System.nanoTime() - start) / 1_000_000, all);
        last = report;
        return report;
    }

    /**
     * Probes each partner domain in parallel on the bounded pool (every network step has its own
     * time-out; the pings are waited for without holding the pool's threads) and keeps the results
     * for the page.
     */
    public List<S2sProbe.Result> probe(List<String> domains) {
        S2sProbe probe = new S2sProbe(sources.dns(), sources.xmppDomain(), sources.trustStore(), Duration.ofSeconds(5));
        Optional<XmppPing> ping = sources.ping();
        if (ping.isPresent()) {
            probe = probe.withPing(ping.get(), sources.policy(), PING_TIMEOUT);
        }
        S2sProbe prober = probe;
        // every ping is sent now and answered beside the connection steps, which alone take the pool's threads
        List<CompletableFuture<S2sProbe.Result>> pending = new ArrayList<>();
        for (String d : domains.subList(0, Math.min(MAX_PROBED, domains.size()))) {
            pending.add(prober.probeAsync(d, sources.staticRoute(d), pool));
        }
        List<S2sProbe.Result> results = pending.stream().map(CompletableFuture::join).toList();
        lastProbes = results;
        return results;
    }

    /** The last probes' results (empty before the first). */
    public List<S2sProbe.Result> lastProbes() {
        return lastProbes;
    }

    /** Runs every check on the troubleshooter's own threads and hands the report to {@code then}. */
    public void runInBackground(java.util.function.Consumer<Report> then) {
        pool.execute(() -> then.accept(run()));
    }

    /** The last report, or {@code null} before the first run. */
    public Report last() {
        return last;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
