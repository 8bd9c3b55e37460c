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
package org.xmppfed.openfire.adapter;

import org.jivesoftware.util.cache.Cache;
import org.jivesoftware.util.cache.CacheFactory;
import org.xmppfed.openfire.peer.NonceMemory;
import org.xmppfed.openfire.peer.SignedRequestCheck;

/**
 * Where every node remembers the nonces of accepted peer requests: an Openfire cache, which is
 * clustered while the node is in a cluster (Openfire moves it into the cluster when the node joins),
 * so that a signed request accepted by one node is refused when it is replayed to another. Its
 * {@code put} is the map's atomic put (Hazelcast's in a cluster). Entries live twice the time
 * window; there is no size limit in the cache (a cache that evicts would forget nonces), the
 * {@link NonceMemory} bounds it instead. {@code CacheFactory.setMaxLifetimeProperty},
 * {@code setMaxSizeProperty} and {@code createCache} have the same signatures in 4.2.0 and 5.1.1.
 * The cache is left in place when the plugin stops: destroying it would wipe the other nodes'
 * memory, and it holds only JDK types.
 */
final class PeerNonceCache {
    static final String CACHE = "Federation Peer Request Nonces";

    private PeerNonceCache() {
    }

    static NonceMemory memory() {
        CacheFactory.setMaxLifetimeProperty(CACHE, 2 * SignedRequestCheck.WINDOW.toMillis());
        CacheFactory.setMaxSizeProperty(CACHE, -1);
        Cache<String, Long> cache = CacheFactory.createCache(CACHE);
        return new NonceMemory(cache, SignedRequestCheck.MAX_NONCES);
    }
}
