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
package org.xmppfed.openfire.events;

import java.time.Instant;

/**
 * Which events to read, newest first: a time range ({@code from} inclusive, {@code to}
 * exclusive, either open), a remote domain, a kind and a node (each {@code null} for any), and
 * the page: {@code offset} rows skipped, at most {@code limit} returned.
 */
public record EventQuery(Instant from, Instant to, String remoteDomain, EventKind kind, String node, int offset, int limit) {
    public EventQuery {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        remoteDomain = remoteDomain == null || remoteDomain.isBlank() ? null : remoteDomain;
        node = node == null || node.isBlank() ? null : node;
    }

    /** Every event, newest first, at most {@code limit}. */
    public static EventQuery newest(int limit) {
        return new EventQuery(null, null, null, null, null, 0, limit);
    }

    /** The same filters for another page. */
    public EventQuery page(int newOffset, int newLimit) {
        return new EventQuery(from, to, remoteDomain, kind, node, newOffset, newLimit);
    }
}
