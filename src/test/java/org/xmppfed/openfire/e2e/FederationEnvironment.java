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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The world the end-to-end scenarios run in: a DNS server, a Prosody serving two remote domains, an
 * ejabberd serving a third, a fresh Openfire with the freshly built plugin, and the admin console
 * session that configures it.
 * Started once per test class; everything is stopped again, also after a failure.
 */
final class FederationEnvironment implements AutoCloseable {
    static final String OPENFIRE_IP = "127.0.0.5";
    static final String PROSODY_IP = "127.0.0.6";
    static final String REMOTE_A = "a.remote.lan";
    static final String REMOTE_B = "b.remote.lan";
    static final String EJABBERD_IP = "127.0.0.7";
    static final String EJABBERD_DOMAIN = "ejabberd.lan";
    static final String PASSWORD = "secret-e2e";
    /** The email domain of Openfire's users (served by Openfire when email addresses are used). */
    static final String MAIL_DOMAIN = "mail.lan";
    static final String ALICE_EMAIL = "Alice.Smith@" + MAIL_DOMAIN;
    static final String BOB_EMAIL = "bob.jones@" + MAIL_DOMAIN;
    /** The chat node alias of Openfire's group chat service (served by Openfire once the plugin has the alias). */
    static final String CHAT_ALIAS = "chat.partners.lan";
    /** A second alias of the same service. */
    static final String CHAT_ALIAS_2 = "rooms.partners.lan";
    /** TLS variant: the alias of Openfire's key and certificate in its identity store. */
    static final String OPENFIRE_KEY_ALIAS = OpenfireServer.DOMAIN + "_rsa";

    final Path work;
    final Path pluginJar;
    /** TLS variant: the throw-away CA that signed every server's certificate; null for dialback. */
    TestCertificateAuthority ca;
    /** Security scenarios: the authority of b.remote.lan's certificate, which Openfire does not trust at first; else null. */
    TestCertificateAuthority otherCa;
    DnsServer dns;
    ProsodyServer prosody;
    EjabberdServer ejabberd;
    OpenfireServer openfire;
    AdminConsole admin;

    private FederationEnvironment(Path work, Path pluginJar) {
        this.work = work;
        this.pluginJar = pluginJar;
    }

    static final String SKIP_MESSAGE = "End-to-end suite skipped: OPENFIRE_HOME is not set (point it at an unpacked Openfire 5.1.x)";

    /** Whether an Openfire installation to test against was given. */
    static boolean available() {
        String home = System.getenv("OPENFIRE_HOME");
        boolean given = home != null && !home.isBlank();
        if (!given) {
            System.err.println("*** " + SKIP_MESSAGE + " ***");
        }
        return given;
    }

    /** The Openfire installation to test against. */
    static Path openfireHome() {
        Path p = Path.of(System.getenv("OPENFIRE_HOME"));
        if (!Files.isRegularFile(p.resolve("bin/openfire.sh"))) {
            throw new IllegalStateException("OPENFIRE_HOME=" + p + " is not an Openfire installation (no bin/openfire.sh)");
        }
        return p;
    }

    static FederationEnvironment start() throws Exception {
        return start(false);
    }

    /**
     * {@code tls} false: dialback-only federation without TLS (as {@link #start()}). True: every
     * server gets a certificate from a throw-away CA ({@link #ca}) and federation between Openfire
     * and Prosody is TLS only, authenticated by certificate (SASL EXTERNAL; Openfire's dialback is
     * off, Prosody requires valid certificates); ejabberd, which the TLS scenarios do not use, is
     * not started then.
     */
    static FederationEnvironment start(boolean tls) throws Exception {
        return start(tls, false, "", false);
    }

    /**
     * {@code openfireUsesDns}: Openfire finds the remote domains through the suite's DNS server (their
     * {@code _xmpp-server._tcp} SRV records) rather than through its DNS override property.
     */
    static FederationEnvironment start(boolean tls, boolean openfireUsesDns) throws Exception {
        return start(tls, false, "", openfireUsesDns);
    }

    /**
     * The TLS variant with two twists for the security scenarios: {@code remoteBFromOtherCa}: Prosody's
     * b.remote.lan has a certificate from a second authority ({@link #otherCa}) that Openfire does not trust;
     * {@code prosodyExtra}: more lines for Prosody's configuration. With {@code remoteBFromOtherCa} ejabberd is
     * started too, with TLS required and a certificate from {@link #ca}.
     */
    static FederationEnvironment start(boolean tls, boolean remoteBFromOtherCa, String prosodyExtra) throws Exception {
        return start(tls, remoteBFromOtherCa, prosodyExtra, false);
    }

    private static FederationEnvironment start(boolean tls, boolean remoteBFromOtherCa, String prosodyExtra, boolean openfireUsesDns)
        throws Exception {
        Path installation = openfireHome();
        Path jar = Path.of("target/federation.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the suite with mvn verify, which builds it first");
        }
        FederationEnvironment env = new FederationEnvironment(Files.createTempDirectory("federation-e2e-"), jar);
        try {
            // ejabberd runs as its own system user and must reach its directory inside this one
            Files.setPosixFilePermissions(env.work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> hosts = new LinkedHashMap<>();
            hosts.put(OpenfireServer.DOMAIN, OPENFIRE_IP);
            hosts.put(MAIL_DOMAIN, OPENFIRE_IP);
            hosts.put(CHAT_ALIAS, OPENFIRE_IP);
            hosts.put(CHAT_ALIAS_2, OPENFIRE_IP);
            hosts.put(REMOTE_A, PROSODY_IP);
            hosts.put(REMOTE_B, PROSODY_IP);
            hosts.put(EJABBERD_DOMAIN, EJABBERD_IP);
            env.dns = DnsServer.start(env.work.resolve("dns"), hosts);
            Path pki = env.work.resolve("pki");
            ProsodyServer.Tls prosodyTls = null;
            if (tls) {
                env.ca = TestCertificateAuthority.create("Federation E2E Test CA");
                if (remoteBFromOtherCa) {
                    env.otherCa = TestCertificateAuthority.create("Federation E2E Untrusted CA");
                }
                Map<String, Path> certificates = new HashMap<>();
                Map<String, Path> keys = new HashMap<>();
                for (String host : List.of(REMOTE_A, REMOTE_B)) {
                    certificates.put(host, pki.resolve(host + ".crt"));
                    keys.put(host, pki.resolve(host + ".key"));
                    TestCertificateAuthority issuer = host.equals(REMOTE_B) && env.otherCa != null ? env.otherCa : env.ca;
                    TestCertificateAuthority.writePem(issuer.issue(host), certificates.get(host), keys.get(host));
                }
                prosodyTls = new ProsodyServer.Tls(env.ca.writeCertificatePem(pki.resolve("ca.pem")), certificates, keys, prosodyExtra);
            }
            // b.remote.lan answers no XMPP ping (service-unavailable), as a server without XEP-0199 does: the probe's ping step
            env.prosody = ProsodyServer.start(env.work.resolve("prosody"), PROSODY_IP, List.of(REMOTE_A, REMOTE_B),
                Map.of("carol", PASSWORD, "dave", PASSWORD), env.dns.resolvConf(), prosodyTls, java.util.Set.of(REMOTE_B));
            if (!tls) {
                env.ejabberd = EjabberdServer.start(env.work.resolve("ejabberd"), EJABBERD_IP, EJABBERD_DOMAIN, Map.of("erin", PASSWORD));
            } else if (remoteBFromOtherCa) {
                // the security scenarios also run against ejabberd with TLS required and certificates from the test CA
                Path cert = pki.resolve(EJABBERD_DOMAIN + ".crt");
                Path key = pki.resolve(EJABBERD_DOMAIN + ".key");
                TestCertificateAuthority.writePem(env.ca.issue(EJABBERD_DOMAIN), cert, key);
                Path both = pki.resolve(EJABBERD_DOMAIN + ".pem");
                Files.writeString(both, Files.readString(cert) + Files.readString(key));
                env.ejabberd = EjabberdServer.start(env.work.resolve("ejabberd"), EJABBERD_IP, EJABBERD_DOMAIN, Map.of("erin", PASSWORD),
                    new EjabberdServer.Tls(pki.resolve("ca.pem"), both));
            }
            Map<String, String> users = new LinkedHashMap<>();
            users.put("alice", PASSWORD);
            users.put("bob", PASSWORD);
            users.put("frank", PASSWORD);
            // frank has no email address: he federates with his XMPP address whatever the email switch says
            env.openfire = new OpenfireServer(installation, env.work.resolve("openfire"), OPENFIRE_IP, users,
                Map.of("alice", ALICE_EMAIL, "bob", BOB_EMAIL));
            if (openfireUsesDns) {
                env.openfire.useResolver(env.dns.resolvConf());
            }
            if (tls) {
                // Before the first start, so that Openfire never makes a self-signed certificate of its own. The
                // email domain and the chat node alias are in the certificate too: partners check them when streams
                // are addressed to them.
                env.openfire.useCertificateStores(
                    TestCertificateAuthority.writeIdentityStore(env.ca.issue(OpenfireServer.DOMAIN, MAIL_DOMAIN, "*." + OpenfireServer.DOMAIN, CHAT_ALIAS),
                        OPENFIRE_KEY_ALIAS, pki.resolve("openfire-keystore.jks")),
                    env.ca.writeTrustStore("federation-e2e-ca", pki.resolve("openfire-truststore.jks")));
            }
            env.openfire.start();
            env.admin = new AdminConsole(env.openfire.adminUrl());
            env.admin.login(OpenfireServer.ADMIN_PASSWORD);
            // Dialback-only federation, or TLS with certificates only; Openfire finds the remote domains through its DNS override.
            if (tls) {
                env.admin.setSystemProperty("xmpp.server.tls.policy", "required");
                env.admin.setSystemProperty("xmpp.server.dialback.enabled", "false");
                env.admin.setSystemProperty("xmpp.server.certificate.verify", "true");
                env.admin.setSystemProperty("xmpp.server.certificate.accept-selfsigned", "false");
            } else {
                env.admin.setSystemProperty("xmpp.server.tls.policy", "disabled");
            }
            if (!openfireUsesDns) {
                env.admin.setSystemProperty("dnsutil.dnsOverride",
                    "{" + REMOTE_A + "," + PROSODY_IP + ":5269},{" + REMOTE_B + "," + PROSODY_IP + ":5269},{"
                        + EJABBERD_DOMAIN + "," + EJABBERD_IP + ":5269}");
            }
            // The plugin's own DNS checks ask the suite's DNS server; this server is reached at its loopback address.
            env.admin.setSystemProperty("plugin.federation.dns.server", "127.0.0.1:53");
            env.admin.setSystemProperty("plugin.federation.public-addresses", OPENFIRE_IP);
            // Notice plugin jars dropped into plugins/ within seconds, not the default 20.
            env.admin.setSystemProperty("plugins.loading.monitor.interval", "2");
            // Openfire reads its DNS override (and its TLS settings) when it starts.
            env.openfire.restart();
            env.admin.login(OpenfireServer.ADMIN_PASSWORD);
            env.openfire.installPlugin(jar);
            return env;
        } catch (Exception | Error e) {
            env.close();
            throw e;
        }
    }

    // ----- the plugin's pages, used as an administrator uses them

    void settings(boolean enabled, String defaultPolicy) {
        AdminConsole.Page r = admin.post("plugins/federation/settings.jsp",
            Map.of("enabled", Boolean.toString(enabled), "defaultPolicy", defaultPolicy));
        assertEquals(302, r.status(), "saving the settings");
    }

    /** Makes the exception list exactly {@code csv} (pattern,direction lines) through the import. */
    void exceptions(String csv) {
        AdminConsole.Page r = admin.post("plugins/federation/policy.jsp",
            Map.of("action", "import-apply", "format", "CSV", "mode", "REPLACE", "content", "pattern,direction\n" + csv));
        assertEquals(302, r.status(), "importing the exceptions: " + r.body());
    }

    void policy(boolean enabled, String defaultPolicy, String csv) {
        settings(enabled, defaultPolicy);
        exceptions(csv);
    }

    private static final Pattern TESTER_ROW = Pattern.compile("data-direction=\"(INCOMING|OUTGOING)\" data-allowed=\"(true|false)\"");

    /** What the policy tester page shows for {@code domain}: direction → allowed. */
    Map<String, Boolean> tester(String domain) {
        String body = admin.get("plugins/federation/policy.jsp?test=" + domain).body();
        Map<String, Boolean> result = new HashMap<>();
        Matcher m = TESTER_ROW.matcher(body);
        while (m.find()) {
            result.put(m.group(1), Boolean.parseBoolean(m.group(2)));
        }
        assertEquals(2, result.size(), "the tester shows both directions for " + domain);
        return result;
    }

    /** Whether Openfire's Server Sessions page lists a session with {@code domain}. */
    boolean hasServerSession(String domain) {
        return admin.get("server-session-summary.jsp").body().contains("hostname=" + domain);
    }

    void awaitNoServerSession(String domain) {
        Await.require(Duration.ofSeconds(45), "no S2S session with " + domain, () -> !hasServerSession(domain));
    }

    @Override
    public void close() {
        if (openfire != null) {
            openfire.close();
        }
        if (prosody != null) {
            prosody.close();
        }
        if (ejabberd != null) {
            ejabberd.close();
        }
        if (dns != null) {
            dns.close();
        }
        if (System.getenv("FEDERATION_E2E_KEEP") == null) {
            Tools.deleteTree(work);
        } else {
            System.err.println("End-to-end files kept in " + work);
        }
    }
}
