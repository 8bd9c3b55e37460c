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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

import org.jivesoftware.database.DbConnectionManager;
import org.xmppfed.openfire.certs.RequiredName;
import org.xmppfed.openfire.metrics.MetricRegistry;
import org.xmppfed.openfire.store.TransactionScope;

/**
 * What the plugin gives its modules: the shared worker thread, Openfire's own names, the error
 * sender, the metric registry, and a place to publish what the admin pages need from a capability.
 */
public final class ModuleHost {
    private final Worker worker;
    private final LocalDomains openfireDomains;
    private final String xmppDomain;
    private final String hostName;
    private final ErrorSender errors;
    private final GatewayDomains gateway;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private volatile Function<String, Optional<Phrase>> nameUses = domain -> Optional.empty();
    private final SessionClosures closures = new SessionClosures();
    private final MetricRegistry metrics = new MetricRegistry();
    private volatile Supplier<List<RequiredName>> certificateNames = List::of;
    private volatile Function<String, Optional<Phrase>> ownNameUses = domain -> Optional.empty();
    private volatile Function<SnapshotContext, List<SnapshotItem>> snapshotItems = context -> List.of();
    private volatile Supplier<List<String>> servedNames = List::of;
    private final TransactionScope database = new TransactionScope(DbConnectionManager::getConnection);

    ModuleHost(Worker worker, LocalDomains openfireDomains, String xmppDomain, String hostName, ErrorSender errors,
               GatewayDomains gateway) {
        this.gateway = gateway;
        this.worker = worker;
        this.openfireDomains = openfireDomains;
        this.xmppDomain = xmppDomain;
        this.hostName = hostName;
        this.errors = errors;
    }

    public Worker worker() {
        return worker;
    }

    /**
     * Openfire's database, for the stores of settings that a peer cluster's push or pull changes
     * together: built on it, they can write in one transaction ({@link TransactionScope#inOneTransaction}).
     */
    public TransactionScope database() {
        return database;
    }

    /** Openfire's XMPP domain and its components' domains (not the names the modules add). */
    public LocalDomains openfireDomains() {
        return openfireDomains;
    }

    public String xmppDomain() {
        return xmppDomain;
    }

    public String hostName() {
        return hostName;
    }

    /** Where a capability offers the names it makes the server answer for (Openfire's trunking settings). */
    GatewayDomains gateway() {
        return gateway;
    }

    public ErrorSender errors() {
        return errors;
    }

    /** The S2S sessions the plugin closed itself (whoever closes one records why). */
    SessionClosures closures() {
        return closures;
    }

    /** Where capabilities register what they contribute to the metrics endpoint. */
    public MetricRegistry metrics() {
        return metrics;
    }

    /**
     * How any running capability already uses {@code domain} (see {@link FederationModule#useOf}),
     * or empty: the one place a capability asks before it takes a name as its own.
     */
    public Optional<Phrase> useOf(String domain) {
        return nameUses.apply(domain);
    }

    void nameUses(Function<String, Optional<Phrase>> uses) {
        this.nameUses = uses;
    }

    /**
     * Every name the federation certificate must carry: the XMPP domain first, then what each
     * running capability contributes (see {@link FederationModule#certificateNames}), each name once.
     */
    public List<RequiredName> certificateNames() {
        return certificateNames.get();
    }

    void certificateNames(Supplier<List<RequiredName>> names) {
        this.certificateNames = names;
    }

    /**
     * How this server answers for {@code domain} itself - Openfire's XMPP domain or a component, or a
     * name a capability serves (an email domain, a chat node alias) - or empty for a name that belongs
     * to somebody else. What a capability asks before it treats a name as a federated partner's.
     */
    public Optional<Phrase> ownNameUse(String domain) {
        return ownNameUses.apply(domain);
    }

    void ownNameUses(Function<String, Optional<Phrase>> uses) {
        this.ownNameUses = uses;
    }

    /** Every running capability's snapshot items (see {@link FederationModule#snapshotItems}), in module order. */
    public List<SnapshotItem> snapshotItems(SnapshotContext context) {
        return snapshotItems.apply(context);
    }

    /** Every name besides the XMPP domain that a running capability makes the server answer for. */
    public List<String> servedNames() {
        return servedNames.get();
    }

    void capabilities(Function<SnapshotContext, List<SnapshotItem>> items, Supplier<List<String>> names) {
        this.snapshotItems = items;
        this.servedNames = names;
    }

    /** Makes {@code service} available to the admin pages under {@code type}. */
    public <T> void publish(Class<T> type, T service) {
        services.put(type, service);
    }

    /** What another module published under {@code type}, or {@code null} while it is not running. */
    public <T> T service(Class<T> type) {
        return type.cast(services.get(type));
    }

    Map<Class<?>, Object> services() {
        return services;
    }

    /** Whether this node looks after Openfire's settings that the whole cluster shares (see {@link ClusterRole}). */
    public static boolean isSettingsKeeper() {
        return ClusterRole.isSettingsKeeper();
    }

    /** Whether unloading the plugin here should put Openfire's own shared settings back (see {@link ClusterRole}). */
    public static boolean mayRestoreSharedSettings() {
        return ClusterRole.mayRestoreSharedSettings();
    }
}
