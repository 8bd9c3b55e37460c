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

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * One compared setting of a settings snapshot, contributed by the capability that owns it: a single
 * value (a switch, a mode, a digest) or a set of entries, name to value (exceptions: pattern to
 * direction; email domains: name to empty). Clusters whose values differ get {@code onMismatch}.
 * Serializable as part of a {@link NodeStatus}.
 */
public record SnapshotItem(String id, String value, Map<String, String> entries, Verdict onMismatch) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SnapshotItem {
        Objects.requireNonNull(id, "id");
        if ((value == null) == (entries == null)) {
            throw new IllegalArgumentException("an item is a value or a set of entries: " + id);
        }
    }

    public static SnapshotItem value(String id, String value) {
        return new SnapshotItem(id, value, null, Verdict.FAIL);
    }

    public static SnapshotItem entries(String id, Map<String, String> entries) {
        return new SnapshotItem(id, null, Map.copyOf(entries), Verdict.FAIL);
    }

    /** The same item, with differences reported as {@code verdict} instead of FAIL. */
    public SnapshotItem whenDifferent(Verdict verdict) {
        return new SnapshotItem(id, value, entries, verdict);
    }

    public boolean isSet() {
        return entries != null;
    }
}
