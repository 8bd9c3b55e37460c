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

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What can be compared with a peer cluster and pushed to it or pulled from it, each as the items of
 * the settings snapshot that carry it. The policy - default policy and exceptions - is always part of
 * a transfer; the others are chosen. The federation switch, the email switch, the static route
 * switches and the security settings are never transferred: each cluster's administrator sets them.
 */
public enum SyncPart {
    /** The default policy (ALLOW or DENY) and the policy exceptions, as one: an exception means the opposite of the default. */
    POLICY("policy", "policy.default", "policy.exceptions"),
    /** Static routes, by routed domain. */
    ROUTES("routes", "routes"),
    /** Chat node aliases, alias to group chat service. */
    ALIASES("aliases", "aliases"),
    /** The email domains served (the email switch stays). */
    EMAIL_DOMAINS("email-domains", "email.domains");

    private final String param;
    private final List<String> itemIds;

    SyncPart(String param, String... itemIds) {
        this.param = param;
        this.itemIds = List.of(itemIds);
    }

    /** The part's name in forms, URLs and the JSON of an answer. */
    public String param() {
        return param;
    }

    /** The ids of the snapshot items that carry this part. */
    public List<String> itemIds() {
        return itemIds;
    }

    /** The message key of the part's name on the pages. */
    public String messageKey() {
        return "sync.part." + param;
    }

    /** The part named {@code text}, or {@code null}. */
    public static SyncPart parse(String text) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (SyncPart p : values()) {
                if (p.param.equals(t)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The policy and the parts named in {@code chosen} (unknown names ignored), in declaration order. */
    public static Set<SyncPart> withPolicy(Iterable<String> chosen) {
        Set<SyncPart> parts = EnumSet.of(POLICY);
        if (chosen != null) {
            for (String c : chosen) {
                SyncPart p = parse(c);
                if (p != null) {
                    parts.add(p);
                }
            }
        }
        return parts;
    }
}
