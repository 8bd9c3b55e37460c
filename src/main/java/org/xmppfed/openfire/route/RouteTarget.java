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
package org.xmppfed.openfire.route;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import org.xmppfed.openfire.policy.DomainNames;
import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * Where a static route leads: a host (IPv4 or IPv6 literal, or a fully qualified domain name) and
 * a port. Written as {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port}; the
 * port defaults to 5269, the XMPP server-to-server port.
 */
public record RouteTarget(String host, int port) {
    public static final int DEFAULT_PORT = 5269;

    public RouteTarget {
        if (host == null || host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a route target: " + host + " port " + port);
        }
    }

    /** Reads an address as the administrator writes it; throws with the reason when it is not one. */
    public static RouteTarget parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("route.error.address-empty");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i))) {
                throw new InvalidInputException("route.error.address-whitespace", text);
            }
        }
        if (text.contains("://") || (text.regionMatches(true, 0, "xmpp:", 0, 5) && !allDigits(text.substring(5)))) {
            throw new InvalidInputException("route.error.address-scheme", text);
        }
        if (text.indexOf('@') >= 0) {
            throw new InvalidInputException("route.error.address-jid", text, text.substring(text.lastIndexOf('@') + 1));
        }
        if (text.indexOf('/') >= 0) {
            throw new InvalidInputException("route.error.address-path", text);
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new InvalidInputException("route.error.address-bracket", text);
            }
            String host = ipv6(text.substring(1, close), text);
            String rest = text.substring(close + 1);
            if (rest.isEmpty()) {
                return new RouteTarget(host, DEFAULT_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new InvalidInputException("route.error.address-bracket", text);
            }
            return new RouteTarget(host, port(rest.substring(1), text));
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
            throw new InvalidInputException("route.error.address-ipv6", text);
        }
        String hostPart = colon < 0 ? text : text.substring(0, colon);
        int port = colon < 0 ? DEFAULT_PORT : port(text.substring(colon + 1), text);
        if (hostPart.isEmpty()) {
            throw new InvalidInputException("route.error.address-no-host", text);
        }
        // A host name follows the same rules as every domain name (one place): its message names the host.
        return new RouteTarget(DomainNames.normalise(hostPart), port);
    }

    /** "xmpp:5269" is the host xmpp with a port; "xmpp:partner.example" is a URI. */
    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static int port(String digits, String text) {
        if (digits.isEmpty()) {
            throw new InvalidInputException("route.error.port-missing", text);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new InvalidInputException("route.error.port-letters", text, digits);
            }
        }
        int port = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("route.error.port-range", text, digits);
        }
        return port;
    }

    /** An IPv6 literal (no zone), lower-cased as written; checked without any name lookup. */
    private static String ipv6(String literal, String text) {
        String host = literal.toLowerCase(Locale.ROOT);
        boolean plausible = host.indexOf(':') >= 0;
        for (int i = 0; i < host.length() && plausible; i++) {
            char c = host.charAt(i);
            plausible = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.';
        }
        if (plausible) {
            try {
                // A text with ':' is only ever read as a literal, never looked up.
                InetAddress.getByName(host);
                return host;
            } catch (UnknownHostException e) {
                // falls through to the message
            }
        }
        throw new InvalidInputException("route.error.address-ipv6-literal", text, literal);
    }

    /** Whether the host is an IPv6 literal (written in brackets). */
    public boolean ipv6() {
        return host.indexOf(':') >= 0;
    }

    /** The address as the administrator writes it, port included: {@code host:port} or {@code [ipv6]:port}. */
    @Override
    public String toString() {
        return ipv6() ? "[" + host + "]:" + port : host + ":" + port;
    }
}
