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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class NodeStatusesTest {
    private static final NodeStatus HERE = Snapshots.node("node-1", true);

    private static List<String> names(List<NodeStatus> nodes) {
        return nodes.stream().map(NodeStatus::node).toList();
    }

    @Test
    void thisNodeComesFirstThenTheOthersByName() {
        List<NodeStatus> all = NodeStatuses.gather(HERE, List.of(Snapshots.node("node-3", true), Snapshots.node("node-2", false)),
            List.of("node-1", "node-2", "node-3"));
        assertEquals(List.of("node-1", "node-2", "node-3"), names(all));
        assertSame(HERE, all.get(0));
        assertFalse(all.get(1).federationActive(), "as node-2 said");
        assertEquals(2, all.get(1).items().size());
    }

    @Test
    void aMemberThatDidNotAnswerIsListedInactiveWithoutValues() {
        // a node without the plugin answers null; one that failed is not among the answers at all
        List<Object> answers = new ArrayList<>(Arrays.asList(null, "something else"));
        List<NodeStatus> all = NodeStatuses.gather(HERE, answers, List.of("node-2", "node-1"));
        assertEquals(List.of("node-1", "node-2"), names(all));
        assertFalse(all.get(1).federationActive());
        assertTrue(all.get(1).items().isEmpty());
    }

    @Test
    void aNodeCountsOnceAndThisNodesOwnStatusWins() {
        NodeStatus staleHere = new NodeStatus("node-1", false, List.of());
        List<NodeStatus> all = NodeStatuses.gather(HERE, List.of(staleHere, Snapshots.node("node-2", true), Snapshots.node("node-2", false)),
            List.of("node-1", "node-2"));
        assertEquals(List.of("node-1", "node-2"), names(all));
        assertSame(HERE, all.get(0));
        assertTrue(all.get(1).federationActive(), "the first answer of node-2");
    }

    @Test
    void anAnswerFromANodeThatIsNoLongerAMemberIsStillShown() {
        assertEquals(List.of("node-1", "node-2"), names(NodeStatuses.gather(HERE, List.of(Snapshots.node("node-2", true)), List.of("node-1"))));
    }

    @Test
    void theGatheredNodesAreComparedWithEachOther() {
        NodeStatus other = new NodeStatus("node-2", true, List.of(SnapshotItem.value("plugin-version", "1.3.0").whenDifferent(Verdict.WARN),
            SnapshotItem.entries("certificates", Map.of("example.org_ec", "example.org chat.example.org; until 2027-06-01")).whenDifferent(Verdict.WARN)));
        List<NodeStatus> nodes = NodeStatuses.gather(HERE, List.of(other, Snapshots.node("node-3", true)), List.of("node-1", "node-2", "node-3", "node-4"));
        SettingsSnapshot local = Snapshots.cluster("a.example", Snapshots.items(Snapshots.exceptions(3)), nodes.toArray(NodeStatus[]::new));
        Map<String, Check> rows = SnapshotComparison.compare(local, List.of()).stream().collect(Collectors.toMap(Check::id, c -> c));
        Check version = rows.get("node.plugin-version");
        Check certificates = rows.get("node.certificates");
        String versionEvidence = evidence(version);
        assertTrue(versionEvidence.contains("node node-1 of a.example: 1.3.0"), versionEvidence);
        assertTrue(versionEvidence.contains("node node-2 of a.example: 1.3.0"), versionEvidence);
        assertTrue(versionEvidence.contains("node node-4 of a.example: \u2014"), "the node that did not answer: " + versionEvidence);
        assertEquals(Verdict.WARN, version.verdict(), "a node without values warns");
        assertEquals(Verdict.WARN, certificates.verdict());
        assertTrue(evidence(certificates).contains("node node-2 of a.example: example.org_ec (example.org chat.example.org; until 2027-06-01)"),
            evidence(certificates));
        String active = evidence(rows.get("cluster.federation-active"));
        assertTrue(active.contains("federation active on 3 of 4 nodes"), active);

        List<NodeStatus> agreeing = NodeStatuses.gather(HERE, List.of(Snapshots.node("node-2", true)), List.of("node-1", "node-2"));
        Map<String, Check> same = SnapshotComparison.compare(Snapshots.cluster("a.example", Snapshots.items(Snapshots.exceptions(3)),
            agreeing.toArray(NodeStatus[]::new)), List.of()).stream().collect(Collectors.toMap(Check::id, c -> c));
        assertEquals(Verdict.PASS, same.get("node.plugin-version").verdict());
        assertEquals(Verdict.PASS, same.get("node.certificates").verdict());
        assertTrue(evidence(same.get("node.certificates")).contains("node node-2 of a.example"));
    }

    @Test
    void aNodeStatusTravelsBetweenNodesIntact() throws Exception {
        // what a cluster task carries from the node that answers to the node that asks
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(HERE);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(HERE, in.readObject());
        }
    }

    private static String evidence(Check c) {
        return c.evidence().stream().map(e -> e.source().render(Locale.ENGLISH) + ": " + e.what().render(Locale.ENGLISH))
            .collect(Collectors.joining("\n"));
    }
}
