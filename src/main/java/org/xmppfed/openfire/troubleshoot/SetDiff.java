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
import java.util.Map;
import java.util.TreeSet;

/**
 * The difference of two sets of entries (name to value) in one pass over each side (O(n)): the
 * names only here, only there, and with a different value, each counted in full and named by
 * its first {@link #SAMPLES} in alphabetical order.
 */
public record SetDiff(int onlyHereCount, List<String> onlyHere, int onlyThereCount, List<String> onlyThere,
                      int differentCount, List<String> different) {
    public static final int SAMPLES = 10;

    public boolean same() {
        return onlyHereCount == 0 && onlyThereCount == 0 && differentCount == 0;
    }

    /** {@code different} samples read "name: here → there". */
    public static SetDiff of(Map<String, String> here, Map<String, String> there) {
        Samples onlyHere = new Samples();
        Samples different = new Samples();
        for (Map.Entry<String, String> e : here.entrySet()) {
            String other = there.get(e.getKey());
            if (other == null) {
                onlyHere.add(e.getKey());
            } else if (!other.equals(e.getValue())) {
                different.add(e.getKey() + ": " + e.getValue() + " \u2192 " + other);
            }
        }
        Samples onlyThere = new Samples();
        for (String name : there.keySet()) {
            if (!here.containsKey(name)) {
                onlyThere.add(name);
            }
        }
        return new SetDiff(onlyHere.count, onlyHere.list(), onlyThere.count, onlyThere.list(), different.count, different.list());
    }

    /** Counts everything, keeps the alphabetically first few (a bounded set: O(log SAMPLES) per entry). */
    private static final class Samples {
        int count;
        final TreeSet<String> first = new TreeSet<>();

        void add(String s) {
            count++;
            first.add(s);
            if (first.size() > SAMPLES) {
                first.pollLast();
            }
        }

        List<String> list() {
            return List.copyOf(first);
        }
    }
}
