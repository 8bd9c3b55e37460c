package org.xmppfed.openfire.openfire;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;
import org.xmppfed.openfire.policy.Decision;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;

/**
 * Enforces the federation policy on every stanza that crosses a server-to-server connection.
 *
 * <p>The decision is taken before Openfire routes the stanza ({@code incoming=true,
 * processed=false}), from the stanza's addresses: a stanza whose {@code from} domain is remote
 * arrived over S2S (Openfire has already checked that domain against the ones the S2S stream
 * authenticated), a stanza whose {@code to} domain is remote is about to leave. As a second line,
 * stanzas handed to an outgoing S2S session ({@code incoming=false}) are checked again, which
 * catches stanzas that Openfire routes without passing its routers.
 *
 * <p>A fault inside the decision never blocks local traffic; for federated traffic it denies.
 */
public final class FederationInterceptor implements PacketInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(FederationInterceptor.class);
    /** Set while this interceptor routes its own error answers, which must not be judged again. */
    private static final ThreadLocal<Boolean> SENDING_ERROR = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final Supplier<FederationPolicy> policy;
    private final PolicyCounters counters;
    private final LocalDomains localDomains;
    private final ErrorSender errors;
    private final Consumer<String> closeSessionsOfDeniedDomain;
    private final DenialLog denialLog;
    /** Email address for federation; {@code null} when not wired (tests of the policy alone). */
    private final EmailAddressing email;

    public FederationInterceptor(Supplier<FederationPolicy> policy, PolicyCounters counters, LocalDomains localDomains,
                                 ErrorSender errors, Consumer<String> closeSessionsOfDeniedDomain) {
        this(policy, counters, localDomains, errors, closeSessionsOfDeniedDomain, DenialLog.standard(), null);
    }

    FederationInterceptor(Supplier<FederationPolicy> policy, PolicyCounters counters, LocalDomains localDomains,
                          ErrorSender errors, Consumer<String> closeSessionsOfDeniedDomain, DenialLog denialLog) {
        this(policy, counters, localDomains, errors, closeSessionsOfDeniedDomain, denialLog, null);
    }

    FederationInterceptor(Supplier<FederationPolicy> policy, PolicyCounters counters, LocalDomains localDomains,
                          ErrorSender errors, Consumer<String> closeSessionsOfDeniedDomain, DenialLog denialLog,
                          EmailAddressing email) {
        this.email = email;
        this.policy = policy;
        this.counters = counters;
        this.localDomains = localDomains;
        this.errors = errors;
        this.closeSessionsOfDeniedDomain = closeSessionsOfDeniedDomain;
        this.denialLog = denialLog;
    }

    /** Runs {@code send} so that the stanzas it routes are not judged by this interceptor. */
    static void sendingError(Runnable send) {
        SENDING_ERROR.set(Boolean.TRUE);
        try {
            send.run();
        } finally {
            SENDING_ERROR.set(Boolean.FALSE);
        }
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
        throws PacketRejectedException {
        if (processed || SENDING_ERROR.get()) {
            return;
        }
        if (incoming) {
            beforeRouting(packet, session);
        } else if (session instanceof OutgoingServerSession) {
            beforeS2sDelivery(packet);
        }
    }

    private void beforeRouting(Packet packet, Session session) throws PacketRejectedException {
        String fromDomain;
        String toDomain;
        boolean fromRemote;
        boolean toRemote;
        try {
            fromDomain = domainOf(packet.getFrom());
            toDomain = domainOf(packet.getTo());
            fromRemote = fromDomain != null && !localDomains.isLocal(fromDomain);
            toRemote = toDomain != null && !localDomains.isLocal(toDomain);
        } catch (RuntimeException e) {
            // Cannot even tell whether this is federated traffic: let local routing go on.
            LOG.warn("Could not classify a stanza; letting it through to local routing: {}", e.toString());
            return;
        }
        if (email != null && (fromRemote || toRemote)) {
            try {
                // Email domains are served here too; a stanza to one is not federated traffic.
                fromRemote = fromRemote && !email.isEmailDomain(fromDomain);
                toRemote = toRemote && !email.isEmailDomain(toDomain);
            } catch (RuntimeException e) {
                LOG.error("Could not check for email domains; denying the federated stanza (fail closed)", e);
                throw new PacketRejectedException("Email address handling unavailable");
            }
        }
        if (!fromRemote && !toRemote) {
            if (email != null) {
                try {
                    email.local(packet, session);
                } catch (RuntimeException e) {
                    LOG.warn("Could not check a local stanza for email addresses; routing it unchanged: {}", e.toString());
                }
            }
            return;
        }
        FederationPolicy current;
        Decision inbound = null;
        Decision outbound = null;
        try {
            current = policy.get();
            if (fromRemote) {
                inbound = current.decide(fromDomain, Direction.INCOMING);
                counters.record(fromDomain, inbound);
            }
            if (toRemote) {
                outbound = current.decide(toDomain, Direction.OUTGOING);
                counters.record(toDomain, outbound);
            }
        } catch (RuntimeException e) {
            LOG.error("Federation policy failed; denying the federated stanza (fail closed)", e);
            throw new PacketRejectedException("Federation policy unavailable");
        }
        if (inbound != null && !inbound.allowed()) {
            denyIncoming(packet, fromDomain, inbound, current);
        }
        if (outbound != null && !outbound.allowed()) {
            denyOutgoing(packet, session, toDomain, outbound, current);
        }
        if (email != null) {
            try {
                if (fromRemote) {
                    email.inbound(packet);
                } else {
                    email.outbound(packet);
                }
            } catch (RuntimeException e) {
                LOG.error("Email address handling failed; denying the federated stanza (fail closed)", e);
                throw new PacketRejectedException("Email address handling unavailable");
            }
        }
    }

    private void beforeS2sDelivery(Packet packet) throws PacketRejectedException {
        String toDomain;
        Decision outbound;
        try {
            toDomain = domainOf(packet.getTo());
            outbound = policy.get().decide(toDomain, Direction.OUTGOING);
        } catch (RuntimeException e) {
            LOG.error("Federation policy failed; not sending the stanza (fail closed)", e);
            throw new PacketRejectedException("Federation policy unavailable");
        }
        if (!outbound.allowed()) {
            counters.record(toDomain, outbound);
            logDenial("outgoing", packet, toDomain, outbound, policy.get());
            throw new PacketRejectedException("Denied by federation policy");
        }
        if (email != null) {
            try {
                email.beforeS2sDelivery(packet);
            } catch (RuntimeException e) {
                LOG.error("Email address handling failed; not sending the stanza (fail closed)", e);
                throw new PacketRejectedException("Email address handling unavailable");
            }
        }
    }

    private void denyIncoming(Packet packet, String remote, Decision decision, FederationPolicy current)
        throws PacketRejectedException {
        logDenial("incoming", packet, remote, decision, current);
        if (packet instanceof IQ iq && isRequest(iq) && current.decide(remote, Direction.OUTGOING).allowed()) {
            IQ answer = IQ.createResultIQ(iq);
            answer.setChildElement(iq.getChildElement() == null ? null : iq.getChildElement().createCopy());
            answer.setError(PacketError.Condition.service_unavailable);
            errors.toRemote(answer);
        }
        if (!current.connectionAllowed(remote)) {
            closeSessionsOfDeniedDomain.accept(remote);
        }
        throw new PacketRejectedException("Denied by federation policy");
    }

    private void denyOutgoing(Packet packet, Session session, String remote, Decision decision, FederationPolicy current)
        throws PacketRejectedException {
        logDenial("outgoing", packet, remote, decision, current);
        PacketRejectedException rejected = new PacketRejectedException("Denied by federation policy");
        PacketError error = new PacketError(PacketError.Condition.not_allowed, PacketError.Type.cancel,
            "Federation policy does not allow sending to " + remote + " (" + decision.ruleDescription(current.defaultPolicy()) + ").",
            "en");
        if (packet instanceof Message message && message.getType() != Message.Type.error) {
            Message answer = new Message();
            answer.setType(Message.Type.error);
            answer.setID(message.getID());
            answer.setFrom(message.getTo());
            answer.setTo(message.getFrom());
            if (message.getThread() != null) {
                answer.setThread(message.getThread());
            }
            answer.setError(error);
            errors.toLocal(answer, session);
        } else if (packet instanceof IQ iq && isRequest(iq)) {
            // With a client session Openfire's IQ router answers the rejected IQ itself (a bare
            // not-allowed on servers where our error cannot be attached); otherwise answer here.
            if (session != null) {
                RejectionErrors.attach(rejected, error);
            } else {
                IQ answer = IQ.createResultIQ(iq);
                answer.setChildElement(iq.getChildElement() == null ? null : iq.getChildElement().createCopy());
                answer.setError(error);
                errors.toLocal(answer, null);
            }
        }
        // Presence, errors and results are dropped silently.
        throw rejected;
    }

    private void logDenial(String way, Packet packet, String remote, Decision decision, FederationPolicy current) {
        denialLog.denied("Denied " + way + " " + kind(packet) + " " + (way.equals("incoming") ? "from " : "to ")
            + remote + ": " + decision.ruleDescription(current.defaultPolicy()));
    }

    private static boolean isRequest(IQ iq) {
        return iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set;
    }

    /** "message", "presence" or "iq", for log lines. */
    static String kind(Packet packet) {
        if (packet instanceof Message) {
            return "message";
        }
        if (packet instanceof Presence) {
            return "presence";
        }
        return packet instanceof IQ ? "iq" : "stanza";
    }

    private static String domainOf(JID jid) {
        return jid == null ? null : jid.getDomain();
    }
}
