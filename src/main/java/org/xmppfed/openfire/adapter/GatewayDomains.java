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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;

import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that projects the names the plugin's capabilities answer for - email domains, chat
 * node aliases - into Openfire's settings, so that Openfire accepts server-to-server streams (dialback
 * and SASL EXTERNAL) addressed to them and opens outgoing streams from them.
 *
 * <p>Openfire accepts streams for its XMPP domain, its components and the domains listed for trunking
 * ({@code xmpp.gateway.enabled}, {@code xmpp.gateway.domains}); each capability offers its names here
 * ({@link #offer}) and the union is listed there. Trunking would relay stanzas for those domains; the
 * capabilities' stanza steps make sure that never happens (every stanza to such a name is mapped to a
 * local address or answered with an error). The administrator's own trunking settings are saved on
 * first use and put back when no capability offers a name any more or the plugin is unloaded. An
 * administrator's list that was switched off stays off: only the plugin's names become acceptable then.
 * Only the node that keeps the cluster's shared settings writes them ({@link ClusterRole}); the others
 * remember the offers for when they become that node.
 */
final class GatewayDomains {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayDomains.class);
    static final String ENABLED = "xmpp.gateway.enabled";
    static final String DOMAINS = "xmpp.gateway.domains";
    static final String SAVED_ENABLED = "plugin.federation.saved.gateway.enabled";
    static final String SAVED_DOMAINS = "plugin.federation.saved.gateway.domains";
    /** Openfire's ofProperty.propValue is VARCHAR(4000) on most of its databases. */
    private static final int STORED_LENGTH = 4000;
    /** Stands for "the property did not exist" in the saved copy. */
    private static final String UNSET = "(unset)";

    /** The names each capability offered last, by capability. */
    private final Map<String, Set<String>> offers = new TreeMap<>();

    /**
     * {@code capability}'s names are now exactly {@code names}: lists the names of every capability
     * (plus the administrator's own trunk domains) as accepted, on the settings keeper.
     */
    synchronized void offer(String capability, Set<String> names) {
        offers.put(capability, Set.copyOf(names));
        if (ClusterRole.isSettingsKeeper()) {
            apply();
        }
    }

    private void apply() {
        Set<String> names = new TreeSet<>();
        offers.values().forEach(names::addAll);
        if (names.isEmpty()) {
            restore();
            return;
        }
        if (JiveGlobals.getProperty(SAVED_ENABLED) == null) {
            JiveGlobals.setProperty(SAVED_DOMAINS, valueOrUnset(DOMAINS));
            JiveGlobals.setProperty(SAVED_ENABLED, valueOrUnset(ENABLED));
        }
        Set<String> target = new LinkedHashSet<>();
        if ("true".equalsIgnoreCase(JiveGlobals.getProperty(SAVED_ENABLED))) {
            target.addAll(split(JiveGlobals.getProperty(SAVED_DOMAINS)));
        }
        target.addAll(names);
        String domains = String.join(",", target);
        boolean changed = false;
        if (!domains.equals(JiveGlobals.getProperty(DOMAINS))) {
            JiveGlobals.setProperty(DOMAINS, domains);
            changed = true;
        }
        if (!"true".equals(JiveGlobals.getProperty(ENABLED))) {
            JiveGlobals.setProperty(ENABLED, "true");
            changed = true;
        }
        if (changed) {
            StringBuilder counts = new StringBuilder();
            offers.forEach((capability, offered) -> counts.append(counts.length() == 0 ? "" : ", ").append(offered.size())
                .append(' ').append(capability));
            LOG.info("Server-to-server streams are accepted for {}", counts);
            if (domains.length() > STORED_LENGTH) {
                LOG.warn("{} is {} characters long; Openfire stores at most {} in its database on HSQLDB, PostgreSQL and Oracle "
                    + "(3000 on DB2). Every cluster node keeps the full list in memory, the plugin writes it again whenever it "
                    + "starts, and Openfire logs a database error for it.", DOMAINS, domains.length(), STORED_LENGTH);
            }
        }
    }

    /** Puts the administrator's trunking settings back, if the plugin changed them. */
    synchronized void restore() {
        String savedEnabled = JiveGlobals.getProperty(SAVED_ENABLED);
        if (savedEnabled == null) {
            return;
        }
        put(DOMAINS, JiveGlobals.getProperty(SAVED_DOMAINS, UNSET));
        put(ENABLED, savedEnabled);
        JiveGlobals.deleteProperty(SAVED_DOMAINS);
        JiveGlobals.deleteProperty(SAVED_ENABLED);
        LOG.info("The plugin's names are no longer accepted for server-to-server streams; trunking settings restored");
    }

    private static void put(String key, String saved) {
        if (UNSET.equals(saved)) {
            JiveGlobals.deleteProperty(key);
        } else {
            JiveGlobals.setProperty(key, saved);
        }
    }

    private static String valueOrUnset(String key) {
        String v = JiveGlobals.getProperty(key);
        return v == null ? UNSET : v;
    }

    private static List<String> split(String value) {
        if (value == null || value.equals(UNSET) || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("\\s*,\\s*"));
    }
}
