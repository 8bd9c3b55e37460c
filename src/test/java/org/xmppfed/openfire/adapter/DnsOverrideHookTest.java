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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.route.RouteTarget;

/**
 * The hook on Openfire 5.x's DNS override map, against stand-ins with the shape of Openfire's
 * {@code DNSUtil} (a private static {@code dnsOverride} map) and {@code SrvRecord}; the end-to-end
 * static route tests run it inside a real Openfire.
 */
class DnsOverrideHookTest {
    /** Stand-in for Openfire's {@code SrvRecord}. */
    public static final class Srv {
        private final String host;
        private final int port;

        public Srv(String host, int port, boolean directTls) {
            this.host = host;
            this.port = port;
        }

        public String getHostname() {
            return host;
        }

        public int getPort() {
            return port;
        }
    }

    /** Stand-in for Openfire's {@code DNSUtil}. */
    static final class Dns {
        private static volatile Map<String, Srv> dnsOverride;
    }

    private final Map<String, RouteTarget> routes = new HashMap<>();
    private DnsOverrideHook hook;

    @BeforeEach
    void setUp() throws Exception {
        Map<String, Srv> openfire = new ConcurrentHashMap<>();
        openfire.put("own.example", new Srv("10.0.0.1", 5269, false));
        openfire.put("*.wild.example", new Srv("10.0.0.2", 5270, false));
        openfire.put("*.deep.wild.example", new Srv("10.0.0.3", 5271, false));
        Dns.dnsOverride = openfire;
        hook = DnsOverrideHook.forClasses(routes::get, Dns.class, Srv.class);
    }

    @Test
    void routedDomainsAnswerWithTheRouteAndEverythingElseWithOpenfiresMap() {
        Map<String, Srv> openfire = Dns.dnsOverride;
        routes.put("routed.example", new RouteTarget("192.0.2.7", 5299));
        hook.install();

        assertNotSame(openfire, Dns.dnsOverride, "installed: Openfire reads the hook's map");
        Srv routed = Dns.dnsOverride.get("routed.example");
        assertEquals("192.0.2.7", routed.getHostname());
        assertEquals(5299, routed.getPort());
        assertSame(openfire.get("own.example"), Dns.dnsOverride.get("own.example"), "Openfire's own override still works");
        assertNull(Dns.dnsOverride.get("dns.example"), "no route, no override: DNS decides");
        assertFalse(Dns.dnsOverride.containsKey("routed.example"), "a route target is never chained into further overrides");
        assertTrue(Dns.dnsOverride.containsKey("own.example"));
        assertEquals(Set.of("own.example", "*.wild.example", "*.deep.wild.example"), Dns.dnsOverride.keySet(),
            "Openfire lists only its own entries");
    }

    @Test
    void routeChangesTakeEffectAtTheNextLookupWithoutReinstalling() {
        hook.install();
        assertNull(Dns.dnsOverride.get("later.example"));
        routes.put("later.example", new RouteTarget("192.0.2.9", 5269));
        assertEquals("192.0.2.9", Dns.dnsOverride.get("later.example").getHostname());
        routes.remove("later.example");
        assertNull(Dns.dnsOverride.get("later.example"));
    }

    @Test
    void uninstallPutsOpenfiresMapBack() {
        Map<String, Srv> openfire = Dns.dnsOverride;
        hook.install();
        hook.uninstall();
        assertSame(openfire, Dns.dnsOverride);
    }

    @Test
    void aMapOpenfireReplacedIsWrappedAgainAndKeptOnUninstall() {
        routes.put("routed.example", new RouteTarget("192.0.2.7", 5269));
        hook.install();
        Map<String, Srv> replaced = new ConcurrentHashMap<>(Map.of("new.example", new Srv("10.0.0.9", 5269, false)));
        Dns.dnsOverride = replaced; // what Openfire's DNS override page does through setDnsOverride

        hook.keepInstalled();
        assertNotSame(replaced, Dns.dnsOverride);
        assertEquals("192.0.2.7", Dns.dnsOverride.get("routed.example").getHostname());
        assertSame(replaced.get("new.example"), Dns.dnsOverride.get("new.example"));
        assertEquals(Optional.of("10.0.0.9:5269"), hook.openfireOverride("new.example"));

        Dns.dnsOverride = replaced;
        hook.uninstall();
        assertSame(replaced, Dns.dnsOverride, "a map replaced after installing stays");
    }

    @Test
    void withoutAnyOverrideOfOpenfireOnlyRoutesAnswer() {
        Dns.dnsOverride = null; // Openfire without dnsutil.dnsOverride
        routes.put("routed.example", new RouteTarget("192.0.2.7", 5269));
        hook.install();
        assertEquals("192.0.2.7", Dns.dnsOverride.get("routed.example").getHostname());
        assertNull(Dns.dnsOverride.get("other.example"));
        assertEquals(Optional.empty(), hook.openfireOverride("other.example"));
        hook.uninstall();
        assertNull(Dns.dnsOverride);
    }

    @Test
    void openfireOverrideFollowsOpenfiresPrecedence() {
        hook.install();
        assertEquals(Optional.of("10.0.0.1:5269"), hook.openfireOverride("OWN.example"), "exact name, any case");
        assertEquals(Optional.of("10.0.0.2:5270"), hook.openfireOverride("wild.example"), "*.wild.example covers wild.example");
        assertEquals(Optional.of("10.0.0.2:5270"), hook.openfireOverride("a.b.wild.example"));
        assertEquals(Optional.of("10.0.0.3:5271"), hook.openfireOverride("x.deep.wild.example"), "the longest pattern wins");
        assertEquals(Optional.empty(), hook.openfireOverride("elsewhere.example"));

        Map<String, Srv> withStar = new ConcurrentHashMap<>(Map.of("*", new Srv("10.0.0.99", 5269, false)));
        Dns.dnsOverride = withStar;
        assertEquals(Optional.of("10.0.0.99:5269"), hook.openfireOverride("elsewhere.example"), "* catches everything else");
    }
}
