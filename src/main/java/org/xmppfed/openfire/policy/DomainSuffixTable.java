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
package org.xmppfed.openfire.policy;

import java.util.Map;

/**
 * An immutable open-addressing hash table keyed by domain names that can be probed with any
 * label-aligned suffix of a domain without creating substrings. Hashes are computed from the last
 * character towards the first, so a single right-to-left pass over a domain yields the hash of
 * every suffix; that keeps the per-stanza lookup linear in the domain's length and free of
 * allocation, whatever the number of entries.
 *
 * <p>Most probes on the stanza path are for suffixes that are not in the table. A bit filter sized
 * to stay in the CPU cache answers those without touching the large arrays, and the probe loop
 * reads the compact hash array before any key.
 */
final class DomainSuffixTable<V> {
    private final String[] keys;
    /** The stored hash of each slot, never 0; 0 marks an empty slot. */
    private final int[] hashes;
    private final Object[] values;
    private final int mask;
    private final long[] filter;
    private final int filterMask;

    DomainSuffixTable(Map<String, V> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) - 1) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        int filterBits = Integer.highestOneBit(Math.max(1024, entries.size() * 16 - 1)) << 1;
        filter = new long[filterBits >>> 6];
        filterMask = filterBits - 1;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            String key = e.getKey();
            int h = nonZero(suffixHash(key, 0));
            int bit = filterBit(h);
            filter[bit >>> 6] |= 1L << bit;
            int i = spread(h) & mask;
            while (hashes[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            hashes[i] = h;
            values[i] = e.getValue();
        }
    }

    /** The hash of {@code domain.substring(from)}, as the right-to-left pass computes it. */
    static int suffixHash(String domain, int from) {
        int h = 0;
        for (int i = domain.length() - 1; i >= from; i--) {
            h = 31 * h + domain.charAt(i);
        }
        return h;
    }

    /** The step of the right-to-left pass: the hash of the suffix starting one character earlier. */
    static int extend(int suffixHash, char c) {
        return 31 * suffixHash + c;
    }

    /** The value stored for {@code domain.substring(from)}, whose hash is {@code hash}, or null. */
    @SuppressWarnings("unchecked")
    V get(String domain, int from, int hash) {
        int h = nonZero(hash);
        int bit = filterBit(h);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return null;
        }
        int length = domain.length() - from;
        int i = spread(h) & mask;
        int stored;
        while ((stored = hashes[i]) != 0) {
            if (stored == h) {
                String key = keys[i];
                if (key.length() == length && domain.regionMatches(from, key, 0, length)) {
                    return (V) values[i];
                }
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private static int nonZero(int h) {
        return h == 0 ? 1 : h;
    }

    private int filterBit(int h) {
        return (h * 0x9E3779B1 >>> 7) & filterMask;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x45d9f3b;
    }
}
