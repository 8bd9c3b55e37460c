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
import java.util.Objects;

/**
 * One row of the event log: when and on which cluster node it happened, its kind, the remote
 * domain it concerns (or {@code null}), a one-line summary, optional details, the administrator
 * who caused it (or {@code null}), and how many identical events (same kind, domain and summary)
 * within the minute before this row it stands for besides itself ({@code repeats}, 0 for a single
 * event). Texts are cut to what every supported database stores in its columns.
 */
public record FederationEvent(Instant time, String node, EventKind kind, String remoteDomain, String summary, String details,
                              String adminUser, int repeats) {
    public static final int NAME_CHARS = 60;
    public static final int DOMAIN_CHARS = 255;
    public static final int SUMMARY_CHARS = 250;
    public static final int DETAILS_CHARS = 500;

    public FederationEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        node = cut(node == null ? "" : node, NAME_CHARS);
        remoteDomain = remoteDomain == null || remoteDomain.isEmpty() ? null : cut(remoteDomain, DOMAIN_CHARS);
        summary = cut(summary == null || summary.isBlank() ? kind.name() : summary, SUMMARY_CHARS); // never empty: Oracle reads '' as NULL
        details = details == null || details.isEmpty() ? null : cut(details, DETAILS_CHARS);
        adminUser = adminUser == null || adminUser.isEmpty() ? null : cut(adminUser, NAME_CHARS);
        if (repeats < 0) {
            throw new IllegalArgumentException("repeats < 0");
        }
    }

    /** The same event standing for {@code n} more like it. */
    public FederationEvent withRepeats(int n) {
        return new FederationEvent(time, node, kind, remoteDomain, summary, details, adminUser, n);
    }

    /** {@code text} cut to {@code max} characters, never in the middle of a surrogate pair, with an ellipsis when cut. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
