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

/** What happens to federated traffic that no policy exception covers. */
public enum DefaultPolicy {
    /** Everything is allowed except what an exception denies. */
    ALLOW,
    /** Nothing is allowed except what an exception allows ("lockdown"). */
    DENY;

    public boolean allows() {
        return this == ALLOW;
    }

    /** Parses the administrator's spelling; unknown text is rejected with a message. */
    public static DefaultPolicy parse(String text) {
        if (text != null) {
            String t = text.trim();
            for (DefaultPolicy p : values()) {
                if (t.matches("[A-Za-z]+") && p.name().equalsIgnoreCase(t)) {
                    return p;
                }
            }
        }
        throw new InvalidInputException("settings.error.default-policy", text == null ? "" : text.trim());
    }
}
