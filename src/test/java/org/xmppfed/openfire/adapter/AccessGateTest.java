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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.mockStatic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jivesoftware.openfire.server.RemoteServerConfiguration;
import org.jivesoftware.openfire.server.RemoteServerConfiguration.Permission;
import org.jivesoftware.openfire.server.RemoteServerManager;
import org.jivesoftware.openfire.server.RemoteServerManager.PermissionPolicy;
import org.jivesoftware.util.JiveGlobals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.xmppfed.openfire.policy.ConnectionGatePlan;

/**
 * {@link AccessGate} against Openfire's server-to-server permission settings: while the plugin runs
 * the list and mode are the policy's plan; when it stops, the administrator's own list, mode and
 * recursive flag come back exactly.
 *
 * <p>Openfire keeps these in static singletons ({@link JiveGlobals} properties, the
 * {@link RemoteServerManager} rows of {@code ofRemoteServerConf}); both are replaced by an
 * in-memory Openfire with the same semantics ({@code allowAccess}/{@code blockAccess} replace an
 * existing row, the mode is the {@code xmpp.server.permission} property, absent properties read as
 * Openfire's defaults {@code blacklist} and recursive {@code true}). Property names are written out
 * here as Openfire spells them, so that a wrong name in the product fails.
 */
class AccessGateTest {
    private static final String MODE = "xmpp.server.permission";
    private static final String RECURSIVE = "xmpp.server.permission-apply-recursive";
    private static final String SAVED = "plugin.federation.saved.openfire-permissions";

    /** Openfire's system properties. */
    private final Map<String, String> properties = new HashMap<>();
    /** Openfire's permission rows: domain to allowed (true) or blocked (false). */
    private final Map<String, Boolean> servers = new TreeMap<>();
    /** The remote port of each allowed row (Openfire keeps it with the row). */
    private final Map<String, Integer> ports = new TreeMap<>();
    private MockedStatic<JiveGlobals> jiveGlobals;
    private MockedStatic<RemoteServerManager> remoteServerManager;
    private final AccessGate gate = new AccessGate();

    @BeforeEach
    void inMemoryOpenfire() {
        jiveGlobals = mockStatic(JiveGlobals.class);
        jiveGlobals.when(() -> JiveGlobals.getProperty(anyString())).thenAnswer(i -> properties.get(i.<String>getArgument(0)));
        jiveGlobals.when(() -> JiveGlobals.getProperty(anyString(), nullable(String.class)))
            .thenAnswer(i -> properties.getOrDefault(i.<String>getArgument(0), i.getArgument(1)));
        jiveGlobals.when(() -> JiveGlobals.setProperty(anyString(), nullable(String.class)))
            .thenAnswer(i -> properties.put(i.getArgument(0), i.getArgument(1)));
        jiveGlobals.when(() -> JiveGlobals.deleteProperty(anyString())).thenAnswer(i -> properties.remove(i.<String>getArgument(0)));

        remoteServerManager = mockStatic(RemoteServerManager.class);
        remoteServerManager.when(RemoteServerManager::getAllowedServers).thenAnswer(i -> rows(true));
        remoteServerManager.when(RemoteServerManager::getBlockedServers).thenAnswer(i -> rows(false));
        remoteServerManager.when(() -> RemoteServerManager.allowAccess(any(RemoteServerConfiguration.class)))
            .thenAnswer(i -> {
                RemoteServerConfiguration c = i.getArgument(0);
                ports.put(c.getDomain(), c.getRemotePort());
                return servers.put(c.getDomain(), true);
            });
        remoteServerManager.when(() -> RemoteServerManager.blockAccess(anyString()))
            .thenAnswer(i -> servers.put(i.getArgument(0), false));
        remoteServerManager.when(() -> RemoteServerManager.deleteConfiguration(anyString()))
            .thenAnswer(i -> servers.remove(i.<String>getArgument(0)));
        remoteServerManager.when(() -> RemoteServerManager.setPermissionPolicy(any(PermissionPolicy.class)))
            .thenAnswer(i -> properties.put(MODE, i.<PermissionPolicy>getArgument(0).toString()));
        remoteServerManager.when(() -> RemoteServerManager.setPermissionPolicy(anyString()))
            .thenAnswer(i -> properties.put(MODE, PermissionPolicy.valueOf(i.getArgument(0)).toString()));
    }

    @AfterEach
    void close() {
        remoteServerManager.close();
        jiveGlobals.close();
    }

    private Collection<RemoteServerConfiguration> rows(boolean allowed) {
        List<RemoteServerConfiguration> rows = new ArrayList<>();
        servers.forEach((domain, a) -> {
            if (a == allowed) {
                RemoteServerConfiguration c = new RemoteServerConfiguration(domain);
                c.setPermission(allowed ? Permission.allowed : Permission.blocked);
                c.setRemotePort(ports.getOrDefault(domain, 0));
                rows.add(c);
            }
        });
        return rows;
    }

    /** What Openfire decides with: mode, recursive flag, every row. */
    private String openfireState() {
        return properties.getOrDefault(MODE, "blacklist") + " recursive=" + properties.getOrDefault(RECURSIVE, "true") + " " + servers;
    }

    private void administratorHas(String mode, String recursive, Map<String, Boolean> rows) {
        properties.put(MODE, mode);
        properties.put(RECURSIVE, recursive);
        servers.putAll(rows);
    }

    private static Map<String, Boolean> entries(Object... domainAndAllowed) {
        Map<String, Boolean> m = new TreeMap<>();
        for (int i = 0; i < domainAndAllowed.length; i += 2) {
            m.put((String) domainAndAllowed[i], (Boolean) domainAndAllowed[i + 1]);
        }
        return m;
    }

    // ---- apply ----

    @Test
    void applyMakesOpenfiresListAndModeThePlan() {
        administratorHas("blacklist", "false", entries("spam.example", false, "partner.example", false, "old.example", true));
        ConnectionGatePlan plan = new ConnectionGatePlan(true, entries("partner.example", true, "sub.partner.example", false));

        gate.apply(plan);

        assertEquals("whitelist recursive=true {partner.example=true, sub.partner.example=false}", openfireState(),
            "entries not in the plan removed, changed ones flipped, new ones added; recursive, since plans rely on it");
    }

    @Test
    void aSecondApplyKeepsTheAdministratorsListNotThePluginsFirstPlan() {
        administratorHas("whitelist", "false", entries("partner.example", true));
        String administrators = openfireState();

        gate.apply(new ConnectionGatePlan(false, entries("evil.example", false)));
        gate.apply(new ConnectionGatePlan(true, entries("other.example", true)));
        gate.restore();

        assertEquals(administrators, openfireState());
    }

    // ---- restore ----

    @Test
    void restorePutsBackExactlyWhatTheAdministratorHad() {
        administratorHas("whitelist", "false", entries(
            "partner.example", true, "b.example", true, "sub.c.example", true, "evil.example", false, "spam.example", false));
        String administrators = openfireState();
        gate.apply(new ConnectionGatePlan(false, entries("evil.example", true, "partner.example", false, "x.example", false)));

        gate.restore();

        assertEquals(administrators, openfireState());
        assertNull(properties.get(SAVED), "the saved copy is gone, so the next start saves afresh");
    }

    @Test
    void restorePutsBackOpenfiresDefaultsWhenTheAdministratorHadSetNothing() {
        gate.apply(new ConnectionGatePlan(true, entries("partner.example", true)));

        gate.restore();

        assertEquals("blacklist recursive=true {}", openfireState());
    }

    /**
     * The saved list outlives the plugin version that wrote it (it is a database property): what an
     * earlier run saved is read the same way.
     */
    @Test
    void restoreReadsTheListAsAnEarlierRunSavedIt() {
        properties.put(SAVED, "whitelist\nfalse\n+ partner.example\n- evil.example\n+ sub.partner.example");
        properties.put(MODE, "blacklist");
        properties.put(RECURSIVE, "true");
        servers.putAll(entries("plugin-added.example", false, "partner.example", false));

        gate.restore();

        assertEquals("whitelist recursive=false {evil.example=false, partner.example=true, sub.partner.example=true}",
            openfireState());
        assertNull(properties.get(SAVED));
    }

    @Test
    void restoreWithNothingSavedLeavesOpenfireAlone() {
        administratorHas("whitelist", "false", entries("partner.example", true));
        String before = openfireState();

        gate.restore();

        assertEquals(before, openfireState());
        assertFalse(properties.containsKey(SAVED));
    }

    @Test
    void theRemotePortOfAnAllowedServerSurvivesTheGateAndComesBack() {
        administratorHas("whitelist", "true", entries("partner.example", true, "other.example", true));
        ports.put("partner.example", 5270);
        ports.put("other.example", 5280);

        gate.apply(new ConnectionGatePlan(true, entries("partner.example", true)));
        assertEquals(5270, ports.get("partner.example"), "an allowed server the plan keeps keeps its port");

        gate.restore();
        assertEquals("whitelist recursive=true {other.example=true, partner.example=true}", openfireState());
        assertEquals(5270, ports.get("partner.example"));
        assertEquals(5280, ports.get("other.example"), "a row the plan removed comes back with its port");
    }

    @Test
    void aSavedCopyThatCannotBeReadChangesNothing() {
        for (String unreadable : new String[] {"whitelist", "sometimes\ntrue\n+ a.example", "whitelist\nmaybe",
            "whitelist\ntrue\n+ a.example\n* b.example", "whitelist\ntrue\n+ a.example x", "whitelist\ntrue\n+"}) {
            properties.clear();
            servers.clear();
            administratorHas("blacklist", "true", entries("now.example", false));
            properties.put(SAVED, unreadable);
            String before = openfireState();

            gate.restore();

            assertEquals(before, openfireState(), "nothing half-restored from " + unreadable.replace("\n", "|"));
            assertEquals(unreadable, properties.get(SAVED), "the saved copy is kept for the administrator");
        }
    }
}
