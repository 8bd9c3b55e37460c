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

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.jivesoftware.util.JiveGlobals;

/**
 * The addresses DNS may send partners to for this server: its interfaces, its host name, and the
 * public addresses or names the administrator lists in {@value #PUBLIC_ADDRESSES} (NAT, load
 * balancers, the other nodes of a cluster). The one place the email-domain claim check and the
 * troubleshooter's DNS rows take them from.
 */
final class OurAddresses {
    /** DNS server to ask (host or host:port); blank for the system's. */
    static final String DNS_SERVER = "plugin.federation.dns.server";
    /** This server's public addresses or host names, comma-separated, besides its own interfaces. */
    static final String PUBLIC_ADDRESSES = "plugin.federation.public-addresses";

    private OurAddresses() {
    }

    static Set<String> of(String hostName) {
        Set<String> ours = new TreeSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    ours.add(a.getHostAddress().replaceFirst("%.*$", ""));
                }
            }
        } catch (SocketException ignored) {
            // only the configured addresses then
        }
        for (String name : (hostName + "," + JiveGlobals.getProperty(PUBLIC_ADDRESSES, "")).split(",")) {
            if (!name.isBlank()) {
                try {
                    for (InetAddress a : InetAddress.getAllByName(name.strip())) {
                        ours.add(a.getHostAddress());
                    }
                } catch (UnknownHostException ignored) {
                    // a name that does not resolve adds nothing
                }
            }
        }
        return ours;
    }

    static String dnsServer() {
        return JiveGlobals.getProperty(DNS_SERVER, "");
    }
}
