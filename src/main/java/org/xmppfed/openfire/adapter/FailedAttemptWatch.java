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

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.util.cache.Cache;
import org.jivesoftware.util.cache.CacheFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.connections.OutboundFailure;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.metrics.DomainCounters;
import org.xmppfed.openfire.metrics.MetricFamily;
import org.xmppfed.openfire.policy.Direction;

/**
 * Failed outgoing S2S attempts, as Openfire 5.1 records them: {@code OutgoingSessionPromise} keeps
 * the latest failure per remote domain (a {@code FailedOutgoingServerSessionAttempt} with the
 * exception's class and message) in the clustered cache "Routing Failed Servers Cache". Each new
 * entry becomes an event with Openfire's reason: {@link EventKind#CERTIFICATE_PROBLEM},
 * {@link EventKind#CONNECTION_REFUSED} or {@link EventKind#ROUTE_FAILURE} (see
 * {@link OutboundFailure}). The entry class exists only in 5.x, so its getters are called by
 * reflection here; on an Openfire without the cache nothing is found. The cache is shared by the
 * cluster, so only the settings keeper reports it.
 */
final class FailedAttemptWatch {
    static final String CACHE = "Routing Failed Servers Cache";
    private static final Logger LOG = LoggerFactory.getLogger(FailedAttemptWatch.class);

    private final EventLog events;
    private final Map<String, Instant> seen = new HashMap<>();
    private final DomainCounters refusals = new DomainCounters();
    private final DomainCounters failures = new DomainCounters();
    private Cache<Object, Object> cache;

    FailedAttemptWatch(EventLog events) {
        this.events = events;
    }

    void start() {
        cache = CacheFactory.createCache(CACHE);
        seen.clear();
        read(false); // what failed before the plugin started is not news
    }

    void poll() {
        if (cache != null && ModuleHost.isSettingsKeeper()) {
            read(true);
        }
    }

    private void read(boolean report) {
        for (Map.Entry<Object, Object> e : Map.copyOf(cache).entrySet()) {
            Object attempt = e.getValue();
            Instant when = (Instant) get(attempt, "getWhen");
            String domain = String.valueOf(e.getKey());
            if (when == null || when.equals(seen.get(domain))) {
                continue;
            }
            if (seen.size() > 10_000) {
                seen.clear();
            }
            seen.put(domain, when);
            if (report) {
                reported(domain, attempt);
            }
        }
    }

    private void reported(String domain, Object attempt) {
        String type = (String) get(attempt, "getErrorType");
        String message = (String) get(attempt, "getErrorMessage");
        String local = (String) get(attempt, "getLocalDomain");
        EventKind kind = OutboundFailure.kind(type, message);
        String reason = (type == null ? "" : type.substring(type.lastIndexOf('.') + 1)) + (message == null ? "" : ": " + message);
        String summary = switch (kind) {
            case CERTIFICATE_PROBLEM -> "Outgoing S2S connection to " + domain + " failed on the certificate";
            case CONNECTION_REFUSED -> "Outgoing S2S connection to " + domain + " refused";
            default -> "No route to " + domain + ": the outgoing S2S connection failed";
        };
        if (kind == EventKind.CONNECTION_REFUSED) {
            refusals.increment(domain, Direction.OUTGOING);
        }
        failures.increment(domain, Direction.OUTGOING);
        events.record(kind, domain, summary, "Openfire: " + reason + (local == null ? "" : "; from " + local), null);
    }

    private static Object get(Object target, String getter) {
        if (target == null) {
            return null;
        }
        try {
            Method m = target.getClass().getMethod(getter);
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Could not read {} of a failed S2S attempt", getter, e);
            return null;
        }
    }

    List<MetricFamily> metrics() {
        return List.of(refusals.family("xmppfed_session_refusals", "Outgoing federated (S2S) connections the remote side refused"),
            failures.family("xmppfed_session_failures", "Outgoing federated (S2S) connections that failed (refused, certificate, no route)"));
    }
}
