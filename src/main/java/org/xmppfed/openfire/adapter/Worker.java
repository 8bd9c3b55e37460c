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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's one background thread. Modules hand it everything that must not run on a stanza or
 * request thread (reloads, Openfire settings projections, session sweeps); work never throws out
 * of it (a failure is logged). Requests for the same work while one is queued share it.
 */
public final class Worker {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private final ScheduledThreadPoolExecutor executor;
    private final Set<String> pendingKeys = ConcurrentHashMap.newKeySet();

    Worker() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "federation-worker");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code work} soon; ignored once the plugin is stopping. */
    public void execute(String what, Runnable work) {
        try {
            executor.execute(() -> guarded(what, work));
        } catch (RejectedExecutionException stopping) {
            // the plugin is stopping; nothing more is applied
        }
    }

    /** Runs {@code work} soon, unless the same {@code key} is already queued. */
    public void coalesced(String key, Runnable work) {
        if (pendingKeys.add(key)) {
            try {
                executor.execute(() -> {
                    pendingKeys.remove(key);
                    guarded(key, work);
                });
            } catch (RejectedExecutionException stopping) {
                pendingKeys.remove(key);
            }
        }
    }

    /** Runs {@code work} every {@code period}; the returned handle cancels it (a module's stop does). */
    public ScheduledFuture<?> every(long initialDelay, long period, TimeUnit unit, String what, Runnable work) {
        return executor.scheduleWithFixedDelay(() -> guarded(what, work), initialDelay, period, unit);
    }

    /**
     * Runs {@code work} after everything queued so far and waits for it (at most 30 s): a module's
     * final clean-up, or a page waiting until this node has applied a change.
     */
    public void runAndWait(String what, Runnable work) {
        try {
            executor.submit(() -> guarded(what, work)).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Federation plugin: {} has not finished after 30 seconds", what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException stopping) {
            // the plugin is stopping; nothing more will be applied
        }
    }

    /** Waits until everything queued so far is done (bounded). */
    public void awaitQueued() {
        runAndWait("applying the latest change", () -> { });
    }

    void shutdown() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The federation worker thread did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Federation plugin: {} failed", what, e);
        }
    }
}
