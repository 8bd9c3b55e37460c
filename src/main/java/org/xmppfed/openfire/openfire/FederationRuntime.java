package org.xmppfed.openfire.openfire;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.cluster.ClusterManager;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.policy.ConnectionGatePlan;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyService;
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

    private final PolicyCounters counters = new PolicyCounters();
    private final ScheduledExecutorService worker;
    private final JivePolicySettings settings;
    private final PolicyService policy;
    private final SessionSweeper sweeper = new SessionSweeper();
    private final AccessGate gate = new AccessGate();
    private final AtomicBoolean reloadPending = new AtomicBoolean();
    private final Set<String> pendingCloses = ConcurrentHashMap.newKeySet();
    private FederationInterceptor interceptor;

    public FederationRuntime() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "federation-policy");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.worker = executor;
        this.settings = new JivePolicySettings(this::scheduleReload);
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
        interceptor = new FederationInterceptor(policy::current, counters, new OpenfireLocalDomains(server),
            new OpenfireErrorSender(), this::closeIncomingSoon);
        InterceptorManager.getInstance().addInterceptor(interceptor);
        settings.start();
        worker.execute(() -> enforceOnConnections(policy.current()));
        long every = Math.max(5, JiveGlobals.getIntProperty(SWEEP_SECONDS, 30));
        worker.scheduleWithFixedDelay(() -> guarded("session sweep", () -> sweeper.sweep(policy.current())),
            every, every, TimeUnit.SECONDS);
        FederationContext.publish(new FederationContext(policy, counters, new WebManagerAudit(), JiveGlobals::getLocale));
    }

    public void stop() {
        FederationContext.publish(null);
        settings.stop();
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
        if (reloadPending.compareAndSet(false, true)) {
            worker.execute(() -> {
                reloadPending.set(false);
                guarded("policy reload", policy::reload);
            });
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
