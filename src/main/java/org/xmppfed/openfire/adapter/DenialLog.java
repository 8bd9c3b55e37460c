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
package org.xmppfed.openfire.adapter;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the log lines of per-stanza events (denied, dropped and refused stanzas, closed
 * connections) to Openfire's log without letting a flood of them flood the log: at most
 * {@code perWindow} lines per window; the number of lines left out is reported with the next one
 * written.
 */
final class DenialLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.xmppfed.openfire.XMPPFederation");

    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong windowStart = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong writtenInWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    DenialLog(int perWindow, long windowNanos, LongSupplier nanoClock) {
        this.perWindow = perWindow;
        this.windowNanos = windowNanos;
        this.nanoClock = nanoClock;
    }

    static DenialLog standard() {
        return new DenialLog(20, 10_000_000_000L, System::nanoTime);
    }

    /** Returns true when the line was written. */
    boolean denied(String what) {
        long now = nanoClock.getAsLong();
        long start = windowStart.get();
        if (start == Long.MIN_VALUE || now - start >= windowNanos) {
            if (windowStart.compareAndSet(start, now)) {
                writtenInWindow.set(0);
            }
        }
        if (writtenInWindow.incrementAndGet() > perWindow) {
            suppressed.incrementAndGet();
            return false;
        }
        long left = suppressed.getAndSet(0);
        if (left > 0) {
            LOG.info("Module=\"XMPPFederation\" {} ({} similar denials not logged)", what, left);
        } else {
            LOG.info("Module=\"XMPPFederation\" {}", what);
        }
        return true;
    }
}
