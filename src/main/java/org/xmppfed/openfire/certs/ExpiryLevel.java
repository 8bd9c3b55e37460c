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
package org.xmppfed.openfire.certs;

import java.time.Duration;
import java.time.Instant;

/** How close a certificate is to the end of its validity: warning within 30 days, error within 7. */
public enum ExpiryLevel {
    OK, WARNING, ERROR, EXPIRED, NOT_YET_VALID;

    public static final int WARNING_DAYS = 30;
    public static final int ERROR_DAYS = 7;

    public static ExpiryLevel of(Instant notBefore, Instant notAfter, Instant now) {
        if (now.isBefore(notBefore)) {
            return NOT_YET_VALID;
        }
        if (!now.isBefore(notAfter)) {
            return EXPIRED;
        }
        Duration left = Duration.between(now, notAfter);
        if (left.compareTo(Duration.ofDays(ERROR_DAYS)) <= 0) {
            return ERROR;
        }
        if (left.compareTo(Duration.ofDays(WARNING_DAYS)) <= 0) {
            return WARNING;
        }
        return OK;
    }

    /** Whether the administrator should act (shown on the page, and logged once a day). */
    public boolean needsAttention() {
        return this != OK;
    }
}
