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

/**
 * Which traffic a policy exception covers, and, for a single stanza, which way it travels.
 * A stanza is always {@link #INCOMING} (from a federated domain) or {@link #OUTGOING} (to one);
 * an exception may cover one of those or {@link #BOTH}.
 */
public enum Direction {
    BOTH, INCOMING, OUTGOING;

    /** The two directions a single stanza can travel in. */
    public static final Direction[] TRAFFIC = {INCOMING, OUTGOING};

    /** Whether an exception with this direction applies to a stanza travelling {@code traffic}. */
    public boolean covers(Direction traffic) {
        return this == BOTH || this == traffic;
    }

    /** Parses the administrator's spelling (case-insensitive, surrounding blanks ignored). */
    public static Direction parse(String text) {
        if (text != null) {
            String t = text.trim();
            for (Direction d : values()) {
                if (t.matches("[A-Za-z]+") && d.name().equalsIgnoreCase(t)) {
                    return d;
                }
            }
        }
        throw new InvalidInputException("policy.error.direction", text == null ? "" : text.trim());
    }
}
