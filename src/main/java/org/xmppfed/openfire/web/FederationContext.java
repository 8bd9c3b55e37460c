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
package org.xmppfed.openfire.web;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.xmppfed.openfire.connections.FederationNodes;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.metrics.MetricsEndpoint;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.route.RouteService;
import org.xmppfed.openfire.store.EventStore;

/**
 * What the admin pages work with; the plugin builds it when it starts. {@code services} holds
 * what each running capability publishes for its pages, by type. {@code awaitEnforcement}
 * returns once this node has applied every change made so far to Openfire's own connection
 * settings (which happens off the request thread), bounded.
 */
public record FederationContext(Map<Class<?>, Object> services, AuditLog audit, Supplier<Locale> locale, String hostName,
                                Runnable awaitEnforcement) {

    private static volatile FederationContext current;

    /** Published by the plugin on start, withdrawn on stop. */
    public static void publish(FederationContext context) {
        current = context;
    }

    public static FederationContext current() {
        FederationContext c = current;
        if (c == null) {
            throw new IllegalStateException("The federation plugin is not running");
        }
        return c;
    }

    /** The service a capability published under {@code type}. */
    public <T> T service(Class<T> type) {
        Object s = services.get(type);
        if (s == null) {
            throw new IllegalStateException("The federation capability behind " + type.getSimpleName() + " is not running");
        }
        return type.cast(s);
    }

    public PolicyService policy() {
        return service(PolicyService.class);
    }

    public RouteService routes() {
        return service(RouteService.class);
    }

    public PolicyCounters counters() {
        return service(PolicyCounters.class);
    }

    public EmailFederation email() {
        return service(EmailFederation.class);
    }

    /** Every cluster node's federation state and S2S sessions. */
    public FederationNodes nodes() {
        return service(FederationNodes.class);
    }

    public MetricsEndpoint metrics() {
        return service(MetricsEndpoint.class);
    }

    /** The federation event log's stored events. */
    public EventStore events() {
        return service(EventStore.class);
    }
}
