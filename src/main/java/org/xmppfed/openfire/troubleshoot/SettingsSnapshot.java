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

import java.util.List;
import java.util.Optional;

/**
 * The federation settings of one cluster as it serves them to its peers: versions, the compared
 * items (each contributed by the capability that owns it), and its nodes. {@link #SCHEMA} is the
 * version of the document; readers ignore fields they do not know.
 */
public record SettingsSnapshot(int schema, String xmppDomain, String pluginVersion, String openfireVersion,
                               List<SnapshotItem> items, List<NodeStatus> nodes) {
    /** The newest schema this plugin writes and reads (2: set items grouped by value; see {@link SnapshotJson}). */
    public static final int SCHEMA = 2;

    public SettingsSnapshot {
        items = List.copyOf(items);
        nodes = List.copyOf(nodes);
    }

    public Optional<SnapshotItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
