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

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused signed requests at most once a minute per endpoint, with the number refused since
 * the last line, so that a misconfigured or hostile peer cannot flood Openfire's log.
 */
public final class RefusalLog {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    private static final long EVERY_MILLIS = 60_000;

    private final Clock clock;
    private final String what;
    private long lastLog = Long.MIN_VALUE;
    private long unlogged;

    /** @param what the request in the log line, such as "settings snapshot request" */
    public RefusalLog(Clock clock, String what) {
        this.clock = clock;
        this.what = what;
    }

    /** Records one refusal of a request from {@code address}; returns whether it was written to the log. */
    public synchronized boolean refused(String address, SignedRequestCheck.Refusal why) {
        long now = clock.millis();
        if (lastLog != Long.MIN_VALUE && now - lastLog < EVERY_MILLIS) {
            unlogged++;
            return false;
        }
        LOG.warn("Module=\"XMPPFederation\" Refused a {} from {}: {} ({} more refused since the last such line). "
            + "A peer cluster whose requests are refused should check its shared secret and clock.", what, address, why, unlogged);
        lastLog = now;
        unlogged = 0;
        return true;
    }
}
