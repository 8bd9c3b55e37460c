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

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * The transferable settings of one cluster, for the parts chosen: read from a settings snapshot (the
 * same document the troubleshooter compares, so that what is pushed or pulled is exactly what the
 * comparison rows show), and written back as one for a push. Entries are as the snapshot carries them:
 * exceptions pattern to direction, routes domain to its targets ("host:port host:port"), aliases alias
 * to service, email domains name to "".
 */
public record TransferSet(String xmppDomain, Set<SyncPart> parts, String defaultPolicy, Map<String, String> exceptions,
                          Map<String, String> routes, Map<String, String> aliases, Set<String> emailDomains) {
    public TransferSet {
        parts = Collections.unmodifiableSet(parts.isEmpty() ? EnumSet.noneOf(SyncPart.class) : EnumSet.copyOf(parts));
        exceptions = Collections.unmodifiableMap(new TreeMap<>(exceptions));
        routes = Collections.unmodifiableMap(new TreeMap<>(routes));
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
        emailDomains = Collections.unmodifiableSet(new TreeSet<>(emailDomains));
    }

    /**
     * The parts among {@code wanted} that {@code snapshot} does not carry, or not in the expected shape
     * (a peer with an older plugin, or a capability that is not running there): never read as empty.
     */
    public static List<SyncPart> missing(SettingsSnapshot snapshot, Set<SyncPart> wanted) {
        List<SyncPart> missing = new ArrayList<>();
        for (SyncPart p : wanted) {
            for (String id : p.itemIds()) {
                boolean value = id.equals("policy.default");
                if (snapshot.item(id).map(i -> i.isSet() == value).orElse(true)) {
                    missing.add(p);
                    break;
                }
            }
        }
        return missing;
    }

    /** The parts of {@code wanted} that {@code snapshot} carries, read from it. */
    public static TransferSet of(SettingsSnapshot snapshot, Set<SyncPart> wanted) {
        Set<SyncPart> parts = EnumSet.noneOf(SyncPart.class);
        for (SyncPart p : wanted) {
            if (!missing(snapshot, Set.of(p)).contains(p)) {
                parts.add(p);
            }
        }
        String defaultPolicy = parts.contains(SyncPart.POLICY) ? value(snapshot, "policy.default") : "";
        Map<String, String> exceptions = parts.contains(SyncPart.POLICY) ? entries(snapshot, "policy.exceptions") : Map.of();
        Map<String, String> routes = parts.contains(SyncPart.ROUTES) ? entries(snapshot, "routes") : Map.of();
        Map<String, String> aliases = parts.contains(SyncPart.ALIASES) ? entries(snapshot, "aliases") : Map.of();
        Set<String> email = parts.contains(SyncPart.EMAIL_DOMAINS) ? entries(snapshot, "email.domains").keySet() : Set.of();
        return new TransferSet(snapshot.xmppDomain(), parts, defaultPolicy, exceptions, routes, aliases, email);
    }

    /** Every part a snapshot carries (what a push brings). */
    public static TransferSet of(SettingsSnapshot snapshot) {
        return of(snapshot, EnumSet.allOf(SyncPart.class));
    }

    /** {@code snapshot} with only the items of {@code parts} and no node details: the body of a push. */
    public static SettingsSnapshot forPush(SettingsSnapshot snapshot, Set<SyncPart> parts) {
        Set<String> ids = new TreeSet<>();
        parts.forEach(p -> ids.addAll(p.itemIds()));
        List<SnapshotItem> items = snapshot.items().stream().filter(i -> ids.contains(i.id())).toList();
        return new SettingsSnapshot(snapshot.schema(), snapshot.xmppDomain(), snapshot.pluginVersion(), snapshot.openfireVersion(),
            items, List.of());
    }

    /** The entries of one part as the comparison sees them (the policy: its exceptions; the default is compared apart). */
    public Map<String, String> entries(SyncPart part) {
        return switch (part) {
            case POLICY -> exceptions;
            case ROUTES -> routes;
            case ALIASES -> aliases;
            case EMAIL_DOMAINS -> {
                Map<String, String> m = new TreeMap<>();
                emailDomains.forEach(d -> m.put(d, ""));
                yield m;
            }
        };
    }

    private static String value(SettingsSnapshot s, String id) {
        return s.item(id).orElseThrow().value();
    }

    private static Map<String, String> entries(SettingsSnapshot s, String id) {
        return s.item(id).orElseThrow().entries();
    }
}
