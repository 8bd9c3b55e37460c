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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.certs.CertificateMaker;
import org.xmppfed.openfire.certs.KeyType;

/**
 * The outgoing SASL EXTERNAL switch at the place Openfire asks: {@code KeyManagerFactory
 * .getInstance("NewSunX509")}, initialised with an identity store, chooses a client certificate
 * only while the switch is on; the server certificate is chosen as before; unloading removes it.
 */
class OutgoingClientCertificatesTest {
    @AfterEach
    void uninstall() {
        OutgoingClientCertificates.uninstall();
    }

    private static X509ExtendedKeyManager openfiresKeyManager() throws Exception {
        KeyPair key = KeyType.EC_P256.generate();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("openfire.test_ec", key.getPrivate(), "changeit".toCharArray(), new Certificate[] {
            CertificateMaker.selfSigned(key, KeyType.EC_P256, List.of("openfire.test"), false, Instant.now(), Duration.ofDays(30))});
        KeyManagerFactory f = KeyManagerFactory.getInstance("NewSunX509"); // what EncryptionArtifactFactory asks for
        f.init(ks, "changeit".toCharArray());
        return (X509ExtendedKeyManager) f.getKeyManagers()[0];
    }

    @Test
    void noClientCertificateWhileTheSwitchIsOffAndTheServerCertificateAsBefore() throws Exception {
        AtomicBoolean on = new AtomicBoolean(false);
        OutgoingClientCertificates.install(on::get);
        assertEquals(OutgoingClientCertificates.PROVIDER, Security.getProviders()[0].getName(), "consulted first");
        X509ExtendedKeyManager km = openfiresKeyManager();
        assertInstanceOf(OutgoingClientCertificates.WithholdingKeyManager.class, km);
        assertNull(km.chooseEngineClientAlias(new String[] {"EC"}, null, null), "no client certificate: the peer cannot offer EXTERNAL");
        assertNull(km.chooseClientAlias(new String[] {"EC"}, null, null));
        assertNotNull(km.chooseEngineServerAlias("EC", null, null), "the certificate shown to connecting servers is unchanged");
        on.set(true);
        assertNotNull(km.chooseEngineClientAlias(new String[] {"EC"}, null, null), "switched on: the certificate is presented again");
    }

    @Test
    void stoppingRemovesTheProvider() throws Exception {
        OutgoingClientCertificates.install(() -> false);
        OutgoingClientCertificates.uninstall();
        assertNull(Security.getProvider(OutgoingClientCertificates.PROVIDER));
        X509ExtendedKeyManager km = openfiresKeyManager();
        assertNotNull(km.chooseEngineClientAlias(new String[] {"EC"}, null, null), "the JDK's own key manager again");
    }
}
