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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.muc.MultiUserChatService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.alias.ChatAliasTable;
import org.xmppfed.openfire.alias.ChatAliases;
import org.xmppfed.openfire.alias.PartnerAliases;
import org.xmppfed.openfire.certs.RequiredName;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.store.JdbcChatAliasStore;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * Chat node aliases: the stored aliases (a revision property tells every cluster node to read them
 * again after a change, without restart), the stanza step that maps alias and service domain, and
 * the aliases offered to Openfire's trunking settings (with the email domains, in
 * {@link GatewayDomains}) so that Openfire accepts S2S streams for them and opens streams from them.
 */
public final class AliasModule implements FederationModule {
    private static final Logger LOG = LoggerFactory.getLogger(AliasModule.class);
    static final String REVISION = "plugin.federation.alias.revision";
    private static final String OFFER = "chat node aliases";

    private Worker worker;
    private GatewayDomains gateway;
    private WatchedProperties settings;
    private volatile ChatAliases aliases;
    private ChatAliasMapping step;

    @Override
    public void start(ModuleHost host) {
        worker = host.worker();
        gateway = host.gateway();
        settings = new WatchedProperties(REVISION, Set.of(), () -> worker.coalesced("chat node aliases reload", this::reload)) {
        };
        ChatAliases.Names names = new ChatAliases.Names() {
            @Override
            public boolean isServerDomain(String domain) {
                return host.openfireDomains().isLocal(domain);
            }

            @Override
            public Set<String> chatServices() {
                return AliasModule.chatServices();
            }

            @Override
            public Optional<Phrase> otherUseOf(String domain) {
                return host.useOf(domain);
            }
        };
        ChatAliases a = new ChatAliases(new JdbcChatAliasStore(host.database()), names, settings::announceChange,
            Clock.systemUTC());
        a.addListener(table -> worker.execute("accepting the chat node aliases", () -> gateway.offer(OFFER, Set.copyOf(names(table)))));
        // Read before the interceptor is registered, so the first stanza is already mapped.
        Worker.guarded("loading the chat node aliases", a::reload);
        aliases = a;
        step = new ChatAliasMapping(a::current, new PartnerAliases(), host.errors(), RemoteRouting::route);
        settings.start();
        host.publish(ChatAliases.class, a);
    }

    @Override
    public void stop() {
        settings.stop();
    }

    @Override
    public void becameSettingsKeeper() {
        ChatAliases a = aliases;
        worker.execute("accepting the chat node aliases", () -> gateway.offer(OFFER, Set.copyOf(names(a.current()))));
    }

    @Override
    public List<StanzaStep> steps() {
        return List.of(step);
    }

    @Override
    public boolean servesName(String domain) {
        ChatAliases a = aliases;
        return a != null && a.current().serviceOf(domain) != null;
    }

    @Override
    public Optional<Phrase> useOf(String domain) {
        ChatAliases a = aliases;
        return servesName(domain) ? Optional.of(new Phrase("use.chat-alias", a.current().serviceOf(domain))) : Optional.empty();
    }

    /** Every alias is a name partners connect to, so the federation certificate must carry it. */
    @Override
    public List<RequiredName> certificateNames() {
        ChatAliases a = aliases;
        if (a == null) {
            return List.of();
        }
        return a.current().all().stream().map(alias -> new RequiredName(alias.alias(), "chat node alias")).toList();
    }

    private void reload() {
        try {
            aliases.reload();
        } catch (RuntimeException e) {
            // The aliases in force stay as they were.
            LOG.error("Could not read the chat node aliases; the ones in force stay", e);
        }
    }

    private static List<String> names(ChatAliasTable table) {
        return table.all().stream().map(a -> a.alias()).toList();
    }

    /** The domains of Openfire's group chat services (the same calls in Openfire 4.2.0 and 5.1.x). */
    static Set<String> chatServices() {
        Set<String> domains = new TreeSet<>();
        XMPPServer server = XMPPServer.getInstance();
        if (server != null && server.getMultiUserChatManager() != null) {
            for (MultiUserChatService service : server.getMultiUserChatManager().getMultiUserChatServices()) {
                domains.add(service.getServiceDomain().toLowerCase(Locale.ROOT));
            }
        }
        return domains;
    }

    /** The aliases as peer clusters compare them: each alias with the service it stands for. */
    @Override
    public List<SnapshotItem> snapshotItems(SnapshotContext context) {
        ChatAliases a = aliases;
        if (a == null) {
            return List.of();
        }
        Map<String, String> byAlias = new TreeMap<>();
        a.current().all().forEach(alias -> byAlias.put(alias.alias(), a.current().serviceOf(alias.alias())));
        return List.of(SnapshotItem.entries("aliases", byAlias));
    }
}
