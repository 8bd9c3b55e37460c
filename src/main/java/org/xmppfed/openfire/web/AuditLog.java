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
package org.xmppfed.openfire.web;

import javax.servlet.http.HttpServletRequest;

import org.xmppfed.openfire.events.EventKind;

/** Records an administrator's change in Openfire's admin audit log. */
@FunctionalInterface
public interface AuditLog {
    void record(HttpServletRequest request, String summary, String details);

    /**
     * Records an administrator's action that the event log files under {@code kind} and
     * {@code remoteDomain} (e.g. closing a federated session) rather than as a settings change.
     */
    default void record(HttpServletRequest request, EventKind kind, String remoteDomain, String summary, String details) {
        record(request, summary, details);
    }
}
