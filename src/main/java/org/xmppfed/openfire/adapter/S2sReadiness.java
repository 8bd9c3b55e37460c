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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.keystore.IdentityStore;
import org.jivesoftware.openfire.spi.ConnectionType;
import org.jivesoftware.util.JiveGlobals;
import org.xmppfed.openfire.connections.FederationReadiness;
import org.xmppfed.openfire.connections.PeerCertificateCheck;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.security.S2sSecurity;

/**
 * Reads what decides whether this node can federate from Openfire itself: its S2S listener (on/off
 * and port, and whether something answers on it), the S2S security settings (through
 * {@link S2sSecuritySettings}, the one reader of TLS mode, dialback and SASL EXTERNAL), and whether
 * the S2S identity store holds a certificate that is valid now and names the XMPP domain.
 */
final class S2sReadiness {
    static final String LISTENER_ACTIVE = "xmpp.server.socket.active";
    static final String PORT = "xmpp.server.socket.port";
    private static final int CONNECT_MILLIS = 500;

    private S2sReadiness() {
    }

    static FederationReadiness.Facts facts(FederationPolicy policy, EmailFederation email, String xmppDomain) {
        int port = JiveGlobals.getIntProperty(PORT, 5269);
        boolean listenerEnabled = JiveGlobals.getBooleanProperty(LISTENER_ACTIVE, true);
        String certificateProblem = certificateProblem(xmppDomain);
        S2sSecurity security = new S2sSecuritySettings().read();
        return new FederationReadiness.Facts(policy.enabled(), policy.defaultPolicy() == DefaultPolicy.DENY, policy.exceptions().size(),
            listenerEnabled, listenerEnabled && answers(port), port, security.tls(), certificateProblem == null,
            certificateProblem, security.dialback(), security.externalIncoming(),
            email != null && email.enabled(), email == null || email.ready());
    }

    /** Whether a TCP connection to the S2S port on the address Openfire binds to is accepted. */
    private static boolean answers(int port) {
        String bound = JiveGlobals.getXMLProperty("network.interface");
        String host = bound == null || bound.isBlank() ? "127.0.0.1" : bound.strip();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Why the S2S identity store has no usable certificate for {@code xmppDomain}, or {@code null}
     * when it has one (a key entry whose certificate is valid now and names the domain).
     */
    static String certificateProblem(String xmppDomain) {
        try {
            IdentityStore store = XMPPServer.getInstance().getCertificateStoreManager().getIdentityStore(ConnectionType.SOCKET_S2S);
            if (store == null) {
                return "no identity store for server-to-server connections";
            }
            KeyStore keys = store.getStore();
            String last = "no certificate with a private key";
            for (Enumeration<String> aliases = keys.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (!keys.isKeyEntry(alias)) {
                    continue;
                }
                Certificate c = keys.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    List<String> problems = PeerCertificateCheck.problems(x, xmppDomain, Instant.now(), false);
                    if (problems.isEmpty()) {
                        return null;
                    }
                    last = "certificate '" + alias + "' " + String.join("; ", problems);
                }
            }
            return last;
        } catch (KeyStoreException | RuntimeException e) {
            return "the identity store cannot be read: " + e.getMessage();
        }
    }
}
