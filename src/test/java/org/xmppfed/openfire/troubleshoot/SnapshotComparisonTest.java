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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppfed.openfire.troubleshoot.SnapshotComparison.PeerResult;

class SnapshotComparisonTest {
    private final List<SnapshotItem> base = Snapshots.items(Snapshots.exceptions(20));
    private final SettingsSnapshot local = Snapshots.cluster("a.example", base, Snapshots.node("a1", true), Snapshots.node("a2", true));

    private static PeerResult peer(String name, SettingsSnapshot mine, SettingsSnapshot theirs) {
        return new PeerResult(name, mine, theirs, null, 12);
    }

    private static Map<String, Verdict> verdicts(List<Check> checks) {
        return checks.stream().collect(Collectors.toMap(c -> c.id() + (c.id().equals("peer.link") ? c.title().args() : ""), Check::verdict));
    }

    private static String evidence(Check c) {
        return c.evidence().stream().map(e -> e.source().render(Locale.ENGLISH) + ": " + e.what().render(Locale.ENGLISH))
            .collect(Collectors.joining("\n"));
    }

    private static Check row(List<Check> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no row " + id));
    }

    @Test
    void identicalSettingsPassEveryRow() {
        SettingsSnapshot east = Snapshots.cluster("b.example", base, Snapshots.node("b1", true));
        List<Check> checks = SnapshotComparison.compare(local, List.of(peer("east", local, east)));
        checks.forEach(c -> assertEquals(Verdict.PASS, c.verdict(), c.id() + "\n" + evidence(c)));
        for (SnapshotItem i : base) {
            row(checks, "item." + i.id());
        }
        assertEquals(Locale.ENGLISH.getLanguage(), "en");
        assertEquals("Policy exceptions", row(checks, "item.policy.exceptions").title().render(Locale.ENGLISH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.switch", "policy.default", "email.switch", "security.tls", "security.dialback-secret"})
    void aChangedValueFailsExactlyItsRowWithBothValues(String id) {
        SnapshotItem changed = SnapshotItem.value(id, "changed-value");
        SettingsSnapshot east = Snapshots.cluster("b.example", Snapshots.with(base, changed), Snapshots.node("b1", true));
        List<Check> checks = SnapshotComparison.compare(local, List.of(peer("east", local, east)));
        for (Check c : checks) {
            assertEquals(c.id().equals("item." + id) ? Verdict.FAIL : Verdict.PASS, c.verdict(), c.id());
        }
        String shown = evidence(row(checks, "item." + id));
        assertTrue(shown.contains("this cluster (a.example): " + local.item(id).orElseThrow().value()), shown);
        assertTrue(shown.contains("peer east: changed-value"), shown);
        assertTrue(row(checks, "item." + id).action() != null);
    }

    @Test
    void theExceptionDiffNamesWhatIsOnlyHereOnlyThereAndDifferent() {
        Map<String, String> theirs = new HashMap<>(Snapshots.exceptions(20));
        theirs.remove("partner3.example");
        theirs.put("new.example", "BOTH");
        theirs.put("partner1.example", "BOTH"); // was INCOMING
        SettingsSnapshot east = Snapshots.cluster("b.example", Snapshots.with(base, SnapshotItem.entries("policy.exceptions", theirs)),
            Snapshots.node("b1", true));
        Check c = row(SnapshotComparison.compare(local, List.of(peer("east", local, east))), "item.policy.exceptions");
        assertEquals(Verdict.FAIL, c.verdict());
        String shown = evidence(c);
        assertTrue(shown.contains("this cluster (a.example): 1 only here: partner3.example"), shown);
        assertTrue(shown.contains("peer east: 1 only here: new.example"), shown);
        assertTrue(shown.contains("partner1.example: INCOMING \u2192 BOTH"), shown);
    }

    @Test
    void anItemOnlyOnePeerKnowsIsComparedToo() {
        List<SnapshotItem> newer = new java.util.ArrayList<>(base);
        newer.add(SnapshotItem.entries("alias.list", Map.of("chat.b.example", "conference")));
        SettingsSnapshot east = Snapshots.cluster("b.example", newer, Snapshots.node("b1", true));
        Check c = row(SnapshotComparison.compare(local, List.of(peer("east", local, east))), "item.alias.list");
        assertEquals(Verdict.FAIL, c.verdict());
        assertEquals("Setting alias.list", c.title().render(Locale.ENGLISH));
        assertTrue(evidence(c).contains("this cluster (a.example): does not report this setting"), evidence(c));
    }

    @Test
    void anUnreachablePeerFailsItsLinkRowWithTheReasonAndTheOthersAreStillCompared() {
        SettingsSnapshot west = Snapshots.cluster("c.example", Snapshots.with(base, SnapshotItem.value("policy.default", "ALLOW")),
            Snapshots.node("c1", true));
        List<Check> checks = SnapshotComparison.compare(local, List.of(
            new PeerResult("east", local, null, Text.of("peers.link.refused", "http://east"), 3), peer("west", local, west)));
        Map<String, Verdict> v = verdicts(checks);
        assertEquals(Verdict.FAIL, v.get("peer.link[east]"));
        assertEquals(Verdict.PASS, v.get("peer.link[west]"));
        assertEquals(Verdict.FAIL, v.get("item.policy.default"));
        assertEquals(Verdict.PASS, v.get("item.policy.switch"));
        Check link = checks.get(0);
        assertTrue(evidence(link).contains("refused the request"), evidence(link));
    }

    @Test
    void aClusterWithoutAnActiveNodeFailsAndDifferingNodesWarn() {
        SettingsSnapshot east = Snapshots.cluster("b.example", base, Snapshots.node("b1", false), new NodeStatus("b2", false,
            List.of(SnapshotItem.value("plugin-version", "1.2.0").whenDifferent(Verdict.WARN))));
        List<Check> checks = SnapshotComparison.compare(local, List.of(peer("east", local, east)));
        assertEquals(Verdict.FAIL, row(checks, "cluster.federation-active").verdict());
        assertEquals(Verdict.WARN, row(checks, "node.plugin-version").verdict());
        assertTrue(evidence(row(checks, "node.plugin-version")).contains("node b2 of east: 1.2.0"));
    }

    @Test
    void withoutPeersOnlyThisClustersOwnRowsAreMade() {
        List<Check> checks = SnapshotComparison.compare(local, List.of());
        assertEquals(List.of("cluster.federation-active", "node.plugin-version", "node.certificates"), checks.stream().map(Check::id).toList());
    }
}
