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

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.policy.Decision;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyCounters;

/**
 * The federation policy on the per-stanza path: every federated stanza is decided for its
 * direction(s), counted, and - when denied - dropped with the answer the specification asks for
 * (service-unavailable to a remote IQ request when we may answer; not-allowed with the rule to a
 * local sender of a message or IQ; presence silently). Every denial is a
 * {@link EventKind#STANZA_DENIED} event (the event log coalesces floods and writes Openfire's log line).
 */
final class PolicyStep implements StanzaStep {
    private final Supplier<FederationPolicy> policy;
    private final PolicyCounters counters;
    private final ErrorSender errors;
    private final Consumer<String> closeSessionsOfDeniedDomain;
    private final EventLog events;

    PolicyStep(Supplier<FederationPolicy> policy, PolicyCounters counters, ErrorSender errors,
               Consumer<String> closeSessionsOfDeniedDomain, EventLog events) {
        this.policy = policy;
        this.counters = counters;
        this.errors = errors;
        this.closeSessionsOfDeniedDomain = closeSessionsOfDeniedDomain;
        this.events = events;
    }

    @Override
    public void beforeRouting(Stanza stanza) throws PacketRejectedException {
        if (!stanza.federated()) {
            return;
        }
        FederationPolicy current = policy.get();
        Decision inbound = null;
        Decision outbound = null;
        if (stanza.fromRemote()) {
            inbound = current.decide(stanza.fromDomain(), Direction.INCOMING);
            counters.record(stanza.fromDomain(), inbound);
        }
        if (stanza.toRemote()) {
            outbound = current.decide(stanza.toDomain(), Direction.OUTGOING);
            counters.record(stanza.toDomain(), outbound);
        }
        if (inbound != null && !inbound.allowed()) {
            denyIncoming(stanza, inbound, current);
        }
        if (outbound != null && !outbound.allowed()) {
            denyOutgoing(stanza, outbound, current);
        }
    }

    @Override
    public void beforeS2sDelivery(Stanza stanza) throws PacketRejectedException {
        FederationPolicy current = policy.get();
        Decision outbound = current.decide(stanza.toDomain(), Direction.OUTGOING);
        if (!outbound.allowed()) {
            counters.record(stanza.toDomain(), outbound);
            logDenial("outgoing", stanza, stanza.toDomain(), outbound, current);
            throw new PacketRejectedException("Denied by federation policy");
        }
    }

    private void denyIncoming(Stanza stanza, Decision decision, FederationPolicy current) throws PacketRejectedException {
        String remote = stanza.fromDomain();
        logDenial("incoming", stanza, remote, decision, current);
        if (stanza.isRequest() && current.decide(remote, Direction.OUTGOING).allowed()) {
            errors.toRemote(errorAnswer((IQ) stanza.packet(), new PacketError(PacketError.Condition.service_unavailable)));
        }
        if (!current.connectionAllowed(remote)) {
            closeSessionsOfDeniedDomain.accept(remote);
        }
        throw new PacketRejectedException("Denied by federation policy");
    }

    private void denyOutgoing(Stanza stanza, Decision decision, FederationPolicy current) throws PacketRejectedException {
        String remote = stanza.toDomain();
        logDenial("outgoing", stanza, remote, decision, current);
        PacketRejectedException rejected = new PacketRejectedException("Denied by federation policy");
        PacketError error = new PacketError(PacketError.Condition.not_allowed, PacketError.Type.cancel,
            "Federation policy does not allow sending to " + remote + " (" + decision.ruleDescription(current.defaultPolicy()) + ").",
            "en");
        Packet packet = stanza.packet();
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
            errors.toLocal(answer, stanza.session());
        } else if (stanza.isRequest()) {
            // With a client session Openfire's IQ router answers the rejected IQ itself (a bare
            // not-allowed on servers where our error cannot be attached); otherwise answer here.
            if (stanza.session() != null) {
                RejectionErrors.attach(rejected, error);
            } else {
                errors.toLocal(errorAnswer((IQ) packet, error), null);
            }
        }
        // Presence, errors and results are dropped silently.
        throw rejected;
    }

    private static IQ errorAnswer(IQ request, PacketError error) {
        IQ answer = IQ.createResultIQ(request);
        answer.setChildElement(request.getChildElement() == null ? null : request.getChildElement().createCopy());
        answer.setError(error);
        return answer;
    }

    private void logDenial(String way, Stanza stanza, String remote, Decision decision, FederationPolicy current) {
        events.record(EventKind.STANZA_DENIED, remote, "Denied " + way + " " + stanza.kind() + " " + (way.equals("incoming") ? "from " : "to ")
            + remote + ": " + decision.ruleDescription(current.defaultPolicy()));
    }
}
