package org.xmppfed.openfire.openfire;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.cluster.ClusterManager;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.email.EmailIndex;
import org.xmppfed.openfire.policy.ConnectionGatePlan;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyService;
import org.xmppfed.openfire.store.JdbcEmailDomainStore;
import org.xmppfed.openfire.store.JdbcPolicyExceptionStore;
import org.xmppfed.openfire.web.FederationContext;

/**
 * Everything the plugin registers with Openfire, built and torn down as one unit: the policy
 * service and its settings listener, the stanza interceptor, the connection gate, the session
 * sweep and the one background thread that runs them. {@link #stop()} undoes exactly what
 * {@link #start()} did.
 */
public final class FederationRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(FederationRuntime.class);
    /** How often this node looks for S2S sessions that the policy does not allow. */
    static final String SWEEP_SECONDS = "plugin.federation.session-sweep.seconds";
    /** How often every user's email address is read again (for directories that send no events). */
    static final String EMAIL_REREAD_MINUTES = "plugin.federation.email.reread.minutes";

    private final PolicyCounters counters = new PolicyCounters();
    private final ScheduledExecutorService worker;
    private final JivePolicySettings settings;
    private final PolicyService policy;
    private final SessionSweeper sweeper = new SessionSweeper();
    private final AccessGate gate = new AccessGate();
    private final GatewayDomains gateway = new GatewayDomains();
    private final AtomicBoolean reloadPending = new AtomicBoolean();
    private final AtomicBoolean emailReloadPending = new AtomicBoolean();
    private final AtomicBoolean userDomainsPending = new AtomicBoolean();
    private final JiveEmailSettings emailSettings;
    private EmailFederation email;
    private volatile UserEmailEvents userEvents;
    private final Set<String> pendingCloses = ConcurrentHashMap.newKeySet();
    private FederationInterceptor interceptor;
    private volatile long emailRereadEvery;
    private volatile long lastUserRead;

    public FederationRuntime() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "federation-policy");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.worker = executor;
        this.settings = new JivePolicySettings(this::scheduleReload);
        this.emailSettings = new JiveEmailSettings(() -> coalesced(emailReloadPending, "email settings reload", () -> email.reload()));
        this.policy = new PolicyService(new JdbcPolicyExceptionStore(DbConnectionManager::getConnection), settings, Clock.systemUTC());
    }

    public void start() {
        try {
            policy.reload();
        } catch (RuntimeException e) {
            // The service starts in lockdown; that is what stays in force (fail closed).
            LOG.error("Could not load the federation policy; all federated traffic is denied until it loads", e);
        }
        policy.addListener(p -> worker.execute(() -> enforceOnConnections(p)));
        XMPPServer server = XMPPServer.getInstance();
        OpenfireLocalDomains localDomains = new OpenfireLocalDomains(server);
        startEmail(server, localDomains);
        OpenfireErrorSender errorSender = new OpenfireErrorSender();
        interceptor = new FederationInterceptor(policy::current, counters, localDomains, errorSender, this::closeIncomingSoon,
            DenialLog.standard(), new EmailAddressing(email, errorSender, RemoteRouting::route, DenialLog.standard()));
        InterceptorManager.getInstance().addInterceptor(interceptor);
        settings.start();
        emailSettings.start();
        userEvents.start();
        worker.execute(() -> enforceOnConnections(policy.current()));
        long every = Math.max(5, JiveGlobals.getIntProperty(SWEEP_SECONDS, 30));
        worker.scheduleWithFixedDelay(() -> guarded("session sweep", () -> sweeper.sweep(policy.current())),
            every, every, TimeUnit.SECONDS);
        FederationContext.publish(new FederationContext(policy, counters, new WebManagerAudit(), JiveGlobals::getLocale,
            email, this::rereadUsers, XMPPServer.getInstance().getServerInfo().getHostname(), this::awaitWorker));
    }

    /**
     * Email address for federation: reads the switch, the email domains and every user's address
     * before the interceptor is registered, so the first stanza is already judged with them.
     */
    private void startEmail(XMPPServer server, OpenfireLocalDomains localDomains) {
        EmailIndex index = new EmailIndex(server.getServerInfo().getXMPPDomain());
        email = new EmailFederation(new JdbcEmailDomainStore(DbConnectionManager::getConnection), emailSettings, index,
            localDomains::isLocal, Clock.systemUTC());
        userEvents = new UserEmailEvents(index, user -> coalesced(userDomainsPending, "recording email domains", this::recordUserDomains));
        guarded("loading the email domains", email::reload);
        guarded("reading the users' email addresses", userEvents::loadAll);
        email.addListener(e -> worker.execute(() -> projectEmailDomains(e)));
        worker.execute(() -> {
            recordUserDomains();
            projectEmailDomains(email);
        });
        long every = Math.max(1, JiveGlobals.getIntProperty(EMAIL_REREAD_MINUTES, 60));
        this.emailRereadEvery = TimeUnit.MINUTES.toNanos(every);
        this.lastUserRead = System.nanoTime();
        worker.scheduleWithFixedDelay(this::rereadUsersIfDue, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Waits (at most 30 s) until the worker has done everything queued so far - in particular the
     * connection gate and trunking updates of a change just made on this node.
     */
    private void awaitWorker() {
        try {
            worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Openfire's connection settings are still being updated after 30 seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException stopping) {
            // the plugin is stopping; nothing more will be applied
        }
    }

    /** Every user's address again: catches changes made directly in a directory (LDAP). */
    private void rereadUsers() {
        guarded("reading the users' email addresses", () -> {
            userEvents.loadAll();
            lastUserRead = System.nanoTime();
            recordUserDomains();
            projectEmailDomains(email);
        });
    }

    /** Re-reads when due, and every minute until a first read has succeeded. */
    private void rereadUsersIfDue() {
        if (!email.index().isLoaded() || System.nanoTime() - lastUserRead >= emailRereadEvery) {
            rereadUsers();
        }
    }

    private void recordUserDomains() {
        if (isGateKeeper()) {
            guarded("recording email domains", email::recordUserDomains);
        }
    }

    private void projectEmailDomains(EmailFederation e) {
        if (isGateKeeper()) {
            guarded("accepting the email domains", () -> gateway.apply(e.acceptedDomains()));
        }
    }

    public void stop() {
        FederationContext.publish(null);
        settings.stop();
        emailSettings.stop();
        if (userEvents != null) {
            userEvents.stop();
        }
        if (interceptor != null) {
            InterceptorManager.getInstance().removeInterceptor(interceptor);
        }
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The federation worker thread did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (isGateKeeper()) {
            guarded("restoring Openfire's server permissions", gate::restore);
            guarded("restoring Openfire's trunking settings", gateway::restore);
        }
    }

    /** A user change made on another cluster node; ignored while the email part is not started. */
    public void userEmailChangedOnAnotherNode(String username, String email, boolean deleted) {
        UserEmailEvents events = userEvents;
        if (events != null) {
            events.applyFromOtherNode(username, email, deleted);
        }
    }

    public PolicyService policy() {
        return policy;
    }

    /** Closes a denied domain's incoming sessions off the stanza path; a flood of its stanzas queues one task. */
    private void closeIncomingSoon(String domain) {
        if (pendingCloses.add(domain)) {
            try {
                worker.execute(() -> {
                    pendingCloses.remove(domain);
                    guarded("closing sessions of " + domain, () -> sweeper.closeIncoming(domain));
                });
            } catch (RejectedExecutionException stopping) {
                pendingCloses.remove(domain);
            }
        }
    }

    private void scheduleReload() {
        coalesced(reloadPending, "policy reload", policy::reload);
    }

    /** Runs {@code work} on the worker; requests made while one is queued share it. */
    private void coalesced(AtomicBoolean pending, String what, Runnable work) {
        if (pending.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    pending.set(false);
                    guarded(what, work);
                });
            } catch (RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }

    private void enforceOnConnections(FederationPolicy p) {
        if (isGateKeeper()) {
            guarded("connection gate", () -> gate.apply(ConnectionGatePlan.of(p)));
        }
        guarded("session sweep", () -> sweeper.sweep(p));
    }

    /** Openfire's permission list is shared by the cluster: one node keeps it. */
    private static boolean isGateKeeper() {
        return !ClusterManager.isClusteringStarted() || ClusterManager.isSeniorClusterMember();
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Federation plugin: {} failed", what, e);
        }
    }

}
