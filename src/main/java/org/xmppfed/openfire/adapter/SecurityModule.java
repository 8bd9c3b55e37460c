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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.session.DomainPair;
import org.jivesoftware.openfire.session.IncomingServerSession;
import org.jivesoftware.openfire.session.LocalSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.xmppfed.openfire.certs.CertificateService;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.security.DialbackSecret;
import org.xmppfed.openfire.security.S2sSecurity;
import org.xmppfed.openfire.security.SecurityControl;
import org.xmppfed.openfire.security.TrustStoreSummary;

/**
 * Security settings and federation certificates: publishes the Security and Certificates pages'
 * services, puts the stored dialback secret into Openfire's dialback, installs the switch for
 * client certificates on outgoing connections ({@link OutgoingClientCertificates}), restarts this
 * node's S2S listener when the TLS mode or certificate validation changes ({@link S2sListeners}), and once a day
 * logs certificates that expire within 30 days. {@link #stop} undoes each, in reverse.
 */
public final class SecurityModule implements FederationModule {
    private final S2sSecuritySettings settings = new S2sSecuritySettings();
    private EventLog events = EventLog.NONE;
    private ScheduledFuture<?> expiryCheck;
    private WatchedProperties listenerSettings;

    @Override
    public void start(ModuleHost host) {
        events = EventModule.events(host);
        CertificateService certificates = new CertificateService(new OpenfireCertificateStores(), host::certificateNames, Clock.systemUTC());
        Worker.guarded("applying the stored dialback secret", settings::applyDialbackSecret);
        OutgoingClientCertificates.install(S2sSecuritySettings::externalOutgoing);
        host.publish(CertificateService.class, certificates);
        host.publish(SecurityControl.class, new Control(certificates));
        Worker worker = host.worker();
        // On every node (property events reach them all): incoming connections follow a changed TLS mode or validation.
        listenerSettings = new WatchedProperties("plugin.federation.security.revision", S2sSecuritySettings.LISTENER_PROPERTIES,
            () -> worker.coalesced("restarting the S2S listener for the new TLS settings", S2sListeners::restart)) { };
        listenerSettings.start();
        expiryCheck = host.worker().every(2, TimeUnit.MINUTES.toSeconds(24 * 60), TimeUnit.SECONDS,
            "checking certificate expiry", () -> logExpiry(certificates));
    }

    @Override
    public void stop() {
        if (listenerSettings != null) {
            listenerSettings.stop();
            listenerSettings = null;
        }
        if (expiryCheck != null) {
            expiryCheck.cancel(false);
            expiryCheck = null;
        }
        OutgoingClientCertificates.uninstall();
        events = EventLog.NONE;
    }

    @Override
    public void becameSettingsKeeper() {
        // A cluster that restarted as a whole has lost Openfire's cached secret: put ours back.
        Worker.guarded("applying the stored dialback secret", settings::applyDialbackSecret);
    }

    private void logExpiry(CertificateService certificates) {
        for (String line : certificates.expiryWarnings()) {
            events.record(EventKind.CERTIFICATE_EXPIRING, null, line);
        }
    }

    private final class Control implements SecurityControl {
        private final CertificateService certificates;

        Control(CertificateService certificates) {
            this.certificates = certificates;
        }

        @Override
        public S2sSecurity current() {
            return settings.read();
        }

        @Override
        public TrustStoreSummary trustStore() {
            return certificates.trustSummary();
        }

        @Override
        public void save(S2sSecurity s, DialbackSecret newSecret) {
            settings.write(s, newSecret);
        }

        @Override
        public int closeFederatedConnections() {
            SessionManager sessions = SessionManager.getInstance();
            List<LocalSession> toClose = new ArrayList<>();
            for (String domain : sessions.getIncomingServers()) {
                for (IncomingServerSession s : sessions.getIncomingServerSessions(domain)) {
                    if (s instanceof LocalSession local && !toClose.contains(local)) {
                        toClose.add(local);
                    }
                }
            }
            for (DomainPair pair : sessions.getOutgoingDomainPairs()) {
                OutgoingServerSession s = sessions.getOutgoingServerSession(pair);
                if (s instanceof LocalSession local && !toClose.contains(local)) {
                    toClose.add(local);
                }
            }
            for (LocalSession s : toClose) {
                s.close();
            }
            if (!toClose.isEmpty()) {
                events.record(EventKind.CONNECTION_CLOSED, null, "Closed " + toClose.size()
                    + " federated connection(s) on request, so that new ones follow the security settings", "reason: security settings", null);
            }
            return toClose.size();
        }
    }
}
