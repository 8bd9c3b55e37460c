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

import java.net.Socket;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.function.BooleanSupplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The "SASL EXTERNAL on outgoing connections" switch, made real for Openfire 5.1: Openfire
 * authenticates an outgoing S2S stream with SASL EXTERNAL whenever the peer offers it
 * ({@code RespondingServerStanzaHandler}), and a peer offers it only when Openfire presented a
 * client certificate in the TLS handshake. Openfire takes its key managers from
 * {@code KeyManagerFactory.getInstance("NewSunX509")} for every new outgoing TLS connection
 * ({@code EncryptionArtifactFactory}, created per connection by {@code NettyConnection.startTLS}),
 * so a security provider placed first that serves "NewSunX509" decides: its key managers are the
 * JDK's, except that they choose no client certificate while the switch is off. The peer then
 * offers dialback only. Server-side choices (the certificate Openfire shows to connecting servers
 * and browsers) are never changed. Installed on start, removed on stop; TLS contexts made while it
 * was installed keep their key managers until they are discarded.
 */
final class OutgoingClientCertificates {
    static final String PROVIDER = "XMPPFederationOutgoingCertificates";
    private static final String ALGORITHM = "NewSunX509";

    private OutgoingClientCertificates() {
    }

    /** Makes Openfire's new outgoing TLS connections present a client certificate only while {@code allowed} says so. */
    static void install(BooleanSupplier allowed) {
        uninstall();
        Security.insertProviderAt(new WithholdingProvider(allowed), 1);
    }

    static void uninstall() {
        Security.removeProvider(PROVIDER);
    }

    private static final class WithholdingProvider extends Provider {
        private static final long serialVersionUID = 1L;

        WithholdingProvider(BooleanSupplier allowed) {
            super(PROVIDER, "1.0", "XMPP federation: client certificates on outgoing S2S connections only while SASL EXTERNAL outgoing is on");
            putService(new Service(this, "KeyManagerFactory", ALGORITHM, WithholdingFactory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                    return new WithholdingFactory(allowed);
                }
            });
        }
    }

    private static final class WithholdingFactory extends KeyManagerFactorySpi {
        private final BooleanSupplier allowed;
        private final KeyManagerFactory jdk;

        WithholdingFactory(BooleanSupplier allowed) throws NoSuchAlgorithmException {
            this.allowed = allowed;
            try {
                this.jdk = KeyManagerFactory.getInstance(ALGORITHM, "SunJSSE");
            } catch (NoSuchProviderException e) {
                throw new NoSuchAlgorithmException("SunJSSE is not available", e);
            }
        }

        @Override
        protected void engineInit(KeyStore ks, char[] password) throws KeyStoreException, NoSuchAlgorithmException, UnrecoverableKeyException {
            jdk.init(ks, password);
        }

        @Override
        protected void engineInit(ManagerFactoryParameters spec) throws InvalidAlgorithmParameterException {
            jdk.init(spec);
        }

        @Override
        protected KeyManager[] engineGetKeyManagers() {
            KeyManager[] managers = jdk.getKeyManagers();
            for (int i = 0; i < managers.length; i++) {
                if (managers[i] instanceof X509ExtendedKeyManager m) {
                    managers[i] = new WithholdingKeyManager(m, allowed);
                }
            }
            return managers;
        }
    }

    /** The JDK's key manager, but without a client certificate while the switch is off. */
    static final class WithholdingKeyManager extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager jdk;
        private final BooleanSupplier allowed;

        WithholdingKeyManager(X509ExtendedKeyManager jdk, BooleanSupplier allowed) {
            this.jdk = jdk;
            this.allowed = allowed;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return allowed.getAsBoolean() ? jdk.chooseClientAlias(keyType, issuers, socket) : null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return allowed.getAsBoolean() ? jdk.chooseEngineClientAlias(keyType, issuers, engine) : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return jdk.getClientAliases(keyType, issuers);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return jdk.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return jdk.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return jdk.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return jdk.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return jdk.getPrivateKey(alias);
        }
    }
}
