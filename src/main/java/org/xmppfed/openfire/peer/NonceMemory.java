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
package org.xmppfed.openfire.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces of accepted signed requests, each kept until a request carrying it could no longer be
 * inside the time window. The map may be shared by every node of a cluster (the plugin gives an
 * Openfire clustered cache), so that a request replayed to another node is refused as well. Its
 * {@code put} must be atomic and return the value it replaced (a clustered map's is): of two
 * requests with the same nonce, on one node or on two, exactly one is the first. Dropping expired
 * nonces is the map's business (the cache's entry lifetime); when the map holds {@code capacity}
 * nonces anyway, the expired ones are removed here, and if it is still full the request is refused
 * (fail closed) rather than a nonce forgotten.
 */
public final class NonceMemory {
    /** What remembering a nonce found. */
    public enum Use {
        /** Not seen before (now remembered). */
        FIRST,
        /** Seen before, within its time. */
        REPLAYED,
        /** Not seen before, but no room to remember it. */
        FULL
    }

    private final Map<String, Long> nonces;
    private final int capacity;

    /** {@code nonces}: nonce to the epoch second until which it is kept. */
    public NonceMemory(Map<String, Long> nonces, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.nonces = nonces;
        this.capacity = capacity;
    }

    /** A memory of this node alone (a server without clustering, and the tests). */
    public static NonceMemory local(int capacity) {
        return new NonceMemory(new ConcurrentHashMap<>(), capacity);
    }

    /** Remembers {@code nonce} until {@code keepUntil} (epoch seconds), unless it is known already or there is no room. */
    public Use remember(String nonce, long now, long keepUntil) {
        if (nonces.size() >= capacity) {
            forgetExpired(now);
            if (nonces.size() >= capacity) {
                Long known = nonces.get(nonce);
                return known != null && known >= now ? Use.REPLAYED : Use.FULL;
            }
        }
        Long before = nonces.put(nonce, keepUntil);
        return before != null && before >= now ? Use.REPLAYED : Use.FIRST;
    }

    /** How many nonces are remembered (as far as this node can tell). */
    public int size() {
        return nonces.size();
    }

    private void forgetExpired(long now) {
        List<Map.Entry<String, Long>> expired = new ArrayList<>();
        for (Map.Entry<String, Long> e : nonces.entrySet()) {
            if (e.getValue() < now) {
                expired.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, Long> e : expired) {
            nonces.remove(e.getKey(), e.getValue());
        }
    }
}
