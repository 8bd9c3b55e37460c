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
import java.util.List;
import java.util.Map;

/**
 * Openfire's own certificate stores for server-to-server connections on this node: the identity
 * store (this server's key and certificate) and the trust store (the authorities and partner
 * certificates it accepts). Certificates are per node; every node needs the same.
 */
public interface CertificateStores {
    /** A key waiting in the identity store for its signed certificate, with its stand-in certificate. */
    record Pending(String alias, KeyPair key, X509Certificate standIn) {
    }

    /** The identity store's certificates (alias to chain, leaf first), without a waiting key's stand-in. */
    Map<String, List<X509Certificate>> identity();

    /** The waiting key, or {@code null}. */
    Pending pending();

    /** Keeps {@code key} in the identity store as the waiting key (replacing an earlier one). */
    void keepPending(KeyPair key, X509Certificate standIn);

    /**
     * Installs {@code chain} (leaf first) for {@code key} as the federation certificate: it replaces
     * the identity entries for {@code domain} (and the waiting key, when it is {@code key}).
     */
    void install(KeyPair key, List<X509Certificate> chain, String domain);

    /** The trust store's certificates, by alias. */
    Map<String, X509Certificate> trusted();

    /** Adds {@code certificates} (alias to certificate) to the trust store in one change. */
    void trust(Map<String, X509Certificate> certificates);

    void untrust(String alias);
}
