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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.certs.RequiredName;
import org.xmppfed.openfire.alias.ChatAliases;
import org.xmppfed.openfire.email.ClaimVerdict;
import org.xmppfed.openfire.email.EmailDomain;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.email.EmailUsers;
import org.xmppfed.openfire.metrics.MetricRegistry;
import org.xmppfed.openfire.metrics.MetricSource;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.store.JdbcEmailDomainStore;
import org.xmppfed.openfire.store.JdbcRemoteDomainStore;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * Email address for federation: the switch and email domains (settings listener on every node),
 * every user's address (read through Openfire's user API, kept current by user events that travel
 * the cluster, re-read periodically for directories that send none), the stanza step that maps
 * addresses, and the email domains projected into Openfire's trunking settings so that Openfire
 * accepts S2S streams for them.
 */
public final class EmailModule implements FederationModule {
    private static final Logger LOG = LoggerFactory.getLogger(EmailModule.class);
    /** How often every user's email address is read again (for directories that send no events). */
    static final String EMAIL_REREAD_MINUTES = "plugin.federation.email.reread.minutes";

    private GatewayDomains gateway;
    private JiveEmailSettings settings;
    private EmailFederation email;
    private volatile UserEmailEvents userEvents;
    private Worker worker;
    private EmailAddressing step;
    private ScheduledFuture<?> reread;
    private long rereadEvery;
    private MetricRegistry metrics;
    private MetricSource rewrites;
    private volatile long lastUserRead;

    @Override
    public void start(ModuleHost host) {
        worker = host.worker();
        gateway = host.gateway();
        settings = new JiveEmailSettings(() -> worker.coalesced("email settings reload", () -> email.reload()));
        EmailIndex index = new EmailIndex(host.xmppDomain());
        FederatedDomainClaims claims = new FederatedDomainClaims(() -> host.service(PolicyService.class), () -> host.service(ChatAliases.class),
            new JdbcRemoteDomainStore(DbConnectionManager::getConnection), host.hostName());
        email = new EmailFederation(new JdbcEmailDomainStore(host.database()), settings, index,
            host.openfireDomains()::isLocal, Clock.systemUTC(), claims);
        UserEmailEvents events = new UserEmailEvents(index, user -> worker.coalesced("recording email domains", this::recordUserDomains));
        // Read before the interceptor is registered, so the first stanza is already judged with them.
        Worker.guarded("loading the email domains", email::reload);
        Worker.guarded("reading the users' email addresses", events::loadAll);
        lastUserRead = System.nanoTime();
        step = new EmailAddressing(email, host.errors(), RemoteRouting::route, EventModule.events(host));
        email.addListener(e -> worker.execute("accepting the email domains", () -> projectEmailDomains(e)));
        worker.execute("accepting the email domains", () -> {
            recordUserDomains();
            projectEmailDomains(email);
            flagServedDomainsThatBelongElsewhere();
        });
        settings.start();
        events.start();
        userEvents = events;
        rereadEvery = TimeUnit.MINUTES.toNanos(Math.max(1, JiveGlobals.getIntProperty(EMAIL_REREAD_MINUTES, 60)));
        reread = worker.every(1, 1, TimeUnit.MINUTES, "reading the users' email addresses", this::rereadUsersIfDue);
        metrics = host.metrics();
        EmailAddressing addressing = step;
        rewrites = () -> List.of(addressing.rewrites().family("xmppfed_email_rewrites",
            "Federated stanzas whose addresses email addressing rewrote (incoming: to the user's XMPP address; outgoing: to the email address)"));
        metrics.register(rewrites);
        host.publish(EmailFederation.class, email);
        host.publish(EmailUsers.class, () -> worker.runAndWait("reading the users' email addresses", this::rereadUsers));
    }

    @Override
    public void stop() {
        metrics.unregister(rewrites);
        reread.cancel(false);
        userEvents.stop();
        userEvents = null;
        settings.stop();
    }

    @Override
    public void becameSettingsKeeper() {
        worker.execute("accepting the email domains", () -> {
            recordUserDomains();
            projectEmailDomains(email);
        });
    }

    @Override
    public List<StanzaStep> steps() {
        return List.of(step);
    }

    @Override
    public boolean servesName(String domain) {
        return email.isEmailDomain(domain);
    }

    @Override
    public List<RequiredName> certificateNames() {
        List<RequiredName> names = new ArrayList<>();
        for (String domain : email.acceptedDomains()) {
            names.add(new RequiredName(domain, "email domain"));
        }
        return names;
    }

    @Override
    public List<SnapshotItem> snapshotItems(SnapshotContext context) {
        Map<String, String> domains = new HashMap<>();
        for (EmailDomain d : email.domains()) {
            if (d.served() && !d.name().equals(email.xmppDomain())) {
                domains.put(d.name(), "");
            }
        }
        return List.of(
            SnapshotItem.value("email.switch", email.enabled() ? "on" : "off"),
            SnapshotItem.entries("email.domains", domains));
    }


    @Override
    public Optional<Phrase> useOf(String domain) {
        return email.isEmailDomain(domain) ? Optional.of(new Phrase("use.email-domain")) : Optional.empty();
    }

    /** A user change made on another cluster node; ignored while the module is not running. */
    public void userEmailChangedOnAnotherNode(String username, String address, boolean deleted) {
        UserEmailEvents events = userEvents;
        if (events != null) {
            events.applyFromOtherNode(username, address, deleted);
        }
    }

    /** Every user's address again: catches changes made directly in a directory (LDAP). */
    private void rereadUsers() {
        userEvents.loadAll();
        lastUserRead = System.nanoTime();
        recordUserDomains();
        projectEmailDomains(email);
    }

    /** Re-reads when due, and every minute until a first read has succeeded. */
    private void rereadUsersIfDue() {
        if (!email.index().isLoaded() || System.nanoTime() - lastUserRead >= rereadEvery) {
            rereadUsers();
        }
    }

    /**
     * Served domains that turn out to be somebody else's (a partner's domain approved before this
     * check existed, or DNS changed since) keep being served - they were in force - but are named
     * in Openfire's log on every start, and on the email page, until an administrator decides.
     */
    private void flagServedDomainsThatBelongElsewhere() {
        for (EmailDomain d : email.domains()) {
            if (d.served()) {
                ClaimVerdict verdict = email.claimCheck(d.name());
                if (verdict.conflicts()) {
                    LOG.warn("Module=\"XMPPFederation\" The email domain {} is served by this server, but {} "
                        + "Federation with it may fail for every local user. Review it on Federation > Email addresses "
                        + "(Stop serving).", d.name(), verdict.english());
                }
            }
        }
    }

    private void recordUserDomains() {
        if (ModuleHost.isSettingsKeeper()) {
            email.recordUserDomains();
        }
    }

    private void projectEmailDomains(EmailFederation e) {
        gateway.offer("email domains", e.acceptedDomains());
    }
}
