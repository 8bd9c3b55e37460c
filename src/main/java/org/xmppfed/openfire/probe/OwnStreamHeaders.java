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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.xmppfed.openfire.troubleshoot.Check;
import org.xmppfed.openfire.troubleshoot.Evidence;
import org.xmppfed.openfire.troubleshoot.Text;
import org.xmppfed.openfire.troubleshoot.Verdict;

/**
 * Opens a server-to-server stream to this server for every name it serves, as a partner would, and
 * reads the stream header it answers with before and after STARTTLS: each must name the domain that
 * was asked for (RFC 6120 §4.7.1). Openfire 5.1.1 answers with its main XMPP domain after STARTTLS
 * on streams opened to another of its names; strict partners may then refuse the stream (WARN).
 */
public final class OwnStreamHeaders {
    private OwnStreamHeaders() {
    }

    public static Check check(String name, String host, int port, String probeFrom, Duration timeout) {
        Text title = Text.of("check.local.stream-header", name);
        Text source = Text.of("troubleshoot.source.stream", name);
        List<Evidence> evidence = new ArrayList<>();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            plain.getOutputStream().write(header(probeFrom, name));
            XmppStreamReader.Opening first = XmppStreamReader.opening(plain.getInputStream());
            if (first.header() == null || first.error() != null) {
                return new Check("local.stream-header." + name, Verdict.FAIL, title,
                    List.of(new Evidence(source, Text.of("troubleshoot.stream.refused", first.error() == null ? "-" : first.error().replaceAll("\\s+", " ")))),
                    Text.of("action.local.stream-header.refused"));
            }
            String before = first.from().orElse("-");
            evidence.add(new Evidence(source, Text.of("troubleshoot.stream.before-tls", before)));
            Verdict v = before.equalsIgnoreCase(name) ? Verdict.PASS : Verdict.WARN;
            if (first.offers(S2sProbe.TLS_NS)) {
                plain.getOutputStream().write(("<starttls xmlns='" + S2sProbe.TLS_NS + "'/>").getBytes(StandardCharsets.UTF_8));
                if (XmppStreamReader.proceed(plain.getInputStream())) {
                    SSLContext context = SSLContext.getInstance("TLS");
                    context.init(null, new TrustManager[] {new AnyChain()}, null);
                    try (SSLSocket secure = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
                        secure.setSoTimeout((int) timeout.toMillis());
                        secure.startHandshake();
                        secure.getOutputStream().write(header(probeFrom, name));
                        String after = XmppStreamReader.opening(secure.getInputStream()).from().orElse("-");
                        evidence.add(new Evidence(source, Text.of("troubleshoot.stream.after-tls", after)));
                        if (!after.equalsIgnoreCase(name)) {
                            v = Verdict.WARN;
                        }
                    }
                }
            } else {
                evidence.add(new Evidence(source, Text.of("troubleshoot.stream.no-tls")));
            }
            return new Check("local.stream-header." + name, v, title, evidence, v == Verdict.PASS ? null : Text.of("action.local.stream-header"));
        } catch (IOException | GeneralSecurityException e) {
            evidence.add(new Evidence(source, Text.of("troubleshoot.stream.failed", String.valueOf(e.getMessage()))));
            return new Check("local.stream-header." + name, Verdict.FAIL, title, evidence, Text.of("action.local.s2s-listener.down"));
        }
    }

    private static byte[] header(String from, String to) {
        return ("<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' "
            + "xmlns:db='jabber:server:dialback' from='" + from + "' to='" + to + "' version='1.0'>").getBytes(StandardCharsets.UTF_8);
    }

    /** Only the names in the headers are judged here; the certificate is the certificate rows' business. */
    private static final class AnyChain implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
