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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chat node aliases in force, built once per change and read without locks on the stanza path:
 * alias to service, and per service its aliases (the first by name is the service's primary alias,
 * the one used towards a partner that has not addressed the service through an alias yet).
 */
public final class ChatAliasTable {
    public static final ChatAliasTable EMPTY = new ChatAliasTable(List.of());

    private final List<ChatNodeAlias> all;
    private final Map<String, String> serviceByAlias;
    private final Map<String, List<String>> aliasesByService;

    private ChatAliasTable(List<ChatNodeAlias> sorted) {
        this.all = List.copyOf(sorted);
        Map<String, String> byAlias = new HashMap<>();
        Map<String, List<String>> byService = new HashMap<>();
        for (ChatNodeAlias a : sorted) {
            byAlias.put(a.alias(), a.service());
            byService.computeIfAbsent(a.service(), s -> new ArrayList<>()).add(a.alias());
        }
        this.serviceByAlias = Map.copyOf(byAlias);
        Map<String, List<String>> frozen = new HashMap<>();
        byService.forEach((service, aliases) -> frozen.put(service, List.copyOf(aliases)));
        this.aliasesByService = Map.copyOf(frozen);
    }

    public static ChatAliasTable of(Collection<ChatNodeAlias> aliases) {
        List<ChatNodeAlias> sorted = new ArrayList<>(aliases);
        sorted.sort(Comparator.comparing(ChatNodeAlias::alias));
        return sorted.isEmpty() ? EMPTY : new ChatAliasTable(sorted);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** Every alias, by name. */
    public List<ChatNodeAlias> all() {
        return all;
    }

    /** The service {@code domain} is an alias of, or {@code null}; any case (addresses on the wire are not always prepared). */
    public String serviceOf(String domain) {
        if (domain == null) {
            return null;
        }
        String service = serviceByAlias.get(domain);
        if (service == null) {
            String lower = domain.toLowerCase(Locale.ROOT);
            if (!lower.equals(domain)) {
                service = serviceByAlias.get(lower);
            }
        }
        return service;
    }

    /** Whether {@code service} (a service domain, lower case) has at least one alias. */
    public boolean hasAliases(String service) {
        return service != null && aliasesByService.containsKey(service);
    }

    /** The aliases of {@code service}, by name; empty when it has none. */
    public List<String> aliasesOf(String service) {
        return aliasesByService.getOrDefault(service, List.of());
    }

    /** The first alias of {@code service} by name, or {@code null} when it has none. */
    public String primaryAliasOf(String service) {
        List<String> aliases = aliasesByService.get(service);
        return aliases == null ? null : aliases.get(0);
    }

    /** The services that have aliases. */
    public Collection<String> aliasedServices() {
        return aliasesByService.keySet();
    }
}
