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

    /** One row of Openfire's list: allowed or blocked, and the remote port an allowed server was given (0: none). */
    private record Entry(boolean allowed, int port) {
    }

    /** Makes Openfire's list and mode equal to {@code plan}. Only one cluster node needs to. */
    void apply(ConnectionGatePlan plan) {
        Map<String, Entry> present = currentEntries();
        if (JiveGlobals.getProperty(SAVED) == null) {
            JiveGlobals.setProperty(SAVED, encode(JiveGlobals.getProperty(PERMISSION, "blacklist"),
                JiveGlobals.getProperty(RECURSIVE, "true"), present));
        }
        JiveGlobals.setProperty(RECURSIVE, "true");
        Map<String, Entry> wanted = new HashMap<>();
        plan.entries().forEach((domain, allowed) -> {
            Entry now = present.get(domain);
            // an allowed server keeps the port the administrator gave it
            wanted.put(domain, new Entry(allowed, allowed && now != null && now.allowed() ? now.port() : 0));
        });
        write(present, wanted);
        RemoteServerManager.setPermissionPolicy(plan.whitelist()
            ? RemoteServerManager.PermissionPolicy.whitelist : RemoteServerManager.PermissionPolicy.blacklist);
        LOG.debug("Connection gate: {} mode, {} entries", plan.whitelist() ? "whitelist" : "blacklist", plan.entries().size());
    }

    /**
     * Puts back what the administrator had before the plugin took the list over. A saved value that
     * cannot be read changes nothing (it is kept, and the problem logged), rather than restoring half.
     */
    void restore() {
        String saved = JiveGlobals.getProperty(SAVED);
        if (saved == null) {
            return;
        }
        String[] lines = saved.split("\n", -1);
        Map<String, Entry> entries = new HashMap<>();
        String problem = lines.length < 2 ? "fewer than two lines"
            : !lines[0].equals("whitelist") && !lines[0].equals("blacklist") ? "mode '" + lines[0] + "'"
            : !lines[1].equals("true") && !lines[1].equals("false") ? "recursive flag '" + lines[1] + "'" : null;
        for (int i = 2; problem == null && i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                problem = parseEntry(lines[i], entries);
            }
        }
        if (problem != null) {
            LOG.error("Openfire's own server permission list was not restored: the saved copy in {} is not readable ({}). "
                + "Check Server Settings > Server to Server, then delete the property.", SAVED, problem);
            return;
        }
        write(currentEntries(), entries);
        JiveGlobals.setProperty(RECURSIVE, lines[1]);
        RemoteServerManager.setPermissionPolicy(lines[0]);
        JiveGlobals.deleteProperty(SAVED);
    }

    /** Reads "+ domain [port]" or "- domain" into {@code entries}; returns what is wrong, or null. */
    private static String parseEntry(String line, Map<String, Entry> entries) {
        String[] parts = line.split(" ");
        if (parts.length < 2 || parts.length > 3 || !(parts[0].equals("+") || parts[0].equals("-")) || parts[1].isEmpty()) {
            return "entry '" + line + "'";
        }
        int port = 0;
        if (parts.length == 3) {
            try {
                port = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                return "port in '" + line + "'";
            }
        }
        entries.put(parts[1], new Entry(parts[0].equals("+"), port));
        return null;
    }

    private static Map<String, Entry> currentEntries() {
        Map<String, Entry> present = new HashMap<>();
        for (RemoteServerConfiguration c : RemoteServerManager.getAllowedServers()) {
            present.put(c.getDomain(), new Entry(true, c.getRemotePort()));
        }
        for (RemoteServerConfiguration c : RemoteServerManager.getBlockedServers()) {
            present.put(c.getDomain(), new Entry(false, 0));
        }
        return present;
    }

    private static void write(Map<String, Entry> present, Map<String, Entry> wanted) {
        for (String domain : present.keySet()) {
            if (!wanted.containsKey(domain)) {
                RemoteServerManager.deleteConfiguration(domain);
            }
        }
        for (Map.Entry<String, Entry> e : wanted.entrySet()) {
            if (e.getValue().equals(present.get(e.getKey()))) {
                continue;
            }
            if (e.getValue().allowed()) {
                RemoteServerConfiguration allowed = new RemoteServerConfiguration(e.getKey());
                allowed.setRemotePort(e.getValue().port());
                RemoteServerManager.allowAccess(allowed);
            } else {
                RemoteServerManager.blockAccess(e.getKey());
            }
        }
    }

    private static String encode(String mode, String recursive, Map<String, Entry> entries) {
        StringBuilder sb = new StringBuilder(mode).append('\n').append(recursive);
        entries.forEach((d, e) -> {
            sb.append('\n').append(e.allowed() ? '+' : '-').append(' ').append(d);
            if (e.allowed() && e.port() > 0) {
                sb.append(' ').append(e.port());
            }
        });
        return sb.toString();
    }
}
