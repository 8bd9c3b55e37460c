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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The S2S sessions this plugin closed itself (policy sweep, an administrator on the connections
 * page), by stream ID, for a minute: whoever closes records the event with its reason, and the
 * session watch, which notices every session that went away, does not record it a second time.
 */
final class SessionClosures {
    private static final long KEEP_MILLIS = 60_000;
    private final Map<String, Long> closed = new ConcurrentHashMap<>();

    void mark(String streamId) {
        long now = System.currentTimeMillis();
        closed.values().removeIf(t -> now - t > KEEP_MILLIS);
        closed.put(streamId, now);
    }

    /** Whether the plugin closed it (and forgets it). */
    boolean closedByUs(String streamId) {
        return closed.remove(streamId) != null;
    }
}
