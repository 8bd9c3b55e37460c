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
package org.xmppfed.openfire.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xmppfed.openfire.troubleshoot.Check;
import org.xmppfed.openfire.troubleshoot.NodeStatus;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotComparison;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;
import org.xmppfed.openfire.troubleshoot.SnapshotJson;
import org.xmppfed.openfire.troubleshoot.Verdict;

/**
 * The comparison part of a troubleshooter run at its largest: a 2-node cluster and 3 peer clusters (2
 * nodes each), 100 000 exceptions on every side (one peer with 300 differences), plus reading one
 * peer's 100 000-exception snapshot from JSON (each run reads three).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SnapshotComparisonBenchmark {
    private static final int EXCEPTIONS = 100_000;
    private SettingsSnapshot local;
    private List<SnapshotComparison.PeerResult> peers;
    private byte[] peerJson;

    @Setup
    public void setUp() {
        Map<String, String> exceptions = new HashMap<>();
        for (int i = 0; i < EXCEPTIONS; i++) {
            exceptions.put("partner" + i + ".example", i % 2 == 0 ? "BOTH" : "INCOMING");
        }
        local = cluster("here.example", exceptions);
        peers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            Map<String, String> theirs = new HashMap<>(exceptions);
            if (p == 1) {
                for (int i = 0; i < 100; i++) {
                    theirs.remove("partner" + i + ".example");
                    theirs.put("other" + i + ".example", "BOTH");
                    theirs.put("partner" + (1000 + i) + ".example", "OUTGOING");
                }
            }
            peers.add(new SnapshotComparison.PeerResult("peer" + p, local, cluster("peer" + p + ".example", theirs), null, 5));
        }
        peerJson = SnapshotJson.write(peers.get(1).snapshot());
    }

    private static SettingsSnapshot cluster(String domain, Map<String, String> exceptions) {
        List<SnapshotItem> items = List.of(SnapshotItem.value("policy.switch", "on"), SnapshotItem.value("policy.default", "DENY"),
            SnapshotItem.entries("policy.exceptions", exceptions), SnapshotItem.value("security.tls", "optional"));
        List<NodeStatus> nodes = List.of(
            new NodeStatus(domain + "-1", true, List.of(SnapshotItem.value("plugin-version", "1.3.0").whenDifferent(Verdict.WARN))),
            new NodeStatus(domain + "-2", true, List.of(SnapshotItem.value("plugin-version", "1.3.0").whenDifferent(Verdict.WARN))));
        return new SettingsSnapshot(SettingsSnapshot.SCHEMA, domain, "1.3.0", "5.1.1", items, nodes);
    }

    @Benchmark
    public List<Check> compareTwoNodesWithThreePeers() {
        return SnapshotComparison.compare(local, peers);
    }

    @Benchmark
    public SettingsSnapshot readOnePeersSnapshot() throws SnapshotJson.UnreadableSnapshot {
        return SnapshotJson.read(peerJson);
    }
}
