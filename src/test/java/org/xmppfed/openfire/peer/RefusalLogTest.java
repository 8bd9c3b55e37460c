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
package org.xmppfed.openfire.peer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class RefusalLogTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void theFirstRefusalIsLoggedThenAtMostOneLineAMinute() {
        RefusalLog log = new RefusalLog(clock, "settings snapshot request");
        assertTrue(log.refused("192.0.2.1", SignedRequestCheck.Refusal.values()[0]), "the first refusal is logged");
        for (int i = 0; i < 1000; i++) {
            assertFalse(log.refused("192.0.2.1", SignedRequestCheck.Refusal.values()[0]), "a flood within the minute is only counted");
        }
        now.set(now.get().plus(Duration.ofSeconds(59)));
        assertFalse(log.refused("192.0.2.1", SignedRequestCheck.Refusal.values()[0]));
        now.set(now.get().plus(Duration.ofSeconds(1)));
        assertTrue(log.refused("192.0.2.2", SignedRequestCheck.Refusal.values()[0]), "a minute later the next line, with the count");
    }
}
