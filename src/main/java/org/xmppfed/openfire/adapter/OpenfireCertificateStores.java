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

import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.keystore.CertificateStore;
import org.jivesoftware.openfire.keystore.CertificateStoreConfigException;
import org.jivesoftware.openfire.keystore.IdentityStore;
import org.jivesoftware.openfire.keystore.TrustStore;
import org.jivesoftware.openfire.spi.ConnectionType;
import org.jivesoftware.util.CertificateManager;
import org.xmppfed.openfire.certs.CertificateMaker;
import org.xmppfed.openfire.certs.CertificateStores;
import org.xmppfed.openfire.certs.NameMatch;
import org.xmppfed.openfire.certs.SanNames;

/**
 * {@link CertificateStores} on Openfire's own identity and trust stores for S2S connections
 * ({@code CertificateStoreManager}, connection type {@code SOCKET_S2S}; same API in 4.2.0 and 5.1).
 * Changes are written to the store's file and announced with
 * {@code CertificateManager.fireCertificateStoreChanged}, after which Openfire's listeners use them
 * for new connections. Synchronized: one change at a time on this node.
 */
final class OpenfireCertificateStores implements CertificateStores {
    /** The waiting key's alias in the identity store. */
    static final String PENDING_ALIAS = "federation-pending";

    private static IdentityStore identityStore() {
        return XMPPServer.getInstance().getCertificateStoreManager().getIdentityStore(ConnectionType.SOCKET_S2S);
    }

    private static TrustStore trustStore() {
        return XMPPServer.getInstance().getCertificateStoreManager().getTrustStore(ConnectionType.SOCKET_S2S);
    }

    @Override
    public synchronized Map<String, List<X509Certificate>> identity() {
        KeyStore ks = identityStore().getStore();
        Map<String, List<X509Certificate>> result = new LinkedHashMap<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias) || alias.equals(PENDING_ALIAS)) {
                    continue;
                }
                List<X509Certificate> chain = chain(ks, alias);
                if (!chain.isEmpty() && !CertificateMaker.isPendingStandIn(chain.get(0), Instant.now())) {
                    result.put(alias, chain);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("Openfire's S2S identity store cannot be read", e);
        }
        return result;
    }

    @Override
    public synchronized Pending pending() {
        IdentityStore store = identityStore();
        try {
            KeyStore ks = store.getStore();
            if (!ks.isKeyEntry(PENDING_ALIAS)) {
                return null;
            }
            Key key = ks.getKey(PENDING_ALIAS, store.getConfiguration().getPassword());
            List<X509Certificate> chain = chain(ks, PENDING_ALIAS);
            if (!(key instanceof PrivateKey privateKey) || chain.isEmpty()) {
                return null;
            }
            return new Pending(PENDING_ALIAS, new KeyPair(chain.get(0).getPublicKey(), privateKey), chain.get(0));
        } catch (Exception e) {
            throw new IllegalStateException("The waiting key cannot be read from Openfire's S2S identity store", e);
        }
    }

    @Override
    public synchronized void keepPending(KeyPair key, X509Certificate standIn) {
        IdentityStore store = identityStore();
        try {
            store.getStore().setKeyEntry(PENDING_ALIAS, key.getPrivate(), store.getConfiguration().getPassword(), new Certificate[] {standIn});
        } catch (KeyStoreException e) {
            throw new IllegalStateException("The new key cannot be kept in Openfire's S2S identity store", e);
        }
        persist(store);
    }

    @Override
    public synchronized void install(KeyPair key, List<X509Certificate> chain, String domain) {
        IdentityStore store = identityStore();
        KeyStore ks = store.getStore();
        String alias = domain + "_federation_" + Instant.now().getEpochSecond();
        try {
            List<String> replaced = new ArrayList<>();
            for (String a : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(a)) {
                    continue;
                }
                List<X509Certificate> c = chain(ks, a);
                boolean pendingForThisKey = a.equals(PENDING_ALIAS) && !c.isEmpty() && c.get(0).getPublicKey().equals(key.getPublic());
                boolean forTheDomain = !a.equals(PENDING_ALIAS) && !c.isEmpty() && NameMatch.dnsMatch(SanNames.of(c.get(0)).dns(), domain) != null;
                if (pendingForThisKey || forTheDomain) {
                    replaced.add(a);
                }
            }
            ks.setKeyEntry(alias, key.getPrivate(), store.getConfiguration().getPassword(), chain.toArray(new Certificate[0]));
            for (String a : replaced) {
                ks.deleteEntry(a);
            }
        } catch (KeyStoreException e) {
            reload(store);
            throw new IllegalStateException("The certificate cannot be installed in Openfire's S2S identity store", e);
        }
        persist(store);
    }

    @Override
    public synchronized Map<String, X509Certificate> trusted() {
        KeyStore ks = trustStore().getStore();
        Map<String, X509Certificate> result = new LinkedHashMap<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate c) {
                    result.put(alias, c);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("Openfire's S2S trust store cannot be read", e);
        }
        return result;
    }

    @Override
    public synchronized void trust(Map<String, X509Certificate> certificates) {
        TrustStore store = trustStore();
        try {
            for (Map.Entry<String, X509Certificate> e : certificates.entrySet()) {
                store.getStore().setCertificateEntry(e.getKey(), e.getValue());
            }
        } catch (KeyStoreException e) {
            reload(store);
            throw new IllegalStateException("The certificates cannot be added to Openfire's S2S trust store", e);
        }
        persist(store); // one write for the whole upload (a CA bundle), so Openfire reloads once
    }

    @Override
    public synchronized void untrust(String alias) {
        TrustStore store = trustStore();
        try {
            store.getStore().deleteEntry(alias);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("The certificate cannot be removed from Openfire's S2S trust store", e);
        }
        persist(store);
    }

    private static List<X509Certificate> chain(KeyStore ks, String alias) throws KeyStoreException {
        List<X509Certificate> list = new ArrayList<>();
        Certificate[] chain = ks.getCertificateChain(alias);
        if (chain == null) {
            Certificate c = ks.getCertificate(alias);
            chain = c == null ? new Certificate[0] : new Certificate[] {c};
        }
        for (Certificate c : chain) {
            if (c instanceof X509Certificate x) {
                list.add(x);
            }
        }
        return list;
    }

    /** Writes the store's file and tells Openfire, which then uses it for new connections. */
    private static void persist(CertificateStore store) {
        // Openfire restarts its admin console on every store change: not while the administrator is on this page.
        AdminConsoleRestarts.pause(Duration.ofMinutes(5));
        try {
            store.persist();
        } catch (CertificateStoreConfigException e) {
            reload(store);
            throw new IllegalStateException("Openfire's S2S certificate store cannot be written", e);
        }
        CertificateManager.fireCertificateStoreChanged(store);
    }

    /** Puts the store back to what its file holds (after a change that could not be completed). */
    private static void reload(CertificateStore store) {
        try {
            store.reload();
        } catch (CertificateStoreConfigException e) {
            Worker.guarded("noting a store that cannot be reloaded", () -> {
                throw new IllegalStateException("Openfire's certificate store cannot be reloaded", e);
            });
        }
    }
}
