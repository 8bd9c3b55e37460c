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

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.session.DomainPair;
import org.jivesoftware.openfire.session.LocalSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.route.RouteSelector;
import org.xmppfed.openfire.route.RouteService;
import org.xmppfed.openfire.route.StaticRoutes;
import org.xmppfed.openfire.store.JdbcStaticRouteStore;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * Static routes: the routes and their switches (reloaded on every node when they change), the hook
 * that makes Openfire connect by them ({@link DnsOverrideHook}), the policy's automatic allowance of
 * routed domains, and the closing of outgoing sessions whose routes changed, so that the next
 * connection follows the new routes. Starts after the policy, whose service it feeds.
 */
public final class RouteModule implements FederationModule {
    private static final Logger LOG = LoggerFactory.getLogger(RouteModule.class);
    /** How long one route target may take to accept a connection before the next is tried. */
    static final String CONNECT_TIMEOUT_MS = "plugin.federation.routes.connect-timeout-ms";

    private Worker worker;
    private EventLog events;
    private PolicyService policy;
    private JiveRouteSettings settings;
    private RouteService routes;
    private DnsOverrideHook hook;
    private ScheduledFuture<?> keeper;
    private volatile StaticRoutes applied = StaticRoutes.none();

    @Override
    public void start(ModuleHost host) {
        worker = host.worker();
        events = EventModule.events(host);
        policy = host.service(PolicyService.class);
        settings = new JiveRouteSettings(() -> worker.coalesced("static routes reload", routes::reload));
        routes = new RouteService(new JdbcStaticRouteStore(host.database()), settings, host::ownNameUse, Clock.systemUTC());
        routes.addListener(this::apply);
        try {
            routes.reload();
        } catch (RuntimeException e) {
            LOG.error("Module=\"XMPPFederation\" Could not load the static routes; every domain is looked up in DNS until they load", e);
        }
        RouteResolution resolution = new RouteResolution(routes::current, RouteSelector.overTcp(),
            () -> Math.max(100, JiveGlobals.getIntProperty(CONNECT_TIMEOUT_MS, 5000)), events);
        hook = DnsOverrideHook.forThisOpenfire(resolution::targetFor);
        if (hook != null) {
            hook.install();
            host.publish(DnsOverrideHook.class, hook);
            keeper = worker.every(2, 2, TimeUnit.SECONDS, "keeping the static routes in force", hook::keepInstalled);
        }
        settings.start();
        host.publish(RouteService.class, routes);
    }

    @Override
    public void stop() {
        settings.stop();
        if (keeper != null) {
            keeper.cancel(false);
        }
        if (hook != null) {
            hook.uninstall();
        }
        policy.routedDomains(Set.of());
    }

    @Override
    public Optional<Phrase> useOf(String domain) {
        RouteService r = routes;
        return r != null && !r.current().configuredFor(domain).isEmpty() ? Optional.of(new Phrase("use.static-route")) : Optional.empty();
    }

    /** A new snapshot: the policy learns the routed domains now; sessions whose routes changed close off this thread. */
    private void apply(StaticRoutes next) {
        StaticRoutes previous = applied;
        applied = next;
        policy.routedDomains(next.automaticallyAllowed());
        Set<String> changed = new HashSet<>(previous.domains());
        changed.addAll(next.domains());
        changed.removeIf(d -> previous.targetsFor(d).equals(next.targetsFor(d)));
        if (!changed.isEmpty()) {
            worker.execute("closing sessions whose static routes changed", () -> closeOutgoing(changed));
        }
    }

    private void closeOutgoing(Set<String> domains) {
        SessionManager sessions = SessionManager.getInstance();
        if (sessions == null) {
            return;
        }
        for (DomainPair pair : sessions.getOutgoingDomainPairs()) {
            if (domains.contains(pair.getRemote())) {
                OutgoingServerSession session = sessions.getOutgoingServerSession(pair);
                if (session instanceof LocalSession) {
                    events.record(EventKind.CONNECTION_CLOSED, pair.getRemote(), "Closed outgoing S2S session " + pair.getLocal() + " -> "
                        + pair.getRemote() + ": its static routes changed", "reason: static routes", null);
                    session.close();
                }
            }
        }
    }

    /** The routes as peer clusters compare them: the switches, and each domain with its targets. */
    @Override
    public List<SnapshotItem> snapshotItems(SnapshotContext context) {
        RouteService service = routes;
        if (service == null) {
            return List.of();
        }
        StaticRoutes current = service.current();
        Map<String, String> byDomain = current.targetsByDomain();
        return List.of(
            SnapshotItem.value("routes.switch", (current.enabled() ? "on" : "off") + (current.allowedAutomatically() ? ", allowed automatically" : "")),
            SnapshotItem.entries("routes", byDomain));
    }
}
