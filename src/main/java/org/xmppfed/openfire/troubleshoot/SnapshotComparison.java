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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares this cluster's settings snapshot with every peer cluster's, and each cluster's nodes
 * with each other. It knows no setting by name: every item any snapshot carries becomes one row,
 * so a capability that adds an item to the snapshot gets its row without a change here. Set items
 * are compared with {@link SetDiff} (O(n)).
 */
public final class SnapshotComparison {
    /**
     * What one peer answered: its snapshot, or the problem that kept us from reading it.
     * {@code localForPeer} is this cluster's snapshot made for that peer (its keyed digests use the
     * secret shared with that peer).
     */
    public record PeerResult(String peerName, SettingsSnapshot localForPeer, SettingsSnapshot snapshot, Text problem, long millis) {
        public boolean reachable() {
            return snapshot != null;
        }
    }

    private SnapshotComparison() {
    }

    public static List<Check> compare(SettingsSnapshot local, List<PeerResult> peers) {
        List<Check> checks = new ArrayList<>();
        Text here = Text.of("troubleshoot.source.local", local.xmppDomain());
        for (PeerResult p : peers) {
            checks.add(link(p));
        }
        checks.add(federationActive(here, local, peers));
        List<PeerResult> reachable = peers.stream().filter(PeerResult::reachable).toList();
        if (!reachable.isEmpty()) {
            checks.add(pluginVersions(here, local, reachable));
            Set<String> ids = new LinkedHashSet<>();
            local.items().forEach(i -> ids.add(i.id()));
            reachable.forEach(p -> p.snapshot().items().forEach(i -> ids.add(i.id())));
            for (String id : ids) {
                checks.add(item(id, here, reachable));
            }
        }
        checks.addAll(nodes(here, local, reachable));
        return checks;
    }

    private static Check link(PeerResult p) {
        Text source = peer(p.peerName());
        if (!p.reachable()) {
            return new Check("peer.link", Verdict.FAIL, Text.of("check.peer.link", p.peerName()),
                List.of(new Evidence(source, p.problem())), Text.of("action.peer.link"));
        }
        return new Check("peer.link", Verdict.PASS, Text.of("check.peer.link", p.peerName()),
            List.of(new Evidence(source, Text.of("troubleshoot.peer.answered", p.millis(), p.snapshot().xmppDomain(),
                p.snapshot().pluginVersion(), p.snapshot().openfireVersion()))), null);
    }

    private static Check federationActive(Text here, SettingsSnapshot local, List<PeerResult> peers) {
        List<Evidence> evidence = new ArrayList<>();
        Verdict v = active(here, local, evidence);
        for (PeerResult p : peers) {
            if (p.reachable()) {
                v = v.worse(active(peer(p.peerName()), p.snapshot(), evidence));
            }
        }
        return new Check("cluster.federation-active", v, Text.of("check.cluster.federation-active"), evidence,
            v == Verdict.PASS ? null : Text.of("action.cluster.federation-active"));
    }

    private static Verdict active(Text source, SettingsSnapshot s, List<Evidence> evidence) {
        long active = s.nodes().stream().filter(NodeStatus::federationActive).count();
        List<String> names = s.nodes().stream().map(n -> n.node() + (n.federationActive() ? " \u2713" : " \u2717")).toList();
        evidence.add(new Evidence(source, Text.of("troubleshoot.nodes.active", active, s.nodes().size(), String.join(", ", names))));
        return active > 0 ? Verdict.PASS : Verdict.FAIL;
    }

    private static Check pluginVersions(Text here, SettingsSnapshot local, List<PeerResult> peers) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(here, Text.of("troubleshoot.value", local.pluginVersion())));
        Verdict v = Verdict.PASS;
        for (PeerResult p : peers) {
            evidence.add(new Evidence(peer(p.peerName()), Text.of("troubleshoot.value", p.snapshot().pluginVersion())));
            if (!p.snapshot().pluginVersion().equals(local.pluginVersion())) {
                v = Verdict.WARN;
            }
        }
        return new Check("cluster.plugin-version", v, Text.of("check.cluster.plugin-version"), evidence,
            v == Verdict.PASS ? null : Text.of("action.cluster.plugin-version"));
    }

    private static Check item(String id, Text here, List<PeerResult> peers) {
        List<Evidence> evidence = new ArrayList<>();
        Verdict v = Verdict.PASS;
        String shownHere = null;
        for (PeerResult p : peers) {
            Optional<SnapshotItem> mine = p.localForPeer().item(id);
            Optional<SnapshotItem> theirs = p.snapshot().item(id);
            Verdict whenDifferent = mine.or(() -> theirs).map(SnapshotItem::onMismatch).orElse(Verdict.FAIL);
            Text source = peer(p.peerName());
            if (mine.isEmpty() || theirs.isEmpty()) {
                // One side does not have this capability (an older plugin): say so, judge as a difference.
                evidence.add(new Evidence(mine.isEmpty() ? here : source, Text.of("troubleshoot.item.absent")));
                if (mine.isPresent() || theirs.isPresent()) {
                    SnapshotItem present = mine.orElseGet(theirs::get);
                    evidence.add(new Evidence(mine.isPresent() ? here : source, describe(present)));
                }
                v = v.worse(whenDifferent);
                continue;
            }
            SnapshotItem a = mine.get();
            SnapshotItem b = theirs.get();
            if (a.isSet() && b.isSet()) {
                SetDiff diff = SetDiff.of(a.entries(), b.entries());
                if (diff.same()) {
                    evidence.add(new Evidence(source, Text.of("troubleshoot.set.same", b.entries().size())));
                } else {
                    v = v.worse(whenDifferent);
                    evidence.add(new Evidence(here, Text.of("troubleshoot.set.size", a.entries().size())));
                    evidence.add(new Evidence(source, Text.of("troubleshoot.set.size", b.entries().size())));
                    if (diff.onlyHereCount() > 0) {
                        evidence.add(new Evidence(here, Text.of("troubleshoot.set.only", diff.onlyHereCount(), sample(diff.onlyHere(), diff.onlyHereCount()))));
                    }
                    if (diff.onlyThereCount() > 0) {
                        evidence.add(new Evidence(source, Text.of("troubleshoot.set.only", diff.onlyThereCount(), sample(diff.onlyThere(), diff.onlyThereCount()))));
                    }
                    if (diff.differentCount() > 0) {
                        evidence.add(new Evidence(source, Text.of("troubleshoot.set.different", diff.differentCount(), sample(diff.different(), diff.differentCount()))));
                    }
                }
            } else {
                String mineText = shown(a);
                String theirText = shown(b);
                if (!mineText.equals(shownHere)) {
                    evidence.add(new Evidence(here, Text.of("troubleshoot.value", mineText)));
                    shownHere = mineText;
                }
                evidence.add(new Evidence(source, Text.of("troubleshoot.value", theirText)));
                if (!mineText.equals(theirText)) {
                    v = v.worse(whenDifferent);
                }
            }
        }
        return new Check("item." + id, v, Text.of("check.item." + id), evidence,
            v == Verdict.PASS ? null : Text.of("action.item." + id));
    }

    /** Within each cluster: every node item must be the same on all of the cluster's nodes. */
    private static List<Check> nodes(Text here, SettingsSnapshot local, List<PeerResult> peers) {
        Map<Text, SettingsSnapshot> clusters = new LinkedHashMap<>();
        clusters.put(here, local);
        peers.forEach(p -> clusters.put(peer(p.peerName()), p.snapshot()));
        Set<String> ids = new LinkedHashSet<>();
        clusters.values().forEach(s -> s.nodes().forEach(n -> n.items().forEach(i -> ids.add(i.id()))));
        List<Check> checks = new ArrayList<>();
        for (String id : ids) {
            List<Evidence> evidence = new ArrayList<>();
            Verdict v = Verdict.PASS;
            for (Map.Entry<Text, SettingsSnapshot> c : clusters.entrySet()) {
                String first = null;
                for (NodeStatus n : c.getValue().nodes()) {
                    Optional<SnapshotItem> item = n.items().stream().filter(i -> i.id().equals(id)).findFirst();
                    String text = item.map(SnapshotComparison::shown).orElse("\u2014");
                    evidence.add(new Evidence(Text.of("troubleshoot.source.node", c.getKey().args().get(0), n.node()),
                        Text.of("troubleshoot.value", text)));
                    if (first == null) {
                        first = text;
                    } else if (!first.equals(text)) {
                        v = v.worse(item.map(SnapshotItem::onMismatch).orElse(Verdict.WARN));
                    }
                }
            }
            checks.add(new Check("node." + id, v, Text.of("check.node." + id), evidence,
                v == Verdict.PASS ? null : Text.of("action.node." + id)));
        }
        return checks;
    }

    private static Text describe(SnapshotItem i) {
        return i.isSet() ? Text.of("troubleshoot.set.size", i.entries().size()) : Text.of("troubleshoot.value", shown(i));
    }

    /** A set item as one line (node items: certificates, a handful of entries). */
    static String shown(SnapshotItem i) {
        if (!i.isSet()) {
            return i.value().isEmpty() ? "\u2014" : i.value();
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(i.entries()).forEach((k, val) -> parts.add(val.isEmpty() ? k : k + " (" + val + ")"));
        return parts.isEmpty() ? "\u2014" : String.join(", ", parts);
    }

    private static String sample(List<String> names, int count) {
        return String.join(", ", names) + (count > names.size() ? ", \u2026" : "");
    }

    private static Text peer(String name) {
        return Text.of("troubleshoot.source.peer", name);
    }
}
