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

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.route.RouteTarget;

/**
 * Puts the static routes into Openfire's outgoing server-to-server connection set-up. The only
 * class that touches Openfire 5.x internals for that, through reflection (none of it exists with
 * these types in the 4.2.0 compile API).
 *
 * <p><b>How Openfire 5.0/5.1 connects to a remote domain.</b> Every outgoing S2S socket - the
 * session itself ({@code NettySessionInitializer}), and the dialback verification connections to
 * an authoritative server ({@code ServerDialback}) - comes from
 * {@code SocketUtil.createSocketToXmppDomain(domain, port)}, which calls
 * {@code DNSUtil.resolveXMPPDomain(domain, port)} on a fresh "happy-eyeball-resolving" thread and
 * then connects to the answers. {@code resolveXMPPDomain} first asks the private static map
 * {@code DNSUtil.dnsOverride} ({@code get(domain)}, then wildcard keys from its entries, then
 * {@code get("*")}), <em>at every call</em>; when it answers, that single {@code SrvRecord} is the
 * whole result and DNS is not asked at all. Openfire fills that map from {@code dnsutil.dnsOverride}
 * once at start-up, with one fixed target per name.
 *
 * <p><b>The design.</b> This hook replaces the map's value with a map of its own that wraps the one
 * Openfire had (an administrator's own overrides keep working, and are what it lists and iterates).
 * Its {@code get(domain)} asks the routes: a domain without routes falls through to Openfire's map
 * and then to DNS as usual. For a domain with routes it answers with exactly one target, chosen for
 * this connection attempt: the targets are probed in random order with a TCP connect (on Openfire's
 * resolving thread, which is there to block) and the first that answers is returned - failover
 * among equal-priority targets. When none answers, it still returns a route target (the first one
 * tried), so Openfire's own attempt fails too: no DNS fallback for a routed domain. The cost is one
 * extra TCP handshake per new S2S connection to a routed domain. Route changes need nothing from
 * Openfire: the next {@code get} reads the new snapshot, on every node, since every node installs its
 * own hook. If Openfire's map is replaced (its DNS override page calls {@code setDnsOverride}), the
 * module re-wraps the new map within seconds ({@link #keepInstalled}); {@link #uninstall} puts
 * Openfire's map back.
 */
final class DnsOverrideHook {
    private static final Logger LOG = LoggerFactory.getLogger(DnsOverrideHook.class);
    private static final String DNS_UTIL = "org.jivesoftware.openfire.net.DNSUtil";
    private static final String SRV_RECORD = "org.jivesoftware.openfire.net.SrvRecord";

    private final Function<String, RouteTarget> targetFor;
    private final Field field;
    private final Constructor<?> record;
    private final Method hostname;
    private final Method port;
    private RoutedOverrides installed;

    /**
     * @param targetFor the target for one connection attempt to a domain, or null when the domain
     *                  has no routes (then Openfire's own overrides and DNS decide)
     */
    private DnsOverrideHook(Function<String, RouteTarget> targetFor, Field field, Class<?> srvRecord) throws NoSuchMethodException {
        this.targetFor = targetFor;
        this.field = field;
        this.record = srvRecord.getConstructor(String.class, int.class, boolean.class);
        this.hostname = srvRecord.getMethod("getHostname");
        this.port = srvRecord.getMethod("getPort");
    }

    /** The hook for this Openfire, or null (with the reason logged) when it has no such map. */
    static DnsOverrideHook forThisOpenfire(Function<String, RouteTarget> targetFor) {
        try {
            ClassLoader openfire = Class.forName("org.jivesoftware.openfire.XMPPServer").getClassLoader();
            return forClasses(targetFor, Class.forName(DNS_UTIL, true, openfire), Class.forName(SRV_RECORD, true, openfire));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.error("Module=\"XMPPFederation\" Static routes cannot be used with this Openfire version (needs 5.0 or later): {}", e.toString());
            return null;
        }
    }

    /**
     * The hook on {@code dnsUtil}'s static {@code dnsOverride} map whose values are {@code srvRecord}s
     * (Openfire's {@code DNSUtil} and {@code SrvRecord}; stand-ins with the same shape in tests).
     */
    static DnsOverrideHook forClasses(Function<String, RouteTarget> targetFor, Class<?> dnsUtil, Class<?> srvRecord)
        throws ReflectiveOperationException {
        Field f = dnsUtil.getDeclaredField("dnsOverride");
        f.setAccessible(true);
        if (!Map.class.isAssignableFrom(f.getType())) {
            throw new NoSuchFieldException("DNSUtil.dnsOverride is a " + f.getType());
        }
        return new DnsOverrideHook(targetFor, f, srvRecord);
    }

    /**
     * Where Openfire's own DNS override (its live map, not the property, which it reads only at start)
     * sends {@code domain}: the exact name, else the longest matching {@code *.suffix}, else {@code *};
     * as {@code host:port}. Chained overrides (a target that is itself overridden) are not followed.
     */
    Optional<String> openfireOverride(String domain) {
        Object current = read();
        Map<?, ?> map = current instanceof RoutedOverrides r ? r.base : (Map<?, ?>) current;
        if (map == null || map.isEmpty()) {
            return Optional.empty();
        }
        String d = domain.toLowerCase(Locale.ROOT);
        Object found = map.get(d);
        // As Openfire: *.example.com covers example.com itself and every name below it; the longest pattern wins.
        for (String suffix = d; found == null; suffix = suffix.substring(suffix.indexOf('.') + 1)) {
            found = map.get("*." + suffix);
            if (!suffix.contains(".")) {
                break;
            }
        }
        if (found == null) {
            found = map.get("*");
        }
        return found == null ? Optional.empty() : Optional.of(hostAndPort(found));
    }

    private String hostAndPort(Object srvRecord) {
        try {
            return hostname.invoke(srvRecord) + ":" + port.invoke(srvRecord);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read Openfire's SrvRecord " + srvRecord, e);
        }
    }

    /** Wraps Openfire's current map (again, if it was replaced). */
    synchronized void install() {
        Object current = read();
        if (current != null && current == installed) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> base = current instanceof RoutedOverrides r ? r.base : (Map<String, Object>) current;
        RoutedOverrides wrapper = new RoutedOverrides(base);
        write(wrapper);
        if (installed != null) {
            LOG.info("Openfire's DNS overrides were replaced; static routes are in force again");
        }
        installed = wrapper;
    }

    /** Re-installs when Openfire's DNS override map was replaced since. */
    void keepInstalled() {
        if (read() != installed) {
            install();
        }
    }

    /** Puts Openfire's own map back (unless it was replaced meanwhile: then that one stays). */
    synchronized void uninstall() {
        if (installed != null && read() == installed) {
            write(installed.base);
        }
        installed = null;
    }

    private Object read() {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Object value) {
        try {
            field.set(null, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object srvRecord(RouteTarget target) {
        try {
            return record.newInstance(target.host(), target.port(), false);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not make Openfire's SrvRecord for " + target, e);
        }
    }

    /** Openfire's override map with the routes in front; lists and iterates only Openfire's own entries. */
    private final class RoutedOverrides extends AbstractMap<String, Object> {
        final Map<String, Object> base;

        RoutedOverrides(Map<String, Object> base) {
            this.base = base;
        }

        @Override
        public Object get(Object key) {
            if (key instanceof String domain) {
                RouteTarget t = targetFor.apply(domain);
                if (t != null) {
                    return srvRecord(t);
                }
            }
            return base == null ? null : base.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            // Only Openfire's own names chain to further overrides; a route target is never re-resolved here.
            return base != null && base.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return base == null ? Set.of() : base.entrySet();
        }
    }
}
