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

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.connections.FakeNodes;
import org.xmppfed.openfire.connections.FederationNodes;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.metrics.MetricRegistry;
import org.xmppfed.openfire.metrics.MetricsEndpoint;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.peer.PeerClient;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.PeerRegistry;
import org.xmppfed.openfire.peer.SignedRequestCheck;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.store.JdbcPeerStore;
import org.xmppfed.openfire.store.SecretCipher;
import org.xmppfed.openfire.troubleshoot.LocalFacts;
import org.xmppfed.openfire.troubleshoot.NodeStatus;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotEndpoint;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;
import org.xmppfed.openfire.troubleshoot.Troubleshooter;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.email.EmailUsers;
import org.xmppfed.openfire.email.MemoryEmailSettings;
import org.xmppfed.openfire.policy.MemoryPolicySettings;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.policy.PolicySettingsStore;
import org.xmppfed.openfire.route.MemoryRouteSettings;
import org.xmppfed.openfire.route.RouteService;
import org.xmppfed.openfire.store.EventStore;
import org.xmppfed.openfire.store.JdbcEmailDomainStore;
import org.xmppfed.openfire.store.JdbcEventStore;
import org.xmppfed.openfire.store.JdbcPolicyExceptionStore;
import org.xmppfed.openfire.store.JdbcStaticRouteStore;
import org.xmppfed.openfire.store.TestDatabases;

/** A policy service on a real HSQLDB, and requests/responses good enough to drive a page. */
final class PageFixture {
    final List<String> audit = new ArrayList<>();
    final PolicyService policy;
    final RouteService routes;
    final MemoryRouteSettings routeSettings = new MemoryRouteSettings();
    final FederationContext context;
    final EmailIndex index;
    final EmailFederation email;
    final JdbcEventStore events = new JdbcEventStore(TestDatabases.hsqldb());
    int rereads;
    int enforcementWaits;
    final MemoryEmailSettings emailSettings = new MemoryEmailSettings();
    FakeNodes nodes = FakeNodes.synthetic(6, 3);
    final MetricRegistry metricRegistry = new MetricRegistry();
    String tokenDigest = "";
    final MetricsEndpoint metrics = new MetricsEndpoint(metricRegistry, new MetricsEndpoint.TokenStore() {
        @Override
        public String digest() {
            return tokenDigest;
        }

        @Override
        public void setDigest(String digest) {
            tokenDigest = digest;
        }
    }, 50);
    final org.xmppfed.openfire.security.MemorySecurityControl security = new org.xmppfed.openfire.security.MemorySecurityControl();
    final org.xmppfed.openfire.certs.MemoryCertificateStores certificateStores = new org.xmppfed.openfire.certs.MemoryCertificateStores();
    final List<org.xmppfed.openfire.certs.RequiredName> requiredNames = new ArrayList<>(List.of(
        new org.xmppfed.openfire.certs.RequiredName("openfire.test", "XMPP domain")));
    final org.xmppfed.openfire.certs.CertificateService certificates = new org.xmppfed.openfire.certs.CertificateService(
        certificateStores, () -> List.copyOf(requiredNames), Clock.systemUTC());
    /** Chat node aliases on a real HSQLDB; the server has the group chat services below. */
    final org.xmppfed.openfire.alias.ChatAliases aliases;
    final java.util.Set<String> chatServices = new java.util.TreeSet<>(java.util.Set.of("conference.openfire.test", "rooms.openfire.test"));
    int aliasAnnouncements;
    final PeerRegistry peers = new PeerRegistry(new JdbcPeerStore(TestDatabases.hsqldb(), SecretCipher.NONE), Clock.systemUTC());
    final Troubleshooter troubleshooter;
    /** The pings the troubleshooter's probes sent ("from -> to"). */
    final List<String> pings = new java.util.concurrent.CopyOnWriteArrayList<>();
    final SnapshotEndpoint snapshotEndpoint;
    /** One database for the stores a push or pull changes together. */
    final org.xmppfed.openfire.store.TransactionScope database = new org.xmppfed.openfire.store.TransactionScope(TestDatabases.hsqldb());
    final org.xmppfed.openfire.sync.SettingsTransfer transfer;
    final org.xmppfed.openfire.sync.PeerSync sync;

    PageFixture() {
        PolicySettingsStore settings = new MemoryPolicySettings();
        policy = new PolicyService(new JdbcPolicyExceptionStore(database), settings, Clock.systemUTC());
        policy.reload();
        routes = new RouteService(new JdbcStaticRouteStore(database), routeSettings,
            d -> d.equals("openfire.test") ? Optional.of(new org.xmppfed.openfire.policy.Phrase("use.local-domain")) : Optional.empty(),
            Clock.systemUTC());
        routes.addListener(r -> policy.routedDomains(r.automaticallyAllowed()));
        routes.reload();
        index = new EmailIndex("openfire.test");
        email = new EmailFederation(new JdbcEmailDomainStore(database), emailSettings, index,
            d -> d.equals("openfire.test") || d.endsWith(".openfire.test"), Clock.systemUTC());
        email.reload();
        aliases = new org.xmppfed.openfire.alias.ChatAliases(new org.xmppfed.openfire.store.JdbcChatAliasStore(database),
            new org.xmppfed.openfire.alias.ChatAliases.Names() {
                @Override
                public boolean isServerDomain(String domain) {
                    return domain.equals("openfire.test") || chatServices.contains(domain);
                }

                @Override
                public java.util.Set<String> chatServices() {
                    return chatServices;
                }

                @Override
                public java.util.Optional<org.xmppfed.openfire.policy.Phrase> otherUseOf(String domain) {
                    return policy.find(domain).isPresent() ? java.util.Optional.of(new org.xmppfed.openfire.policy.Phrase("use.policy-exception"))
                        : java.util.Optional.empty();
                }
            }, () -> aliasAnnouncements++, Clock.systemUTC());
        aliases.reload();
        troubleshooter = new Troubleshooter(new FixtureSources(), new PeerClient(Clock.systemUTC()), Clock.systemUTC());
        snapshotEndpoint = new SnapshotEndpoint(new SignedRequestCheck(Clock.systemUTC()), peers::peers, troubleshooter, Clock.systemUTC());
        transfer = new org.xmppfed.openfire.sync.SettingsTransfer(() -> policy, () -> routes, () -> aliases, () -> email, database,
            Clock.systemUTC());
        sync = new org.xmppfed.openfire.sync.PeerSync(troubleshooter, PeerClient.withTimeouts(Clock.systemUTC(), Duration.ofSeconds(5),
            Duration.ofSeconds(10)), transfer);
        Map<Class<?>, Object> services = new HashMap<>();
        services.put(org.xmppfed.openfire.alias.ChatAliases.class, aliases);
        services.put(PolicyService.class, policy);
        services.put(RouteService.class, routes);
        services.put(PolicyCounters.class, new PolicyCounters());
        services.put(EmailFederation.class, email);
        services.put(EventStore.class, events);
        services.put(EmailUsers.class, (EmailUsers) () -> rereads++);
        services.put(FederationNodes.class, (FederationNodes) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {FederationNodes.class}, (proxy, method, args) -> {
                try {
                    return method.invoke(nodes, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
        services.put(MetricsEndpoint.class, metrics);
        services.put(org.xmppfed.openfire.security.SecurityControl.class, security);
        services.put(org.xmppfed.openfire.certs.CertificateService.class, certificates);
        services.put(PeerRegistry.class, peers);
        services.put(Troubleshooter.class, troubleshooter);
        services.put(SnapshotEndpoint.class, snapshotEndpoint);
        services.put(org.xmppfed.openfire.sync.PeerSync.class, sync);
        context = new FederationContext(services, (req, summary, details) -> audit.add(summary + ": " + details),
            () -> Locale.ENGLISH, "xmpp.openfire.test", () -> enforcementWaits++);
    }

    /** What the troubleshooter sees here: this fixture's policy and email settings, no listener, a resolver that is not there. */
    private final class FixtureSources implements Troubleshooter.Sources {
        @Override
        public SettingsSnapshot snapshot(SnapshotContext context) {
            FederationPolicy p = policy.current();
            Map<String, String> exceptions = new HashMap<>();
            p.exceptions().forEach(e -> exceptions.put(e.pattern().toString(), e.direction().name()));
            return new SettingsSnapshot(SettingsSnapshot.SCHEMA, "openfire.test", "1.3.0", "5.1.1", List.of(
                SnapshotItem.value("policy.switch", p.enabled() ? "on" : "off"),
                SnapshotItem.value("policy.default", p.defaultPolicy().name()),
                SnapshotItem.entries("policy.exceptions", exceptions),
                SnapshotItem.value("security.dialback-secret", "digest " + context.digest().apply("dialback"))),
                List.of(new NodeStatus("node1", p.enabled(), List.of(SnapshotItem.value("plugin-version", "1.3.0")))));
        }

        @Override
        public List<PeerCluster> peers() {
            return peers.peers();
        }

        @Override
        public LocalFacts localFacts() {
            return new LocalFacts("openfire.test", "xmpp.openfire.test", List.of(), true, "127.0.0.1", 1, -1, Set.of("127.0.0.1"),
                policy.current(), Map.of(), true, Map.of(), org.xmppfed.openfire.route.StaticRoutes.none());
        }

        @Override
        public SrvCheck dns() {
            return new SrvCheck("127.0.0.1:1", Duration.ofMillis(300));
        }

        /** A partner without XMPP ping: every ping is answered with service-unavailable at once. */
        @Override
        public java.util.Optional<org.xmppfed.openfire.probe.XmppPing> ping() {
            return java.util.Optional.of((from, to, timeout) -> {
                pings.add(from + " -> " + to);
                return java.util.concurrent.CompletableFuture.completedFuture(
                    org.xmppfed.openfire.probe.XmppPing.Answer.error("service-unavailable", "", 3));
            });
        }
    }

    /** The result of one request. */
    static final class Exchange {
        final StringWriter body = new StringWriter();
        String redirect;
        int error;
    }

    static Exchange run(javax.servlet.http.HttpServlet servlet, String method, Map<String, String> params, boolean csrf)
        throws IOException {
        HttpServletRequest request = mock(HttpServletRequest.class);
        Map<String, String> p = new HashMap<>(params);
        when(request.getMethod()).thenReturn(method);
        when(request.getParameter(anyString())).thenAnswer(a -> p.get(a.getArgument(0, String.class)));
        when(request.getAttribute("csrf")).thenReturn(csrf ? "TOKEN123" : null);
        HttpServletResponse response = mock(HttpServletResponse.class);
        Exchange x = new Exchange();
        when(response.getWriter()).thenReturn(new PrintWriter(x.body));
        doAnswer(a -> x.redirect = a.getArgument(0)).when(response).sendRedirect(anyString());
        doAnswer(a -> x.error = a.getArgument(0)).when(response).sendError(org.mockito.ArgumentMatchers.anyInt(), anyString());
        try {
            servlet.service(request, response);
        } catch (javax.servlet.ServletException e) {
            throw new IOException(e);
        }
        return x;
    }
}
