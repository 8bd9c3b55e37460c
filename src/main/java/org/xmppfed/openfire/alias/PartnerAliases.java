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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which alias each federated partner uses for each group chat service, so that everything the
 * service sends that partner carries the name the partner addressed (several aliases may lead to
 * one service). A partner that has not addressed the service through an alias yet - an invitation
 * is its first contact - gets the service's primary alias. Bounded: when full, it starts afresh
 * (a forgotten partner gets the primary alias until it writes again).
 */
public final class PartnerAliases {
    /** Partners remembered per service before the memory starts afresh. */
    static final int LIMIT = 100_000;

    private final Map<String, Map<String, String>> byService = new ConcurrentHashMap<>();

    /** {@code partner} (a bare JID) addressed {@code service} as {@code alias}. */
    public void remember(String partner, String service, String alias) {
        Map<String, String> partners = byService.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
        if (!alias.equals(partners.get(partner))) {
            if (partners.size() >= LIMIT) {
                partners.clear();
            }
            partners.put(partner, alias);
        }
    }

    /** The alias {@code service} carries towards {@code partner}, or {@code null} when the service has none. */
    public String aliasFor(ChatAliasTable table, String partner, String service) {
        Map<String, String> partners = byService.get(service);
        String alias = partners == null || partner == null ? null : partners.get(partner);
        // A remembered alias that was deleted or now leads elsewhere no longer counts.
        if (alias != null && service.equals(table.serviceOf(alias))) {
            return alias;
        }
        return table.primaryAliasOf(service);
    }
}
