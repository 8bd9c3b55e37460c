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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Settings snapshots for the tests: the settings of one cluster, changed one item at a time. */
final class Snapshots {
    private Snapshots() {
    }

    static Map<String, String> exceptions(int n) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("partner" + i + ".example", i % 3 == 0 ? "BOTH" : i % 3 == 1 ? "INCOMING" : "OUTGOING");
        }
        return m;
    }

    static List<SnapshotItem> items(Map<String, String> exceptions) {
        List<SnapshotItem> items = new ArrayList<>();
        items.add(SnapshotItem.value("policy.switch", "on"));
        items.add(SnapshotItem.value("policy.default", "DENY"));
        items.add(SnapshotItem.entries("policy.exceptions", exceptions));
        items.add(SnapshotItem.value("email.switch", "off"));
        items.add(SnapshotItem.entries("email.domains", Map.of("mail.example", "")));
        items.add(SnapshotItem.value("security.tls", "optional"));
        items.add(SnapshotItem.value("security.dialback-secret", "digest 0123456789abcdef"));
        return items;
    }

    static NodeStatus node(String name, boolean active) {
        return new NodeStatus(name, active, List.of(SnapshotItem.value("plugin-version", "1.3.0").whenDifferent(Verdict.WARN),
            SnapshotItem.entries("certificates", Map.of("example.org_rsa", "example.org; until 2027-12-01")).whenDifferent(Verdict.WARN)));
    }

    static SettingsSnapshot cluster(String domain, List<SnapshotItem> items, NodeStatus... nodes) {
        return new SettingsSnapshot(SettingsSnapshot.SCHEMA, domain, "1.3.0", "5.1.1", items, List.of(nodes));
    }

    static List<SnapshotItem> with(List<SnapshotItem> items, SnapshotItem replacement) {
        List<SnapshotItem> copy = new ArrayList<>();
        for (SnapshotItem i : items) {
            copy.add(i.id().equals(replacement.id()) ? replacement : i);
        }
        return copy;
    }
}
