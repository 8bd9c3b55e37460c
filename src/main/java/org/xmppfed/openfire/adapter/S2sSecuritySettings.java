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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jivesoftware.util.JiveGlobals;
import org.jivesoftware.util.cache.Cache;
import org.jivesoftware.util.cache.CacheFactory;
import org.xmppfed.openfire.security.DialbackSecret;
import org.xmppfed.openfire.security.S2sSecurity;
import org.xmppfed.openfire.security.TlsMode;

/**
 * The one place that reads and writes Openfire's server-to-server security settings (TLS mode,
 * certificate validation, SASL EXTERNAL, dialback and its secret). They are Openfire's own
 * properties, shared by every cluster node, so Openfire enforces them itself; other parts of the
 * plugin (status, troubleshooter) read TLS mode, SASL and dialback through {@link #read()}.
 *
 * <p>Openfire has no switches for SASL EXTERNAL per direction. Incoming: EXTERNAL is offered only
 * while it is in Openfire's SASL mechanism list ({@code sasl.mechs}), which clients share - so
 * turning it off for servers also stops certificate login of clients. Outgoing: Openfire uses
 * EXTERNAL whenever the peer offers it, and a peer offers it only when Openfire presents a client
 * certificate; {@link OutgoingClientCertificates} withholds that certificate while the plugin's
 * property {@value #EXTERNAL_OUTGOING} is false.
 */
public final class S2sSecuritySettings {
    public static final String TLS_POLICY = "xmpp.server.tls.policy";
    public static final String DIALBACK = "xmpp.server.dialback.enabled";
    /** 5.1 name (connection type prefix {@code xmpp.socket.ssl.}): abort connections whose certificate does not validate. */
    public static final String STRICT_VALIDATION = "xmpp.socket.ssl.certificate.strict-validation";
    /** 5.1 name of "accept self-signed certificates" for S2S. */
    public static final String ACCEPT_SELF_SIGNED = "xmpp.socket.ssl.certificate.accept-selfsigned";
    /** The same as read by Openfire before 5.1 (and still, first, by 5.1). */
    public static final String ACCEPT_SELF_SIGNED_OLD = "xmpp.server.certificate.accept-selfsigned";
    public static final String CERTIFICATE_VERIFY = "xmpp.server.certificate.verify";
    public static final String SASL_MECHANISMS = "sasl.mechs";
    /** Whether servers that connect in must present a certificate (Openfire's own; shown, not set, by the plugin). */
    public static final String CLIENT_CERTIFICATE_POLICY = "xmpp.server.cert.policy";
    public static final String EXTERNAL_OUTGOING = "plugin.federation.security.external.outgoing";
    /** The dialback secret, stored encrypted by Openfire (never shown on its property page). */
    public static final String DIALBACK_SECRET = "plugin.federation.security.dialback.secret";
    /** Openfire's clustered cache that holds the dialback secret of the running servers (ServerDialback). */
    static final String SECRET_CACHE = "Secret Keys Cache";
    static final String SECRET_CACHE_KEY = "secretKey";
    /** Openfire's default SASL mechanism list (SASLAuthentication), used when {@code sasl.mechs} is not set. */
    static final List<String> DEFAULT_MECHANISMS = List.of("ANONYMOUS", "PLAIN", "DIGEST-MD5", "CRAM-MD5", "SCRAM-SHA-1",
        "SCRAM-SHA-1-PLUS", "JIVE-SHAREDSECRET", "GSSAPI", "EXTERNAL");
    private static final String EXTERNAL = "EXTERNAL";

    /** The settings now in force. */
    public S2sSecurity read() {
        TlsMode tls = TlsMode.fromOpenfire(JiveGlobals.getProperty(TLS_POLICY, "optional"));
        boolean acceptSelfSigned = JiveGlobals.getBooleanProperty(ACCEPT_SELF_SIGNED_OLD, false)
            || JiveGlobals.getBooleanProperty(ACCEPT_SELF_SIGNED, false);
        boolean strict = JiveGlobals.getBooleanProperty(STRICT_VALIDATION, true) && !acceptSelfSigned;
        return new S2sSecurity(tls, strict, mechanisms().contains(EXTERNAL), externalOutgoing(),
            JiveGlobals.getBooleanProperty(DIALBACK, true), storedSecret() != null);
    }

    /** Whether Openfire may present its certificate (and so authenticate with SASL EXTERNAL) on outgoing connections. */
    public static boolean externalOutgoing() {
        return JiveGlobals.getBooleanProperty(EXTERNAL_OUTGOING, true);
    }

    /**
     * Writes {@code s} to Openfire's properties, and the new dialback secret when there is one
     * ({@code null}: keep the current one), which also goes into Openfire's running dialback at once.
     */
    public void write(S2sSecurity s, DialbackSecret newSecret) {
        if (newSecret != null) {
            JiveGlobals.setProperty(DIALBACK_SECRET, newSecret.reveal(), true);
            applyDialbackSecret();
        }
        set(TLS_POLICY, s.tls().openfireValue());
        if (s.tls() != TlsMode.NONE) {
            set(STRICT_VALIDATION, Boolean.toString(s.strictCertificates()));
            set(ACCEPT_SELF_SIGNED, Boolean.toString(!s.strictCertificates()));
            set(ACCEPT_SELF_SIGNED_OLD, Boolean.toString(!s.strictCertificates()));
            set(CERTIFICATE_VERIFY, "true");
            setIncomingExternal(s.externalIncoming());
            set(EXTERNAL_OUTGOING, Boolean.toString(s.externalOutgoing()));
        }
        set(DIALBACK, Boolean.toString(s.dialback()));
    }

    /**
     * The properties whose change must restart this node's S2S listener (its TLS settings are a
     * snapshot); see {@link S2sListeners}.
     */
    static final java.util.Set<String> LISTENER_PROPERTIES = java.util.Set.of(TLS_POLICY, STRICT_VALIDATION, ACCEPT_SELF_SIGNED,
        ACCEPT_SELF_SIGNED_OLD, CERTIFICATE_VERIFY);

    /** Sets {@code key} only when its value changes, so that saving the same settings restarts nothing. */
    private static void set(String key, String value) {
        if (!value.equals(JiveGlobals.getProperty(key))) {
            JiveGlobals.setProperty(key, value);
        }
    }

    /**
     * Puts the stored dialback secret into Openfire's dialback (its clustered secret cache, which
     * every node reads when it makes or checks a dialback key). Without a stored secret Openfire
     * keeps its own random one.
     */
    public void applyDialbackSecret() {
        String secret = storedSecret();
        if (secret != null) {
            Cache<String, String> cache = CacheFactory.createCache(SECRET_CACHE);
            cache.put(SECRET_CACHE_KEY, secret);
        }
    }

    /** Openfire's requirement for certificates of servers that connect in ({@code disabled}, {@code wanted} or {@code needed}). */
    static String clientCertificatePolicy() {
        return JiveGlobals.getProperty(CLIENT_CERTIFICATE_POLICY, "disabled");
    }

    /** The dialback secret, or {@code null} when none is set. */
    static String storedSecret() {
        String s = JiveGlobals.getProperty(DIALBACK_SECRET);
        return s == null || s.isEmpty() ? null : s;
    }

    private static List<String> mechanisms() {
        List<String> list = new ArrayList<>();
        for (String m : JiveGlobals.getListProperty(SASL_MECHANISMS, DEFAULT_MECHANISMS)) {
            list.add(m.trim().toUpperCase(Locale.ROOT));
        }
        return list;
    }

    /** Adds EXTERNAL to, or removes it from, Openfire's SASL mechanism list, keeping the other mechanisms as they are. */
    private static void setIncomingExternal(boolean on) {
        List<String> list = mechanisms();
        if (on == list.contains(EXTERNAL)) {
            return;
        }
        if (on) {
            list.add(EXTERNAL);
        } else {
            list.remove(EXTERNAL);
        }
        JiveGlobals.setProperty(SASL_MECHANISMS, list);
    }
}
