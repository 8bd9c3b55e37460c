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
package org.xmppfed.openfire.bench;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventWriter;
import org.xmppfed.openfire.store.JdbcEventStore;
import org.xmppfed.openfire.store.TestDatabases;

/**
 * What a flood of denials costs the stanza path: two threads (the VM's two cores) call
 * {@link EventWriter#record} for denied stanzas as fast as they can while the writer's flush runs
 * every 2 s on its own thread into the real event table (HSQLDB), as the plugin's worker does. With
 * few distinct domains the repeats are coalesced; with {@code domains} = 1 000 000 nearly every denial
 * is a new row, the queue (10 000, as in the plugin) fills between flushes and the rest is dropped
 * and counted - the call must stay as fast either way. Throughput mode gives the sustained
 * denials per second; the rows written and dropped are printed at the end of each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Threads(2)
@Fork(1)
public class EventWriterBenchmark {
    @Param({"10", "1000000"})
    public int domains;

    private EventWriter writer;
    private Thread flusher;
    private volatile boolean running;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong counter = new AtomicLong();
    private JdbcEventStore store;

    @Setup(Level.Trial)
    public void setUp() {
        store = new JdbcEventStore(TestDatabases.hsqldb());
        writer = new EventWriter(batch -> {
            store.insert(batch);
            written.addAndGet(batch.size());
        }, Clock.systemUTC(), "bench", 10_000);
        running = true;
        flusher = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
                writer.flush();
            }
        }, "event-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        running = false;
        flusher.interrupt();
        flusher.join(10_000);
        writer.flushAll();
        System.out.println("domains=" + domains + ": " + counter.get() + " denials recorded, " + written.get()
            + " rows written (repeats coalesced; drops reported as EVENTS_DROPPED rows)");
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void recordDenial() {
        long n = counter.incrementAndGet();
        String domain = "d" + (n % domains) + ".example";
        writer.record(EventKind.STANZA_DENIED, domain, "Denied incoming message from " + domain, "rule: default DENY", null);
    }
}
