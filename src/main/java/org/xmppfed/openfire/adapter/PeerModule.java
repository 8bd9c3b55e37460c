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

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.admin.AuthCheckFilter;
import org.jivesoftware.admin.PluginFilter;
import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.server.RemoteServerConfiguration;
import org.jivesoftware.openfire.server.RemoteServerManager;
import org.jivesoftware.openfire.spi.ConnectionType;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.alias.ChatAliases;
import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.peer.PeerClient;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.PeerRegistry;
import org.xmppfed.openfire.peer.SignedRequestCheck;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.probe.XmppPing;
import org.xmppfed.openfire.route.RouteService;
import org.xmppfed.openfire.route.RouteTarget;
import org.xmppfed.openfire.route.StaticRoutes;
import org.xmppfed.openfire.store.JdbcPeerStore;
import org.xmppfed.openfire.store.SecretCipher;
import org.xmppfed.openfire.sync.PeerSync;
import org.xmppfed.openfire.sync.PushEndpoint;
import org.xmppfed.openfire.sync.SettingsTransfer;
import org.xmppfed.openfire.troubleshoot.LocalFacts;
import org.xmppfed.openfire.troubleshoot.NodeStatus;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotEndpoint;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;
import org.xmppfed.openfire.troubleshoot.Troubleshooter;
import org.xmppfed.openfire.troubleshoot.Verdict;
import org.xmppfed.openfire.web.PeerPushFilter;

/**
 * Peer clusters and the troubleshooter: the registry of peers (secrets stored with Openfire's
 * property encryption), the settings snapshot served to them at {@value #SNAPSHOT_PATH} outside the
 * admin login (every request signed; see {@link SignedRequestCheck}), the pushes of settings they send
 * to {@value #PUSH_PATH} (signed the same way, applied only from peers allowed to push; see
 * {@link PushEndpoint}) and this side of "compare and sync" ({@link PeerSync}), and the troubleshooter
 * with what it checks gathered from Openfire and the other capabilities; optionally run every N hours
 * ({@value #EVERY_HOURS}, 0 = only on demand). Listed last: the snapshot asks every other module.
 *
 * <p>The push endpoint is a filter registered with Openfire's {@link PluginFilter} (the same
 * {@code addPluginFilter(String, Filter)} and {@code removePluginFilter(String, String)} in 4.2.0 and
 * 5.1.1): Openfire's plugin servlet refuses every POST to a plugin that lacks the admin console's CSRF
 * token, which a peer cannot have; the filter answers before it.
 */
public final class PeerModule implements FederationModule {
    private static final Logger LOG = LoggerFactory.getLogger(PeerModule.class);
    /** The snapshot's path as Openfire's admin login filter sees it (relative to /plugins/). */
    static final String SNAPSHOT_PATH = "federation/" + Troubleshooter.SNAPSHOT_ENDPOINT;
    /** The push endpoint's path as the admin login filter sees it. */
    static final String PUSH_PATH = "federation/" + PeerSync.PUSH_ENDPOINT;
    /** The push endpoint's URL as Openfire's plugin filter matches it (from the admin console's root). */
    static final String PUSH_URL = "/plugins/" + PUSH_PATH;
    static final String EVERY_HOURS = "plugin.federation.troubleshooter.every-hours";

    private final String pluginVersion;
    private ModuleHost host;
    private Troubleshooter troubleshooter;
    private ScheduledFuture<?> scheduled;

    public PeerModule(String pluginVersion) {
        this.pluginVersion = pluginVersion;
    }

    @Override
    public void start(ModuleHost host) {
        this.host = host;
        Clock clock = Clock.systemUTC();
        PeerRegistry registry = new PeerRegistry(new JdbcPeerStore(DbConnectionManager::getConnection, new OpenfireCipher()), clock);
        troubleshooter = new Troubleshooter(new OpenfireSources(registry), new PeerClient(clock), clock);
        // One nonce memory, shared by the whole cluster, for both signed endpoints.
        SignedRequestCheck requests = new SignedRequestCheck(clock, PeerNonceCache.memory());
        SnapshotEndpoint endpoint = new SnapshotEndpoint(requests, registry::peers, troubleshooter, clock);
        SettingsTransfer transfer = new SettingsTransfer(() -> host.service(PolicyService.class), () -> host.service(RouteService.class),
            () -> host.service(ChatAliases.class), () -> host.service(EmailFederation.class), host.database(), clock);
        PushEndpoint push = new PushEndpoint(requests, registry::peers, transfer, EventModule.events(host), clock);
        PeerSync sync = new PeerSync(troubleshooter, PeerClient.withTimeouts(clock, PeerSync.PUSH_READ_TIMEOUT, PeerSync.PUSH_DEADLINE), transfer);
        ClusterNodeStatuses.publish(this::thisNode);
        AuthCheckFilter.addExclude(SNAPSHOT_PATH);
        AuthCheckFilter.addExclude(PUSH_PATH);
        PluginFilter.addPluginFilter(PUSH_URL, new PeerPushFilter());
        int hours = JiveGlobals.getIntProperty(EVERY_HOURS, 0);
        if (hours > 0) {
            scheduled = host.worker().every(hours, hours, TimeUnit.HOURS, "scheduled troubleshooter run",
                () -> troubleshooter.runInBackground(this::reportScheduled));
        }
        host.publish(PeerRegistry.class, registry);
        host.publish(Troubleshooter.class, troubleshooter);
        host.publish(SnapshotEndpoint.class, endpoint);
        host.publish(PushEndpoint.class, push);
        host.publish(PeerSync.class, sync);
    }

    @Override
    public void stop() {
        ClusterNodeStatuses.publish(null);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        PluginFilter.removePluginFilter(PUSH_URL, PeerPushFilter.class.getName());
        AuthCheckFilter.removeExclude(PUSH_PATH);
        AuthCheckFilter.removeExclude(SNAPSHOT_PATH);
        troubleshooter.close();
    }

    private void reportScheduled(org.xmppfed.openfire.troubleshoot.Report report) {
        if (report.verdict() != Verdict.PASS) {
            LOG.warn("Module=\"XMPPFederation\" The scheduled troubleshooter run found problems ({}); see Federation > Troubleshooter.",
                report.verdict());
        }
    }

    /** Secrets at rest through Openfire's property encryption (same API in 4.2.0 and 5.1.1). */
    private static final class OpenfireCipher implements SecretCipher {
        @Override
        public String encrypt(String plain) {
            return JiveGlobals.getPropertyEncryptor().encrypt(plain);
        }

        @Override
        public String decrypt(String stored) {
            return JiveGlobals.getPropertyEncryptor().decrypt(stored);
        }
    }

    /** What the troubleshooter checks, read from Openfire and the running capabilities at each run. */
    private final class OpenfireSources implements Troubleshooter.Sources {
        private final PeerRegistry registry;
        private final XmppPing ping = new OpenfirePing();

        OpenfireSources(PeerRegistry registry) {
            this.registry = registry;
        }

        @Override
        public SettingsSnapshot snapshot(SnapshotContext context) {
            List<SnapshotItem> items = new ArrayList<>(host.snapshotItems(context));
            items.addAll(S2sSecuritySnapshot.items(context));
            return new SettingsSnapshot(SettingsSnapshot.SCHEMA, host.xmppDomain(), pluginVersion, openfireVersion(), items,
                ClusterNodeStatuses.everyNode(thisNode()));
        }

        @Override
        public List<PeerCluster> peers() {
            return registry.peers();
        }

        @Override
        public LocalFacts localFacts() {
            FederationPolicy policy = host.service(PolicyService.class).current();
            String listenHost = JiveGlobals.getXMLProperty("network.interface");
            if (listenHost == null || listenHost.isBlank()) {
                listenHost = host.hostName();
            }
            boolean directTls = JiveGlobals.getBooleanProperty("xmpp.server.socket.ssl.active", false);
            Boolean whitelist = null;
            Map<String, Boolean> entries = new HashMap<>();
            try {
                whitelist = RemoteServerManager.getPermissionPolicy() == RemoteServerManager.PermissionPolicy.whitelist;
                for (RemoteServerConfiguration c : RemoteServerManager.getAllowedServers()) {
                    entries.put(c.getDomain(), true);
                }
                for (RemoteServerConfiguration c : RemoteServerManager.getBlockedServers()) {
                    entries.put(c.getDomain(), false);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not read Openfire's server permission list", e);
                whitelist = null;
            }
            return new LocalFacts(host.xmppDomain(), host.hostName(), host.servedNames(), s2sEnabled(), listenHost, s2sPort(),
                directTls ? JiveGlobals.getIntProperty("xmpp.server.socket.ssl.port", 5270) : -1,
                OurAddresses.of(host.hostName()), policy, sharedEmails(), whitelist, entries, staticRoutes());
        }

        private StaticRoutes staticRoutes() {
            RouteService routes = host.service(RouteService.class);
            return routes == null ? StaticRoutes.none() : routes.current();
        }

        @Override
        public String xmppDomain() {
            return host.xmppDomain();
        }

        @Override
        public FederationPolicy policy() {
            return host.service(PolicyService.class).current();
        }

        @Override
        public Optional<XmppPing> ping() {
            return Optional.of(ping);
        }

        @Override
        public SrvCheck dns() {
            return new SrvCheck(OurAddresses.dnsServer(), Duration.ofSeconds(3));
        }

        /**
         * Where Openfire would connect for {@code domain} without DNS: the first of the plugin's static routes
         * while they are in use, else Openfire's own DNS override as it is in force now (asked of the hook that
         * wraps it, see {@link DnsOverrideHook#openfireOverride}).
         */
        @Override
        public Optional<String> staticRoute(String domain) {
            RouteService routes = host.service(RouteService.class);
            Optional<String> route = routes == null ? Optional.empty()
                : routes.current().targetsFor(domain).stream().findFirst().map(RouteTarget::toString);
            if (route.isPresent()) {
                return route;
            }
            DnsOverrideHook hook = host.service(DnsOverrideHook.class);
            return hook == null ? Optional.empty() : hook.openfireOverride(domain);
        }

        /** Openfire's S2S trust store ({@code getTrustStore(ConnectionType)} and {@code getStore()}: same in 4.2.0 and 5.1.1). */
        @Override
        public java.security.KeyStore trustStore() {
            try {
                return XMPPServer.getInstance().getCertificateStoreManager().getTrustStore(ConnectionType.SOCKET_S2S).getStore();
            } catch (RuntimeException e) {
                LOG.warn("Could not read Openfire's S2S trust store; partner certificates are checked against Java's", e);
                return null;
            }
        }

        private Map<String, Set<String>> sharedEmails() {
            EmailFederation email = host.service(EmailFederation.class);
            Map<String, Set<String>> shared = new TreeMap<>();
            if (email != null) {
                for (EmailIndex.UnusableEmail u : email.index().unusable()) {
                    if (u.reasonKey().equals("email.user.reason.shared")) {
                        shared.computeIfAbsent(u.email().strip().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(u.username());
                    }
                }
            }
            return shared;
        }
    }

    /**
     * This node's part of the snapshot, named as the Status and Connections pages name nodes (Openfire's
     * node ID): whether federation is active here and the values every node of a cluster must share.
     */
    private NodeStatus thisNode() {
        PolicyService policy = host.service(PolicyService.class);
        List<SnapshotItem> items = List.of(
            SnapshotItem.value("plugin-version", pluginVersion).whenDifferent(Verdict.WARN),
            SnapshotItem.value("openfire-version", openfireVersion()).whenDifferent(Verdict.WARN),
            SnapshotItem.value("s2s-port", s2sEnabled() ? Integer.toString(s2sPort()) : "off"),
            SnapshotItem.entries("certificates", certificates()).whenDifferent(Verdict.WARN));
        return new NodeStatus(EventModule.nodeName(host.hostName()), policy != null && policy.current().enabled() && s2sEnabled(), items);
    }

    private static boolean s2sEnabled() {
        return JiveGlobals.getBooleanProperty("xmpp.server.socket.active", true);
    }

    private static int s2sPort() {
        return JiveGlobals.getIntProperty("xmpp.server.socket.port", 5269);
    }

    private static String openfireVersion() {
        return XMPPServer.getInstance().getServerInfo().getVersion().getVersionString();
    }

    /**
     * The S2S identity store's certificates: alias to the names they carry and their expiry.
     * {@code CertificateStoreManager.getIdentityStore(ConnectionType)} and {@code getAllCertificates()}
     * have the same signatures in 4.2.0 and 5.1.1.
     */
    static Map<String, String> certificates() {
        Map<String, String> result = new HashMap<>();
        try {
            Map<String, X509Certificate> all = XMPPServer.getInstance().getCertificateStoreManager()
                .getIdentityStore(ConnectionType.SOCKET_S2S).getAllCertificates();
            for (Map.Entry<String, X509Certificate> e : all.entrySet()) {
                X509Certificate c = e.getValue();
                result.put(e.getKey(), String.join(" ", names(c)) + "; until " + c.getNotAfter().toInstant().toString().substring(0, 10));
            }
        } catch (Exception e) {
            LOG.debug("Could not read the S2S identity store", e);
            result.put("(unreadable)", String.valueOf(e.getMessage()));
        }
        return result;
    }

    private static Set<String> names(X509Certificate c) {
        Set<String> names = new TreeSet<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // the subject's name alone then
        }
        if (names.isEmpty()) {
            names.add(c.getSubjectX500Principal().getName());
        }
        return names;
    }
}
