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
package org.xmppfed.openfire.probe;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server side of the start of a server-to-server stream, as far as a probe looks: stream header,
 * features (STARTTLS required or none; dialback), the TLS handshake with a given certificate, the
 * restarted stream's features. Real TCP and real TLS on loopback; for the probe's tests, where a
 * certificate must be expired or name another domain.
 */
public final class FakeXmppServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private final SSLContext tls;

    /** A key with a self-signed certificate for {@code names}, valid from {@code from} to {@code until}. */
    public record Identity(PrivateKey key, X509Certificate certificate) {
        public static Identity selfSigned(Instant from, Instant until, String... names) throws GeneralSecurityException {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair pair = g.generateKeyPair();
                X500Name subject = new X500Name("CN=" + names[0]);
                JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(System.nanoTime()),
                    Date.from(from), Date.from(until), subject, pair.getPublic());
                GeneralName[] sans = new GeneralName[names.length];
                for (int i = 0; i < names.length; i++) {
                    sans[i] = new GeneralName(GeneralName.dNSName, names[i]);
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
                X509Certificate c = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
                return new Identity(pair.getPrivate(), c);
            } catch (org.bouncycastle.operator.OperatorCreationException | IOException e) {
                throw new GeneralSecurityException(e);
            }
        }

        public static Identity valid(String... names) throws GeneralSecurityException {
            return selfSigned(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)), names);
        }

        /** A trust store holding only this certificate. */
        public KeyStore trustStore() throws GeneralSecurityException, IOException {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("trusted", certificate);
            return ks;
        }
    }

    /** {@code identity} null: no STARTTLS offered, dialback in the first features. */
    public FakeXmppServer(String address, int port, String domain, Identity identity) throws IOException {
        // one TLS context for all connections, as a real server has (building one per connection costs a key store
        // encryption and decryption each time, which would be counted against the probes sharing the machine)
        try {
            tls = identity == null ? null : context(identity);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        socket = new ServerSocket(port, 50, InetAddress.getByName(address));
        thread = new Thread(() -> serve(domain, identity), "fake-xmpp-" + domain);
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve(String domain, Identity identity) {
        while (!socket.isClosed()) {
            try {
                Socket accepted = socket.accept();
                Thread t = new Thread(() -> answer(accepted, domain, identity), "fake-xmpp-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    private void answer(Socket accepted, String domain, Identity identity) {
        {
            try (Socket s = accepted) {
                s.setSoTimeout(5000);
                readUntil(s.getInputStream(), "version='1.0'>");
                String header = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' "
                    + "xmlns:db='jabber:server:dialback' from='" + domain + "' id='x1' version='1.0'>";
                if (identity == null) {
                    write(s, header + "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/></stream:features>");
                    readUntil(s.getInputStream(), "</stream:stream>");
                    return;
                }
                write(s, header + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>");
                readUntil(s.getInputStream(), "/>");
                write(s, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
                try (SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(s, s.getInetAddress().getHostAddress(), s.getPort(), true)) {
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    readUntil(secure.getInputStream(), "version='1.0'>");
                    write(secure, header + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>EXTERNAL</mechanism>"
                        + "</mechanisms><dialback xmlns='urn:xmpp:features:dialback'/></stream:features>");
                    readUntil(secure.getInputStream(), "</stream:stream>");
                }
            } catch (IOException e) {
                // the probe closed the connection
            }
        }
    }

    private static SSLContext context(Identity identity) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("id", identity.key(), "pw".toCharArray(), new X509Certificate[] {identity.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    private static void readUntil(InputStream in, String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            sb.append((char) b);
            if (sb.indexOf(end) >= 0) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
