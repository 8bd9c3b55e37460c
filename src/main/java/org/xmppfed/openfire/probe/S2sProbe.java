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
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.xmppfed.openfire.dns.SrvCheck;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.troubleshoot.Text;
import org.xmppfed.openfire.troubleshoot.Verdict;

/**
 * Probes a federated partner the way a server connects to it, on its own socket (Openfire's own
 * S2S test tears down existing sessions; this does not): resolution (static route or SRV), TCP
 * connect, stream header and features, STARTTLS offered / required, the TLS version, the
 * certificate chain against the trust store and its names against the partner's domain, and which
 * authentication (dialback, SASL EXTERNAL) is offered once TLS is up. Each step has a verdict and
 * its time; a step that cannot happen because an earlier one failed is left out. Every network
 * wait is bounded by the time-out. With {@link #withPing}, a last step sends an XMPP ping through
 * the server itself over a real server-to-server stream (sent first, so that it runs while the other
 * steps do), or says why the policy rules it out.
 */
public final class S2sProbe {
    static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";

    /** One step of a probe. */
    public record Step(String id, Verdict verdict, Text what, long millis) {
    }

    /** Every step of one probe, in order. */
    public record Result(String domain, List<Step> steps) {
        public Verdict verdict() {
            Verdict v = Verdict.PASS;
            for (Step s : steps) {
                v = v.worse(s.verdict());
            }
            return v;
        }
    }

    /** A host and port to connect to, and where it came from. */
    record Target(String host, int port) {
    }

    private final SrvCheck dns;
    private final String localDomain;
    private final KeyStore trustStore;
    private final Duration timeout;
    private final XmppPing ping;
    private final FederationPolicy policy;
    private final Duration pingTimeout;
    private Set<TrustAnchor> anchors;

    /**
     * @param trustStore the certificates a partner's chain must lead to (Openfire's S2S trust store);
     *                   {@code null} for the Java runtime's
     */
    public S2sProbe(SrvCheck dns, String localDomain, KeyStore trustStore, Duration timeout) {
        this(dns, localDomain, trustStore, timeout, null, null, null);
    }

    private S2sProbe(SrvCheck dns, String localDomain, KeyStore trustStore, Duration timeout, XmppPing ping, FederationPolicy policy,
                     Duration pingTimeout) {
        this.dns = dns;
        this.localDomain = localDomain;
        this.trustStore = trustStore;
        this.timeout = timeout;
        this.ping = ping;
        this.policy = policy;
        this.pingTimeout = pingTimeout;
    }

    /**
     * This probe with a last step: an XMPP ping from {@code localDomain} through {@code ping}, waited
     * for at most {@code pingTimeout}, when {@code policy} allows traffic with the partner both ways.
     */
    public S2sProbe withPing(XmppPing ping, FederationPolicy policy, Duration pingTimeout) {
        return new S2sProbe(dns, localDomain, trustStore, timeout, ping, policy, pingTimeout);
    }

    /** Probes {@code domain}; {@code staticRoute} is "host:port" when one is configured for it. */
    public Result probe(String domain, Optional<String> staticRoute) {
        return probeAsync(domain, staticRoute, Runnable::run).join();
    }

    /**
     * Probes {@code domain} with the connection steps on {@code executor}. The ping (if any) is sent at
     * once and its answer is waited for without holding a thread of {@code executor}, so a batch of
     * probes sends every ping at the start and the threads do only the connection steps, whatever the
     * pings take. Completes normally, within the time-outs.
     */
    public CompletableFuture<Result> probeAsync(String domain, Optional<String> staticRoute, Executor executor) {
        Text skip = ping == null ? null : PingStep.skipReason(policy, domain);
        CompletableFuture<XmppPing.Answer> answer = ping == null || skip != null ? null : send(domain);
        CompletableFuture<List<Step>> connection = CompletableFuture.supplyAsync(() -> {
            List<Step> steps = new ArrayList<>();
            connectAndStream(domain, staticRoute, steps);
            return steps;
        }, executor);
        if (ping == null) {
            return connection.thenApply(steps -> new Result(domain, steps));
        }
        if (skip != null) {
            return connection.thenApply(steps -> new Result(domain, with(steps, PingStep.skipped(skip))));
        }
        return connection.thenCombine(answer, (steps, a) -> new Result(domain, with(steps, PingStep.judge(a, pingTimeout))));
    }

    /** The ping, bounded here too (the answer's own time-out is the adapter's; this is the guard), never failing. */
    private CompletableFuture<XmppPing.Answer> send(String domain) {
        CompletableFuture<XmppPing.Answer> sent;
        try {
            sent = ping.send(localDomain, domain, pingTimeout);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(XmppPing.Answer.notSent(String.valueOf(e.getMessage())));
        }
        return sent.exceptionally(e -> XmppPing.Answer.notSent(String.valueOf(e.getMessage())))
            .completeOnTimeout(XmppPing.Answer.timeout(pingTimeout.toMillis()), pingTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private static List<Step> with(List<Step> steps, Step last) {
        steps.add(last);
        return steps;
    }

    private void connectAndStream(String domain, Optional<String> staticRoute, List<Step> steps) {
        long t0 = System.nanoTime();
        List<Target> targets = resolve(domain, staticRoute, steps, t0);
        if (targets.isEmpty()) {
            return;
        }
        long t1 = System.nanoTime();
        Socket socket = null;
        Target reached = null;
        List<String> failures = new ArrayList<>();
        for (Target t : targets) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(t.host(), t.port()), (int) timeout.toMillis());
                socket = s;
                reached = t;
                break;
            } catch (IOException e) {
                failures.add(t.host() + ":" + t.port() + " (" + e.getMessage() + ")");
                closeQuietly(s);
            }
        }
        if (socket == null) {
            steps.add(new Step("connect", Verdict.FAIL, Text.of("probe.connect.failed", String.join(", ", failures)), ms(t1)));
            return;
        }
        steps.add(new Step("connect", Verdict.PASS, Text.of("probe.connect.ok", reached.host() + ":" + reached.port()), ms(t1)));
        try (Socket plain = socket) {
            plain.setSoTimeout((int) timeout.toMillis());
            stream(domain, plain, steps);
        } catch (IOException e) {
            steps.add(new Step("stream", Verdict.FAIL, Text.of("probe.io", String.valueOf(e.getMessage())), 0));
        }
    }

    private List<Target> resolve(String domain, Optional<String> staticRoute, List<Step> steps, long t0) {
        if (staticRoute.isPresent()) {
            String route = staticRoute.get();
            int colon = route.lastIndexOf(':');
            String host = colon > 0 ? route.substring(0, colon) : route;
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1); // an IPv6 literal as routes write it
            }
            Target t = new Target(host, colon > 0 ? Integer.parseInt(route.substring(colon + 1)) : 5269);
            steps.add(new Step("resolve", Verdict.PASS, Text.of("probe.resolve.static", t.host() + ":" + t.port()), ms(t0)));
            return List.of(t);
        }
        SrvCheck.Records records;
        try {
            records = dns.srv("_xmpp-server._tcp", domain);
        } catch (RuntimeException e) {
            steps.add(new Step("resolve", Verdict.FAIL, Text.of("probe.resolve.failed", String.valueOf(e.getMessage())), ms(t0)));
            return List.of();
        }
        List<Target> targets = new ArrayList<>();
        switch (records.outcome()) {
            case FOUND -> {
                for (SrvCheck.Target t : records.targets()) {
                    if (!t.host().equals(".")) {
                        targets.add(new Target(t.addresses().isEmpty() ? t.host() : t.addresses().iterator().next(), t.port()));
                    }
                }
                if (targets.isEmpty()) {
                    steps.add(new Step("resolve", Verdict.FAIL, Text.of("probe.resolve.no-service", domain), ms(t0)));
                    return List.of();
                }
                steps.add(new Step("resolve", Verdict.PASS, Text.of("probe.resolve.srv",
                    String.join(", ", targets.stream().map(t -> t.host() + ":" + t.port()).toList())), ms(t0)));
            }
            case NONE -> {
                if (dns.addressesOf(domain).isEmpty()) {
                    steps.add(new Step("resolve", Verdict.FAIL, Text.of("probe.resolve.none", domain), ms(t0)));
                    return List.of();
                }
                targets.add(new Target(dns.addressesOf(domain).iterator().next(), 5269));
                steps.add(new Step("resolve", Verdict.WARN, Text.of("probe.resolve.fallback", domain), ms(t0)));
            }
            default -> {
                steps.add(new Step("resolve", Verdict.FAIL, Text.of("probe.resolve.failed", String.valueOf(records.problem())), ms(t0)));
                return List.of();
            }
        }
        return targets;
    }

    private void stream(String domain, Socket plain, List<Step> steps) throws IOException {
        long t = System.nanoTime();
        send(plain.getOutputStream(), header(domain));
        XmppStreamReader.Opening first = XmppStreamReader.opening(plain.getInputStream());
        if (first.header() == null || first.error() != null) {
            steps.add(new Step("stream", Verdict.FAIL, Text.of("probe.stream.refused", first.error() == null ? "-" : abbreviate(first.error())), ms(t)));
            return;
        }
        String from = first.from().orElse("");
        steps.add(new Step("stream", from.isEmpty() || from.equalsIgnoreCase(domain) ? Verdict.PASS : Verdict.WARN,
            Text.of(from.isEmpty() || from.equalsIgnoreCase(domain) ? "probe.stream.ok" : "probe.stream.other-name", from.isEmpty() ? "-" : from,
                first.features() == null ? 0 : first.features().length()), ms(t)));
        if (!first.offers(TLS_NS)) {
            steps.add(new Step("starttls", Verdict.WARN, Text.of("probe.starttls.none"), 0));
            authentication(first, false, steps, 0);
            return;
        }
        boolean required = first.features().substring(first.features().indexOf(TLS_NS)).matches("(?s)[^>]*>\\s*<required.*");
        steps.add(new Step("starttls", Verdict.PASS, Text.of(required ? "probe.starttls.required" : "probe.starttls.offered"), 0));
        long tls = System.nanoTime();
        send(plain.getOutputStream(), "<starttls xmlns='" + TLS_NS + "'/>");
        if (!XmppStreamReader.proceed(plain.getInputStream())) {
            steps.add(new Step("tls", Verdict.FAIL, Text.of("probe.tls.refused"), ms(tls)));
            return;
        }
        Capture capture = new Capture();
        SSLSocket secure;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {capture}, null);
            SSLSocketFactory factory = context.getSocketFactory();
            secure = (SSLSocket) factory.createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), false);
            secure.setSoTimeout((int) timeout.toMillis());
            secure.startHandshake();
        } catch (GeneralSecurityException | IOException e) {
            steps.add(new Step("tls", Verdict.FAIL, Text.of("probe.tls.failed", String.valueOf(e.getMessage())), ms(tls)));
            return;
        }
        String protocol = secure.getSession().getProtocol();
        steps.add(new Step("tls", protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2") ? Verdict.PASS : Verdict.WARN,
            Text.of("probe.tls.ok", protocol, secure.getSession().getCipherSuite()), ms(tls)));
        certificate(domain, capture.chain, steps);
        long restart = System.nanoTime();
        send(secure.getOutputStream(), header(domain));
        XmppStreamReader.Opening second = XmppStreamReader.opening(secure.getInputStream());
        authentication(second, true, steps, ms(restart));
        closeQuietly(secure);
    }

    private void authentication(XmppStreamReader.Opening o, boolean afterTls, List<Step> steps, long millis) {
        if (afterTls && o.error() != null && o.error().contains("not-authorized")) {
            // A partner that requires a valid certificate refuses the probe, which presents none, as it should: not a fault
            steps.add(new Step("authentication", Verdict.WARN, Text.of("probe.auth.refused.tls", abbreviate(o.error())), millis));
            return;
        }
        if (o.header() == null || o.error() != null || o.features() == null) {
            steps.add(new Step("authentication", Verdict.FAIL, Text.of("probe.stream.refused", o.error() == null ? "-" : abbreviate(o.error())), millis));
            return;
        }
        boolean dialback = o.offers("urn:xmpp:features:dialback");
        boolean external = o.features().contains(">EXTERNAL<");
        List<String> offered = new ArrayList<>();
        if (dialback) {
            offered.add("dialback");
        }
        if (external) {
            offered.add("SASL EXTERNAL");
        }
        // After TLS, SASL EXTERNAL is offered only to a server that presented a certificate, which the probe does not;
        // and dialback works without being advertised (XEP-0220 servers before the feature): so a warning, not a failure.
        Verdict none = Verdict.WARN;
        steps.add(new Step("authentication", offered.isEmpty() ? none : Verdict.PASS,
            offered.isEmpty() ? Text.of(afterTls ? "probe.auth.none.tls" : "probe.auth.none") : Text.of(afterTls ? "probe.auth.tls" : "probe.auth.plain",
                String.join(", ", offered)), millis));
    }

    private void certificate(String domain, X509Certificate[] chain, List<Step> steps) {
        if (chain == null || chain.length == 0) {
            steps.add(new Step("certificate", Verdict.FAIL, Text.of("probe.cert.none"), 0));
            return;
        }
        X509Certificate leaf = chain[0];
        String until = leaf.getNotAfter().toInstant().toString().substring(0, 10);
        try {
            leaf.checkValidity();
            PKIXParameters params = new PKIXParameters(anchors());
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain)), params);
            steps.add(new Step("certificate", Verdict.PASS, Text.of("probe.cert.valid", leaf.getSubjectX500Principal().getName(), until), 0));
        } catch (CertificateExpiredException e) {
            steps.add(new Step("certificate", Verdict.FAIL, Text.of("probe.cert.expired", until), 0));
        } catch (CertificateNotYetValidException e) {
            steps.add(new Step("certificate", Verdict.FAIL, Text.of("probe.cert.not-yet", leaf.getNotBefore().toInstant().toString()), 0));
        } catch (CertPathValidatorException e) {
            steps.add(new Step("certificate", Verdict.FAIL, Text.of("probe.cert.untrusted", leaf.getIssuerX500Principal().getName()), 0));
        } catch (GeneralSecurityException e) {
            steps.add(new Step("certificate", Verdict.FAIL, Text.of("probe.cert.unchecked", String.valueOf(e.getMessage())), 0));
        }
        TreeSet<String> names = names(leaf);
        steps.add(new Step("certificate-name", covers(names, domain) ? Verdict.PASS : Verdict.FAIL,
            Text.of(covers(names, domain) ? "probe.cert.name.ok" : "probe.cert.name.wrong", domain, String.join(", ", names)), 0));
    }

    static boolean covers(Collection<String> names, String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        for (String n : names) {
            String name = n.toLowerCase(Locale.ROOT);
            if (name.equals(d) || (name.startsWith("*.") && d.endsWith(name.substring(1)) && d.indexOf('.') == d.length() - name.length() + 1)) {
                return true;
            }
        }
        return false;
    }

    private static TreeSet<String> names(X509Certificate c) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException ignored) {
            // subject only
        }
        if (names.isEmpty()) {
            String dn = c.getSubjectX500Principal().getName();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("CN=([^,]+)").matcher(dn);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The trust anchors, read from the trust store once per probe batch rather than once per partner
     * (Openfire's S2S trust store holds a hundred or more authorities).
     */
    private synchronized Set<TrustAnchor> anchors() throws GeneralSecurityException {
        if (anchors == null) {
            KeyStore store = trustStore != null ? trustStore : defaultTrust();
            Set<TrustAnchor> all = new HashSet<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                    all.add(new TrustAnchor(c, null));
                }
            }
            if (all.isEmpty()) {
                throw new java.security.InvalidAlgorithmParameterException("the trust store holds no certificate");
            }
            anchors = Set.copyOf(all);
        }
        return anchors;
    }

    private static KeyStore defaultTrust() throws GeneralSecurityException {
        javax.net.ssl.TrustManagerFactory f = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                for (X509Certificate c : x.getAcceptedIssuers()) {
                    ks.setCertificateEntry("ca" + i++, c);
                }
            }
        }
        return ks;
    }

    private String header(String domain) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' "
            + "xmlns:db='jabber:server:dialback' from='" + localDomain + "' to='" + domain + "' version='1.0'>";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "\u2026" : t;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to do with it
        }
    }

    /** Accepts any chain during the handshake and keeps it, so it can be judged (and shown) afterwards. */
    private static final class Capture implements X509TrustManager {
        X509Certificate[] chain;

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) {
            chain = c;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) {
            chain = c;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
