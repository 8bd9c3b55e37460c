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
 * nodes each), 100 000 exceptions on every side (one peer with 300 differences). Measured: the
 * comparison alone; reading one snapshot from JSON in each schema; and reading all four snapshots
 * from JSON one after the other, then comparing (the whole comparison part on one thread; a run reads
 * the peers' in parallel and has its own snapshot in memory, so this is an upper bound).
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
    private byte[] peerJsonSchema1;
    private List<byte[]> fourJson;
    private List<byte[]> fourJsonSchema1;

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
        peerJson = SnapshotJson.write(peers.get(1).snapshot(), 2);
        peerJsonSchema1 = SnapshotJson.write(peers.get(1).snapshot(), 1);
        fourJson = new ArrayList<>();
        fourJsonSchema1 = new ArrayList<>();
        fourJson.add(SnapshotJson.write(local, 2));
        fourJsonSchema1.add(SnapshotJson.write(local, 1));
        for (SnapshotComparison.PeerResult p : peers) {
            fourJson.add(SnapshotJson.write(p.snapshot(), 2));
            fourJsonSchema1.add(SnapshotJson.write(p.snapshot(), 1));
        }
        System.out.printf("%nsnapshot of 100 000 exceptions: %d bytes in schema 2, %d in schema 1%n", peerJson.length, peerJsonSchema1.length);
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

    @Benchmark
    public SettingsSnapshot readOnePeersSnapshotSchema1() throws SnapshotJson.UnreadableSnapshot {
        return SnapshotJson.read(peerJsonSchema1);
    }

    @Benchmark
    public List<Check> readFourSnapshotsAndCompare() throws SnapshotJson.UnreadableSnapshot {
        return readAndCompare(fourJson);
    }

    @Benchmark
    public List<Check> readFourSnapshotsAndCompareSchema1() throws SnapshotJson.UnreadableSnapshot {
        return readAndCompare(fourJsonSchema1);
    }

    private static List<Check> readAndCompare(List<byte[]> json) throws SnapshotJson.UnreadableSnapshot {
        SettingsSnapshot here = SnapshotJson.read(json.get(0));
        List<SnapshotComparison.PeerResult> read = new ArrayList<>();
        for (int p = 1; p < json.size(); p++) {
            read.add(new SnapshotComparison.PeerResult("peer" + p, here, SnapshotJson.read(json.get(p)), null, 5));
        }
        return SnapshotComparison.compare(here, read);
    }
}
