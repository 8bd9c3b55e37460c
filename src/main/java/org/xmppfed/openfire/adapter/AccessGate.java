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

import java.util.HashMap;
import java.util.Map;

import org.jivesoftware.openfire.server.RemoteServerConfiguration;
import org.jivesoftware.openfire.server.RemoteServerManager;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.policy.ConnectionGatePlan;

/**
 * Keeps Openfire's own server-to-server permission list (Server Settings → Server to Server) equal
 * to the {@link ConnectionGatePlan} of the policy, so that Openfire refuses connections from and
 * to domains the policy denies in both directions before a session exists. While the plugin is
 * loaded it owns that list; the administrator's own list and mode are saved on first activation
 * and put back when the plugin is unloaded.
 */
final class AccessGate {
    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);
    static final String PERMISSION = "xmpp.server.permission";
    static final String RECURSIVE = "xmpp.server.permission-apply-recursive";
    static final String SAVED = "plugin.federation.saved.openfire-permissions";

    /** Makes Openfire's list and mode equal to {@code plan}. Only one cluster node needs to. */
    void apply(ConnectionGatePlan plan) {
        Map<String, Boolean> present = currentEntries();
        if (JiveGlobals.getProperty(SAVED) == null) {
            JiveGlobals.setProperty(SAVED, encode(JiveGlobals.getProperty(PERMISSION, "blacklist"),
                JiveGlobals.getProperty(RECURSIVE, "true"), present));
        }
        JiveGlobals.setProperty(RECURSIVE, "true");
        write(present, plan.entries());
        RemoteServerManager.setPermissionPolicy(plan.whitelist()
            ? RemoteServerManager.PermissionPolicy.whitelist : RemoteServerManager.PermissionPolicy.blacklist);
        LOG.debug("Connection gate: {} mode, {} entries", plan.whitelist() ? "whitelist" : "blacklist", plan.entries().size());
    }

    /** Puts back what the administrator had before the plugin took the list over. */
    void restore() {
        String saved = JiveGlobals.getProperty(SAVED);
        if (saved == null) {
            return;
        }
        String[] lines = saved.split("\n", -1);
        Map<String, Boolean> entries = new HashMap<>();
        for (int i = 2; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                entries.put(lines[i].substring(2), lines[i].charAt(0) == '+');
            }
        }
        write(currentEntries(), entries);
        JiveGlobals.setProperty(RECURSIVE, lines[1]);
        RemoteServerManager.setPermissionPolicy(lines[0]);
        JiveGlobals.deleteProperty(SAVED);
    }

    private static Map<String, Boolean> currentEntries() {
        Map<String, Boolean> present = new HashMap<>();
        for (RemoteServerConfiguration c : RemoteServerManager.getAllowedServers()) {
            present.put(c.getDomain(), Boolean.TRUE);
        }
        for (RemoteServerConfiguration c : RemoteServerManager.getBlockedServers()) {
            present.put(c.getDomain(), Boolean.FALSE);
        }
        return present;
    }

    private static void write(Map<String, Boolean> present, Map<String, Boolean> wanted) {
        for (String domain : present.keySet()) {
            if (!wanted.containsKey(domain)) {
                RemoteServerManager.deleteConfiguration(domain);
            }
        }
        for (Map.Entry<String, Boolean> e : wanted.entrySet()) {
            if (e.getValue().equals(present.get(e.getKey()))) {
                continue;
            }
            if (e.getValue()) {
                RemoteServerManager.allowAccess(new RemoteServerConfiguration(e.getKey()));
            } else {
                RemoteServerManager.blockAccess(e.getKey());
            }
        }
    }

    private static String encode(String mode, String recursive, Map<String, Boolean> entries) {
        StringBuilder sb = new StringBuilder(mode).append('\n').append(recursive);
        entries.forEach((d, allowed) -> sb.append('\n').append(allowed ? '+' : '-').append(' ').append(d));
        return sb.toString();
    }
}
