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
package org.xmppfed.openfire.certs;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Certificate stores in memory, with the same replacement rules as Openfire's identity store adapter. */
public final class MemoryCertificateStores implements CertificateStores {
    public final Map<String, List<X509Certificate>> identity = new LinkedHashMap<>();
    public final Map<String, KeyPair> keys = new LinkedHashMap<>();
    public final Map<String, X509Certificate> trusted = new LinkedHashMap<>();
    public Pending pending;
    private int installed;

    @Override
    public Map<String, List<X509Certificate>> identity() {
        return new LinkedHashMap<>(identity);
    }

    @Override
    public Pending pending() {
        return pending;
    }

    @Override
    public void keepPending(KeyPair key, X509Certificate standIn) {
        pending = new Pending("federation-pending", key, standIn);
    }

    @Override
    public void install(KeyPair key, List<X509Certificate> chain, String domain) {
        identity.entrySet().removeIf(e -> NameMatch.dnsMatch(SanNames.of(e.getValue().get(0)).dns(), domain) != null);
        String alias = domain + "_federation_" + (++installed);
        identity.put(alias, List.copyOf(chain));
        keys.put(alias, key);
        if (pending != null && pending.key().getPublic().equals(key.getPublic())) {
            pending = null;
        }
    }

    @Override
    public Map<String, X509Certificate> trusted() {
        return new LinkedHashMap<>(trusted);
    }

    @Override
    public void trust(Map<String, X509Certificate> certificates) {
        trusted.putAll(certificates);
    }

    @Override
    public void untrust(String alias) {
        trusted.remove(alias);
    }
}
