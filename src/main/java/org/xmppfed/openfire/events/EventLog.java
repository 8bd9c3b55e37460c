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

/**
 * Where capabilities report federation events. Implementations never block and never throw:
 * producers call it on stanza and request threads.
 */
@FunctionalInterface
public interface EventLog {
    /** Records nothing (for parts that run without the event log, e.g. in tests). */
    EventLog NONE = (kind, remoteDomain, summary, details, adminUser) -> { };

    /**
     * Records an event now. {@code remoteDomain}, {@code details} and {@code adminUser} may be
     * {@code null}; {@code details} must never carry a secret or message content.
     */
    void record(EventKind kind, String remoteDomain, String summary, String details, String adminUser);

    /** An event about {@code remoteDomain} without details or administrator. */
    default void record(EventKind kind, String remoteDomain, String summary) {
        record(kind, remoteDomain, summary, null, null);
    }
}
