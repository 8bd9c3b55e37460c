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
package org.xmppfed.openfire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.Test;

/**
 * S2S throughput and delivery latency with and without the plugin: N messages from a Prosody user to
 * an Openfire user over one S2S connection, policy ALLOW with 1 000 exceptions and 1 000 static
 * routes (one of them for the Prosody domain; {@code -Dbench.routes}) and, with
 * {@code -Dbench.aliases=1000}, that many chat node aliases, runs alternating
 * with the plugin (A) and without it (B). Not part of the test run: started with its own command
 * (README.md), it writes its figures to target/s2s-bench.txt.
 */
class S2sThroughputBench {
    private static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /** Messages sent after each plugin load/unload before measuring, so the JIT has settled. */
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 5_000);
    /**
     * {@code -Dbench.deny-half=true}: a second Prosody user (dave, b.remote.lan, which the policy
     * denies) sends as many messages as carol, interleaved, so that the plugin denies half of the
     * traffic and records every denial in the event log; throughput is still carol's messages.
     */
    private static final boolean DENY_HALF = Boolean.getBoolean("bench.deny-half");
    /** Static routes configured while the plugin runs: one for the benchmarked domain, the rest for others. */
    private static final int ROUTES = Integer.getInteger("bench.routes", 1_000);
    /** Chat node aliases configured (on Openfire's group chat service) while the plugin runs; 0 for none. */
    private static final int ALIASES = Integer.getInteger("bench.aliases", 0);

    record Run(String label, double perSecond, double p50Millis, double p99Millis) {
    }

    /** The sender of the denied half, or {@code null}. */
    private static XmppClient denied;

    @Test
    void throughputWithAndWithoutThePlugin() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FederationEnvironment.available(), FederationEnvironment.SKIP_MESSAGE);
        try (FederationEnvironment env = FederationEnvironment.start();
             XmppClient alice = new XmppClient("alice", OpenfireServer.DOMAIN, FederationEnvironment.OPENFIRE_IP, FederationEnvironment.PASSWORD);
             XmppClient carol = new XmppClient("carol", FederationEnvironment.REMOTE_A, FederationEnvironment.PROSODY_IP,
                 FederationEnvironment.PASSWORD);
             XmppClient dave = new XmppClient("dave", FederationEnvironment.REMOTE_B, FederationEnvironment.PROSODY_IP,
                 FederationEnvironment.PASSWORD)) {
            denied = DENY_HALF ? dave : null;
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                csv.append(i % 2 == 0 ? "*." : "").append("partner").append(i).append(".example,").append(i % 3 == 0 ? "BOTH" : "INCOMING").append('\n');
            }
            if (DENY_HALF) {
                csv.append(FederationEnvironment.REMOTE_B).append(",INCOMING\n"); // ALLOW with this exception: nothing in from b
            }
            env.policy(true, "ALLOW", csv.toString());
            if (ROUTES > 0) {
                // the benchmarked domain is reached by its route (dialback verifications go through the route lookup)
                StringBuilder routes = new StringBuilder("domain,address\n" + FederationEnvironment.REMOTE_A + "," + FederationEnvironment.PROSODY_IP + ":5269\n");
                for (int i = 1; i < ROUTES; i++) {
                    routes.append("routed").append(i).append(".example,10.").append(i / 250).append('.').append(i % 250 + 1).append(".1:5269\n");
                }
                AdminConsole.Page r = env.admin.post("plugins/federation/routes.jsp",
                    java.util.Map.of("action", "import-apply", "format", "CSV", "mode", "REPLACE", "content", routes.toString()));
                assertEquals(302, r.status(), "importing the static routes");
            }
            for (int i = 0; i < ALIASES; i++) {
                AdminConsole.Page added = env.admin.post("plugins/federation/aliases.jsp", java.util.Map.of("action", "add",
                    "alias", "chat" + i + ".partner" + (i % 37) + ".lan", "service", "conference." + OpenfireServer.DOMAIN));
                assertEquals(302, added.status(), "adding alias " + i);
            }
            List<Run> runs = new ArrayList<>();
            measure("warm-up", carol, alice, 8 * WARM_UP);
            for (int round = 0; round < ROUNDS; round++) {
                if (!env.openfire.pluginLoaded()) {
                    env.openfire.installPlugin(env.pluginJar);
                    env.admin.login(OpenfireServer.ADMIN_PASSWORD);
                }
                measure("warm-up", carol, alice, WARM_UP);
                runs.add(measure("A (plugin)", carol, alice, MESSAGES));
                env.openfire.uninstallPlugin();
                measure("warm-up", carol, alice, WARM_UP);
                runs.add(measure("B (no plugin)", carol, alice, MESSAGES));
            }
            report(runs);
        }
    }

    /** Sends {@code n} messages from {@code from} to {@code to} and times their arrival. */
    private static Run measure(String label, XmppClient from, XmppClient to, int n) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        long[] sent = new long[n];
        long[] arrived = new long[n];
        AtomicInteger received = new AtomicInteger();
        ConcurrentHashMap<Integer, Boolean> seen = new ConcurrentHashMap<>();
        to.onMessage(m -> {
            String body = m.getBody();
            if (m.getType() == Message.Type.chat && body != null && body.startsWith(run + ":")) {
                int i = Integer.parseInt(body.substring(run.length() + 1));
                if (seen.putIfAbsent(i, Boolean.TRUE) == null) {
                    arrived[i] = System.nanoTime();
                    received.incrementAndGet();
                }
            }
        });
        try {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sent[i] = System.nanoTime();
                from.send(to.jid, run + ":" + i);
                if (denied != null) {
                    denied.send(to.jid, "denied:" + i);
                }
            }
            Await.require(Duration.ofMinutes(5), n + " messages to arrive (" + label + ")", () -> received.get() == n);
            long end = Arrays.stream(arrived).max().orElseThrow();
            double[] latency = new double[n];
            for (int i = 0; i < n; i++) {
                latency[i] = (arrived[i] - sent[i]) / 1e6;
            }
            Arrays.sort(latency);
            return new Run(label, n / ((end - start) / 1e9), latency[n / 2], latency[(int) (n * 0.99)]);
        } finally {
            to.onMessage(null);
        }
    }

    private static void report(List<Run> runs) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "S2S throughput, %d messages per run%s, %d static routes, %d chat node aliases, %s, %d cores, %s%n",
            MESSAGES, DENY_HALF ? " plus as many from a denied domain (half the traffic denied, event log on)" : "", ROUTES, ALIASES, LocalDate.now(),
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        double a = 0;
        double b = 0;
        List<Double> pairRatios = new ArrayList<>();
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            pairRatios.add(runs.get(i).perSecond() / runs.get(i + 1).perSecond());
        }
        pairRatios.sort(null);
        for (Run r : runs) {
            out.append(String.format(Locale.ROOT, "%-14s %8.0f msg/s   p50 %8.1f ms   p99 %8.1f ms%n", r.label(), r.perSecond(), r.p50Millis(),
                r.p99Millis()));
            if (r.label().startsWith("A")) {
                a += r.perSecond();
            } else {
                b += r.perSecond();
            }
        }
        out.append(String.format(Locale.ROOT, "throughput ratio with/without plugin: sum of A / sum of B %.3f, median of the %d A/B pairs %.3f%n",
            a / b, pairRatios.size(), pairRatios.get(pairRatios.size() / 2)));
        out.append("Latency is from send to arrival with the sender sending as fast as it can (queueing included).\n");
        System.out.print(out);
        Files.writeString(Path.of("target/s2s-bench.txt"), out);
        assertEquals(ROUNDS * 2, runs.size());
    }
}
