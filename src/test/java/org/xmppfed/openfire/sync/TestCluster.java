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
package org.xmppfed.openfire.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.xmppfed.openfire.alias.ChatAliases;
import org.xmppfed.openfire.alias.ChatNodeAlias;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.email.MemoryEmailSettings;
import org.xmppfed.openfire.policy.MemoryPolicySettings;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.route.MemoryRouteSettings;
import org.xmppfed.openfire.route.RouteService;
import org.xmppfed.openfire.store.ConnectionSource;
import org.xmppfed.openfire.store.JdbcChatAliasStore;
import org.xmppfed.openfire.store.JdbcEmailDomainStore;
import org.xmppfed.openfire.store.JdbcPolicyExceptionStore;
import org.xmppfed.openfire.store.JdbcStaticRouteStore;
import org.xmppfed.openfire.store.TestDatabases;
import org.xmppfed.openfire.store.TransactionScope;
import org.xmppfed.openfire.troubleshoot.NodeStatus;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * One cluster's federation settings for tests, as the plugin builds them: policy, static routes, chat
 * node aliases and email domains, each on its real JDBC store, all on one HSQLDB database through one
 * {@link TransactionScope}; its own names are its XMPP domain, {@code conference.<domain>} (its group
 * chat service), its served email domains and its aliases. {@link #snapshot()} carries the items the
 * modules contribute.
 */
final class TestCluster {
    final String domain;
    final ConnectionSource database = TestDatabases.hsqldb();
    final TransactionScope scope = new TransactionScope(database);
    final MemoryPolicySettings policySettings = new MemoryPolicySettings();
    final MemoryEmailSettings emailSettings = new MemoryEmailSettings();
    final PolicyService policy;
    final RouteService routes;
    final ChatAliases aliases;
    final EmailFederation email;
    final SettingsTransfer transfer;
    int aliasAnnouncements;

    TestCluster(String domain) {
        this.domain = domain;
        policy = new PolicyService(new JdbcPolicyExceptionStore(scope), policySettings, this::ownNameUse, Clock.systemUTC());
        policy.reload();
        routes = new RouteService(new JdbcStaticRouteStore(scope), new MemoryRouteSettings(), this::ownNameUse, Clock.systemUTC());
        routes.reload();
        email = new EmailFederation(new JdbcEmailDomainStore(scope), emailSettings, new EmailIndex(domain), this::isServerDomain,
            Clock.systemUTC());
        email.reload();
        aliases = new ChatAliases(new JdbcChatAliasStore(scope), new ChatAliases.Names() {
            @Override
            public boolean isServerDomain(String d) {
                return TestCluster.this.isServerDomain(d);
            }

            @Override
            public Set<String> chatServices() {
                return Set.of("conference." + domain);
            }

            @Override
            public Optional<Phrase> otherUseOf(String d) {
                if (email.isEmailDomain(d)) {
                    return Optional.of(new Phrase("use.email-domain"));
                }
                return policy.find(d).isPresent() ? Optional.of(new Phrase("use.policy-exception")) : Optional.empty();
            }
        }, () -> aliasAnnouncements++, Clock.systemUTC());
        aliases.reload();
        transfer = new SettingsTransfer(() -> policy, () -> routes, () -> aliases, () -> email, scope, Clock.systemUTC());
    }

    boolean isServerDomain(String d) {
        return d.equals(domain) || d.equals("conference." + domain);
    }

    Optional<Phrase> ownNameUse(String d) {
        if (isServerDomain(d)) {
            return Optional.of(new Phrase("use.local-domain"));
        }
        if (email != null && email.isEmailDomain(d)) {
            return Optional.of(new Phrase("use.email-domain"));
        }
        if (aliases != null && aliases.current().serviceOf(d) != null) {
            return Optional.of(new Phrase("use.chat-alias", aliases.current().serviceOf(d)));
        }
        return Optional.empty();
    }

    /** The settings snapshot this cluster serves, with the items its capabilities contribute. */
    SettingsSnapshot snapshot() {
        Map<String, String> exceptions = new HashMap<>();
        for (PolicyException e : policy.current().exceptions()) {
            exceptions.put(e.pattern().toString(), e.direction().name());
        }
        Map<String, String> aliasMap = new HashMap<>();
        for (ChatNodeAlias a : aliases.current().all()) {
            aliasMap.put(a.alias(), a.service());
        }
        Map<String, String> emailDomains = new HashMap<>();
        email.servedDomains().forEach(d -> emailDomains.put(d, ""));
        List<SnapshotItem> items = new ArrayList<>(List.of(
            SnapshotItem.value("policy.switch", policy.current().enabled() ? "on" : "off"),
            SnapshotItem.value("policy.default", policy.current().defaultPolicy().name()),
            SnapshotItem.entries("policy.exceptions", exceptions),
            SnapshotItem.value("routes.switch", "on, allowed automatically"),
            SnapshotItem.entries("routes", routes.current().targetsByDomain()),
            SnapshotItem.value("email.switch", email.enabled() ? "on" : "off"),
            SnapshotItem.entries("email.domains", emailDomains),
            SnapshotItem.entries("aliases", aliasMap)));
        return new SettingsSnapshot(SettingsSnapshot.SCHEMA, domain, "1.3.0", "5.1.1", items, List.of(new NodeStatus(domain + "-node", true, List.of())));
    }

    /** The exceptions in force, as "pattern direction" lines in order. */
    List<String> exceptions() {
        return new ArrayList<>(new TreeSet<>(policy.current().exceptions().stream().map(e -> e.pattern() + " " + e.direction()).toList()));
    }
}
