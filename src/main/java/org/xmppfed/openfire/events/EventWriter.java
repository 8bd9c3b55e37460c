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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The event log's writing side. {@link #record} runs on stanza and request threads, so it only
 * puts the event into a bounded queue and never waits: when the queue is full the event is
 * dropped and counted, and the count is written as an {@link EventKind#EVENTS_DROPPED} event at
 * the next {@link #flush}. A flood of identical per-stanza events (same kind, remote domain and
 * summary) does not fill the queue either: the first is queued, the others within
 * {@link #WINDOW} only raise a count, which becomes one row ("n more like this") when the window
 * has passed. {@link #flush} - called on the plugin's worker thread - hands everything queued to
 * the sink in batches of at most {@link #BATCH}.
 */
public final class EventWriter implements EventLog {
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final int BATCH = 500;
    /** Different floods coalesced at once; beyond, events go to the queue one by one. */
    static final int MAX_WINDOWS = 10_000;

    private record Key(EventKind kind, String remoteDomain, String summary) {
    }

    /** One minute of an event's repeats. */
    private static final class Window {
        private final Instant end;
        private int repeats;
        private FederationEvent last;
        private boolean closed;

        Window(Instant start) {
            end = start.plus(WINDOW);
        }

        synchronized boolean repeat(FederationEvent e) {
            if (closed || !e.time().isBefore(end)) {
                return false;
            }
            repeats++;
            last = e;
            return true;
        }

        /** The row that stands for the repeats, or {@code null}; no repeat is counted after this. */
        synchronized FederationEvent close() {
            closed = true;
            return repeats == 0 ? null : last.withRepeats(repeats);
        }

        boolean over(Instant now) {
            return !now.isBefore(end);
        }
    }

    private final Consumer<List<FederationEvent>> sink;
    private final Clock clock;
    private final String node;
    private final BlockingQueue<FederationEvent> queue;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param sink     writes one batch (in one transaction); an exception counts the batch as dropped
     * @param node     the cluster node this writer runs on
     * @param capacity events queued at most between two flushes
     */
    public EventWriter(Consumer<List<FederationEvent>> sink, Clock clock, String node, int capacity) {
        this.sink = sink;
        this.clock = clock;
        this.node = node;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void record(EventKind kind, String remoteDomain, String summary, String details, String adminUser) {
        FederationEvent e = new FederationEvent(clock.instant(), node, kind, remoteDomain, summary, details, adminUser, 0);
        if (!kind.perStanza()) {
            enqueue(e);
            return;
        }
        Key key = new Key(kind, e.remoteDomain(), e.summary());
        for (int attempt = 0; attempt < 3; attempt++) {
            Window w = windows.get(key);
            if (w != null) {
                if (w.repeat(e)) {
                    return;
                }
                close(key, w);
            }
            if (windows.size() >= MAX_WINDOWS) {
                break;
            }
            if (windows.putIfAbsent(key, new Window(e.time())) == null) {
                break;
            }
        }
        enqueue(e);
    }

    private void enqueue(FederationEvent e) {
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
        }
    }

    private void close(Key key, Window w) {
        if (windows.remove(key, w)) {
            FederationEvent repeats = w.close();
            if (repeats != null) {
                enqueue(repeats);
            }
        }
    }

    /**
     * Writes what is queued, the repeat counts of windows that are over, and the number of events
     * dropped since the last flush. Returns how many rows the sink took. Call it from one thread.
     */
    public int flush() {
        return flush(false);
    }

    /** Like {@link #flush()}, and closes every window now (the plugin is stopping). */
    public int flushAll() {
        return flush(true);
    }

    private int flush(boolean closeEverything) {
        Instant now = clock.instant();
        windows.forEach((key, w) -> {
            if (closeEverything || w.over(now)) {
                close(key, w);
            }
        });
        int written = 0;
        RuntimeException failure = null;
        List<FederationEvent> batch = new ArrayList<>(BATCH);
        while (true) {
            batch.clear();
            queue.drainTo(batch, BATCH);
            long lost = 0;
            if (batch.size() < BATCH) {
                // the queue is empty: room is back, so what was lost can be told
                lost = dropped.getAndSet(0);
                if (lost > 0) {
                    batch.add(new FederationEvent(clock.instant(), node, EventKind.EVENTS_DROPPED, null,
                        lost + " events were not recorded: the event queue was full or the database failed", null, null, 0));
                }
            }
            if (batch.isEmpty()) {
                break;
            }
            try {
                sink.accept(List.copyOf(batch));
                written += batch.size();
            } catch (RuntimeException e) {
                dropped.addAndGet(lost > 0 ? batch.size() - 1 + lost : batch.size());
                failure = e;
                break; // the next flush tries again, and reports what was lost
            }
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    /** Events waiting for the next flush. */
    public int queued() {
        return queue.size();
    }
}
