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
package org.xmppfed.openfire.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.xmppfed.openfire.events.EventQuery;
import org.xmppfed.openfire.events.FederationEvent;

/**
 * The federation event log (table {@code ofFedEvent}), shared by all cluster nodes: written in
 * batches, read newest first with filters and paging, and kept within the retention limits by
 * {@link #pruneOlderThan} and {@link #pruneToNewest}.
 */
public interface EventStore {
    /** Adds {@code events} in one transaction: all of them or none. */
    void insert(List<FederationEvent> events);

    /** Hands the events {@code query} selects to {@code each}, newest first, without holding them all in memory. */
    void forEach(EventQuery query, Consumer<FederationEvent> each);

    /** The events {@code query} selects, newest first. */
    default List<FederationEvent> find(EventQuery query) {
        List<FederationEvent> result = new ArrayList<>();
        forEach(query, result::add);
        return result;
    }

    /** How many events match {@code query}'s filters (its paging ignored). */
    long count(EventQuery query);

    /** Deletes the events older than {@code cutoff}; returns how many. */
    int pruneOlderThan(Instant cutoff);

    /** Deletes all but the newest {@code keep} events; returns how many. */
    int pruneToNewest(int keep);
}
