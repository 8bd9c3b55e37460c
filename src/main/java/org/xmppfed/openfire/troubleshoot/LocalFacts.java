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
package org.xmppfed.openfire.troubleshoot;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.route.StaticRoutes;

/**
 * What the local checks look at, gathered from Openfire and the capabilities by the plugin:
 * the names this server answers for over S2S besides its XMPP domain (email domains, chat
 * aliases), the S2S listener, this server's addresses, the policy, addresses several users share,
 * Openfire's own S2S permission list ({@code openfireWhitelist} null when it could not be read) and
 * the static routes.
 */
public record LocalFacts(String xmppDomain, String hostName, List<String> servedNames, boolean s2sEnabled, String listenHost, int s2sPort,
                         int directTlsPort, Set<String> ourAddresses, FederationPolicy policy,
                         Map<String, Set<String>> sharedEmails, Boolean openfireWhitelist, Map<String, Boolean> openfirePermissions,
                         StaticRoutes staticRoutes) {
    public LocalFacts {
        servedNames = List.copyOf(servedNames);
        ourAddresses = Set.copyOf(ourAddresses);
    }

    /** Every name partners must be able to reach this server under: the XMPP domain first. */
    public List<String> allNames() {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(xmppDomain);
        for (String n : servedNames) {
            if (!all.contains(n)) {
                all.add(n);
            }
        }
        return all;
    }
}
