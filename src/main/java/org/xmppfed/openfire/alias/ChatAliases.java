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
package org.xmppfed.openfire.alias;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.xmppfed.openfire.policy.DomainNames;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.store.ChatAliasStore;
import org.xmppfed.openfire.store.StagedChange;

/**
 * Chat node aliases: the table in force (read without locks on the stanza path) and the changes an
 * administrator makes. Every change is checked completely first - the alias with the domain rules
 * used everywhere ({@link DomainNames}), then against every other use of the name - then stored in
 * one transaction and announced to the other cluster nodes; a refused change leaves everything as it
 * was.
 */
public final class ChatAliases {
    /** What the server knows about names, asked when an alias is added or changed. */
    public interface Names {
        /** Whether {@code domain} is the XMPP domain or a component's domain of this server. */
        boolean isServerDomain(String domain);

        /** The domains of this server's group chat (MUC) services, lower case. */
        Set<String> chatServices();

        /** How another capability already uses {@code domain} ("an email domain", ...), or empty. */
        Optional<Phrase> otherUseOf(String domain);
    }

    private final ChatAliasStore store;
    private final Names names;
    private final Runnable announce;
    private final Clock clock;
    private final List<Consumer<ChatAliasTable>> listeners = new CopyOnWriteArrayList<>();
    private volatile ChatAliasTable table = ChatAliasTable.EMPTY;

    /** @param announce tells the other cluster nodes that the stored aliases changed */
    public ChatAliases(ChatAliasStore store, Names names, Runnable announce, Clock clock) {
        this.store = store;
        this.names = names;
        this.announce = announce;
        this.clock = clock;
    }

    /** The aliases in force. */
    public ChatAliasTable current() {
        return table;
    }

    /** Called with the new table after every reload. */
    public void addListener(Consumer<ChatAliasTable> listener) {
        listeners.add(listener);
    }

    /** Reads the stored aliases again (at start, and after a change on any node). */
    public void reload() {
        ChatAliasTable t;
        synchronized (this) {
            t = ChatAliasTable.of(store.loadAll());
            table = t;
        }
        listeners.forEach(l -> l.accept(t));
    }

    /** The domains of this server's group chat services, for the page's choice. */
    public Set<String> chatServices() {
        return names.chatServices();
    }

    /** Adds an alias; throws {@link InvalidInputException} naming the first problem, with nothing saved. */
    public synchronized ChatNodeAlias add(String rawAlias, String rawService) {
        ChatNodeAlias alias = checked(null, rawAlias, rawService);
        store.insert(alias, clock.instant());
        changed();
        return alias;
    }

    /** Renames an alias or points it at another service; {@code original} is the alias as listed. */
    public synchronized ChatNodeAlias change(String original, String rawAlias, String rawService) {
        String existing = existing(original);
        ChatNodeAlias alias = checked(existing, rawAlias, rawService);
        store.replace(existing, alias);
        changed();
        return alias;
    }

    /** Deletes an alias; the returned one is what was deleted. */
    public synchronized ChatNodeAlias delete(String original) {
        String existing = existing(original);
        String service = table.serviceOf(existing);
        if (!store.delete(existing)) {
            throw new InvalidInputException("alias.error.not-found", existing);
        }
        changed();
        return new ChatNodeAlias(existing, service);
    }

    /**
     * The normalised alias, or an {@link InvalidInputException} for the first rule it breaks.
     * Keys {@code alias.error.service*} are about the service; all others about the alias name.
     */
    public ChatNodeAlias checked(String original, String rawAlias, String rawService) {
        String alias = DomainNames.normalise(rawAlias);
        if (DomainNames.isIpv4Literal(alias)) {
            throw new InvalidInputException("alias.error.ip", alias);
        }
        Set<String> services = names.chatServices();
        if (services.contains(alias)) {
            throw new InvalidInputException("alias.error.muc-service", alias);
        }
        if (names.isServerDomain(alias)) {
            throw new InvalidInputException("alias.error.server-domain", alias);
        }
        if (!alias.equals(original)) {
            String aliasOf = table.serviceOf(alias);
            if (aliasOf != null) {
                throw new InvalidInputException("alias.error.exists", alias, aliasOf);
            }
            Optional<Phrase> use = names.otherUseOf(alias);
            if (use.isPresent()) {
                throw new InvalidInputException("alias.error.in-use", alias, use.get());
            }
        }
        String service = rawService == null ? "" : rawService.strip().toLowerCase(Locale.ROOT);
        if (service.isEmpty()) {
            throw new InvalidInputException("alias.error.service-empty");
        }
        if (!services.contains(service)) {
            throw new InvalidInputException("alias.error.service-unknown", rawService.strip());
        }
        return new ChatNodeAlias(alias, service);
    }

    /**
     * Checks a whole alias table (alias to service, as a peer cluster has it) as if it replaced this
     * one: every alias with the rules of {@link #checked}; an alias this server has already is not
     * refused for existing. Returns every problem, each with the entry it is about ("alias → service").
     */
    public List<Map.Entry<String, InvalidInputException>> checkReplacement(Map<String, String> wanted) {
        List<Map.Entry<String, InvalidInputException>> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(wanted).entrySet()) {
            try {
                ChatNodeAlias a = checkedForReplacement(e.getKey(), e.getValue());
                String first = seen.putIfAbsent(a.alias(), e.getKey());
                if (first != null) {
                    throw new InvalidInputException("alias.error.duplicate", a.alias(), first);
                }
            } catch (InvalidInputException x) {
                problems.add(Map.entry(e.getKey() + " \u2192 " + e.getValue(), x));
            }
        }
        return problems;
    }

    private ChatNodeAlias checkedForReplacement(String rawAlias, String rawService) {
        String alias = DomainNames.normalise(rawAlias);
        return checked(table.serviceOf(alias) != null ? alias : null, rawAlias, rawService);
    }

    /**
     * Stages a whole alias table, checked with {@link #checkReplacement} first, as one change: aliases
     * that stay are left as they are (with their creation time), the others removed, changed or added.
     * Nothing is stored or in force before the returned change's {@code store} and {@code publish}.
     * Call with this object's monitor held from here to {@code publish}.
     */
    public synchronized StagedChange stageReplacement(Map<String, String> wanted) {
        Map<String, ChatNodeAlias> next = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(wanted).entrySet()) {
            ChatNodeAlias a = checkedForReplacement(e.getKey(), e.getValue());
            next.put(a.alias(), a);
        }
        ChatAliasTable now = table;
        return new StagedChange() {
            @Override
            public void store() {
                for (ChatNodeAlias old : now.all()) {
                    if (!next.containsKey(old.alias())) {
                        ChatAliases.this.store.delete(old.alias());
                    }
                }
                for (ChatNodeAlias a : next.values()) {
                    String service = now.serviceOf(a.alias());
                    if (service == null) {
                        ChatAliases.this.store.insert(a, clock.instant());
                    } else if (!service.equals(a.service())) {
                        ChatAliases.this.store.replace(a.alias(), a);
                    }
                }
            }

            @Override
            public void publish() {
                synchronized (ChatAliases.this) {
                    changed();
                }
            }
        };
    }

    private String existing(String original) {
        String name = original == null ? "" : original.strip().toLowerCase(Locale.ROOT);
        if (table.serviceOf(name) == null) {
            throw new InvalidInputException("alias.error.not-found", original == null ? "" : original.strip());
        }
        return name;
    }

    private void changed() {
        announce.run();
        reload();
    }
}
