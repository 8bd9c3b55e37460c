package org.xmppfed.openfire.policy;

import java.util.Map;

/**
 * An immutable open-addressing hash table keyed by domain names that can be probed with any
 * label-aligned suffix of a domain without creating substrings. Hashes are computed from the last
 * character towards the first, so a single right-to-left pass over a domain yields the hash of
 * every suffix; that keeps the per-stanza lookup linear in the domain's length and free of
 * allocation, whatever the number of entries.
 */
final class DomainSuffixTable<V> {
    private final String[] keys;
    private final int[] hashes;
    private final Object[] values;
    private final int mask;

    DomainSuffixTable(Map<String, V> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) - 1) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            String key = e.getKey();
            int h = suffixHash(key, 0);
            int i = spread(h) & mask;
            while (keys[i] != null) {
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
        int length = domain.length() - from;
        int i = spread(hash) & mask;
        String key;
        while ((key = keys[i]) != null) {
            if (hashes[i] == hash && key.length() == length && domain.regionMatches(from, key, 0, length)) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x45d9f3b;
    }
}
