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
package org.xmppfed.openfire.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one part differs between this cluster ("here") and a peer ("there"): the entries only here,
 * only there, and those with a different value ("name: here \u2192 there"), each list complete and in
 * name order; for the policy also the two default policies. One pass over each side (O(n)).
 */
public record PartDiff(SyncPart part, int hereCount, int thereCount, List<String> onlyHere, List<String> onlyThere,
                       List<String> different, String defaultHere, String defaultThere) {
    public PartDiff {
        onlyHere = List.copyOf(onlyHere);
        onlyThere = List.copyOf(onlyThere);
        different = List.copyOf(different);
    }

    public boolean same() {
        return onlyHere.isEmpty() && onlyThere.isEmpty() && different.isEmpty() && !defaultDiffers();
    }

    public boolean defaultDiffers() {
        return !Objects.equals(defaultHere, defaultThere);
    }

    /** The parts both sides carry, compared; in part order. */
    public static List<PartDiff> of(TransferSet here, TransferSet there) {
        List<PartDiff> diffs = new ArrayList<>();
        for (SyncPart p : SyncPart.values()) {
            if (here.parts().contains(p) && there.parts().contains(p)) {
                diffs.add(of(p, here, there));
            }
        }
        return diffs;
    }

    static PartDiff of(SyncPart part, TransferSet here, TransferSet there) {
        Map<String, String> a = here.entries(part);
        Map<String, String> b = there.entries(part);
        List<String> onlyHere = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) { // sorted maps: the lists come out in name order
            String other = b.get(e.getKey());
            if (other == null) {
                onlyHere.add(line(e.getKey(), e.getValue()));
            } else if (!other.equals(e.getValue())) {
                different.add(e.getKey() + ": " + e.getValue() + " \u2192 " + other);
            }
        }
        List<String> onlyThere = new ArrayList<>();
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                onlyThere.add(line(e.getKey(), e.getValue()));
            }
        }
        boolean policy = part == SyncPart.POLICY;
        return new PartDiff(part, a.size(), b.size(), onlyHere, onlyThere, different,
            policy ? here.defaultPolicy() : null, policy ? there.defaultPolicy() : null);
    }

    private static String line(String name, String value) {
        return value.isEmpty() ? name : name + " (" + value + ")";
    }
}
