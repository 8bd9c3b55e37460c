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
package org.xmppfed.openfire.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A bare server-to-server client that plays a federated server up to the point that matters: it
 * opens a stream to Openfire as {@code from}, negotiates STARTTLS presenting that server's
 * certificate, opens the stream again and returns the stream features Openfire offers then (where
 * SASL EXTERNAL is offered, or not). It authenticates nothing and sends no stanza.
 */
final class S2sProbe {
    private S2sProbe() {
    }

    /** The {@code <stream:features>} Openfire sends after TLS to a server connecting as {@code from} with the given certificate. */
    static String featuresAfterStartTls(String host, String from, String to, Path certificatePem, Path keyPem) throws Exception {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, 5269), 10_000);
            plain.setSoTimeout(15_000);
            send(plain.getOutputStream(), header(from, to));
            String first = readUntil(plain.getInputStream(), "</stream:features>");
            if (!first.contains("urn:ietf:params:xml:ns:xmpp-tls")) {
                throw new AssertionError("Openfire offered no STARTTLS: " + first);
            }
            send(plain.getOutputStream(), "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            readUntil(plain.getInputStream(), "<proceed");
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers(certificatePem, keyPem), new TrustManager[] {new TrustEverything()}, null);
            try (SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, 5269, true)) {
                secure.setUseClientMode(true);
                secure.startHandshake();
                send(secure.getOutputStream(), header(from, to));
                String features = readUntil(secure.getInputStream(), "</stream:features>");
                send(secure.getOutputStream(), "</stream:stream>");
                return features.substring(features.indexOf("<stream:features"));
            }
        }
    }

    private static String header(String from, String to) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
            + " xmlns:db='jabber:server:dialback' from='" + from + "' to='" + to + "' version='1.0'>";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** What the server sends until {@code marker} has arrived (bounded by the socket's read time-out). */
    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (text.indexOf(marker) < 0) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("No '" + marker + "' from Openfire within 15 s; got: " + text);
            }
            if (n < 0) {
                throw new AssertionError("Openfire closed the stream before '" + marker + "'; got: " + text);
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static javax.net.ssl.KeyManager[] keyManagers(Path certificatePem, Path keyPem) throws Exception {
        List<Certificate> chain = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(certificatePem); PEMParser p = new PEMParser(r)) {
            Object o;
            while ((o = p.readObject()) != null) {
                chain.add(new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) o));
            }
        }
        PrivateKey key;
        try (Reader r = Files.newBufferedReader(keyPem); PEMParser p = new PEMParser(r)) {
            key = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) p.readObject());
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("peer", key, "probe".toCharArray(), chain.toArray(new Certificate[0]));
        KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        f.init(ks, "probe".toCharArray());
        return f.getKeyManagers();
    }

    /** The probe only looks at the features; whom it talks to is fixed by the test. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
