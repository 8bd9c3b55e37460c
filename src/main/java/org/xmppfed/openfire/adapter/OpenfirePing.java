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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.openfire.IQRouter;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.util.cache.Cache;
import org.jivesoftware.util.cache.CacheFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.component.IQResultListener;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmppfed.openfire.probe.XmppPing;

/**
 * The partner probe's ping through Openfire itself: an XEP-0199 ping IQ from our domain to the
 * partner's, routed by {@code IQRouter.route(IQ)} like any stanza this server sends (so Openfire
 * resolves, connects, secures and authenticates the S2S session as it always does: static route or
 * DNS, TLS, dialback or SASL EXTERNAL, and the plugin's interceptor sees it), with the answer
 * collected by {@code IQRouter.addIQResultListener(String, IQResultListener, long)} - the same
 * methods in Openfire 4.2.0 and 5.1.1; {@code IQResultListener} is Tinder's. Openfire purges timed-out
 * listeners only every few seconds, so the future has its own time-out too. When Openfire answers
 * {@code remote-server-not-found}, the reason it recorded for the failed connection (Openfire 5.x's
 * "Routing Failed Servers Cache", read by reflection as in {@link FailedAttemptWatch}) is added.
 */
final class OpenfirePing implements XmppPing {
    private static final Logger LOG = LoggerFactory.getLogger(OpenfirePing.class);
    static final String NS = "urn:xmpp:ping";

    @Override
    public CompletableFuture<Answer> send(String from, String to, Duration timeout) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        long start = System.nanoTime();
        Instant sent = Instant.now();
        try {
            IQ ping = new IQ(IQ.Type.get);
            ping.setID("federation-probe-" + UUID.randomUUID());
            ping.setFrom(new JID(from));
            ping.setTo(new JID(to));
            ping.setChildElement("ping", NS);
            IQRouter router = XMPPServer.getInstance().getIQRouter();
            router.addIQResultListener(ping.getID(), new IQResultListener() {
                @Override
                public void receivedAnswer(IQ reply) {
                    answer.complete(answerOf(reply, to, sent, (System.nanoTime() - start) / 1_000_000));
                }

                @Override
                public void answerTimeout(String id) {
                    answer.complete(Answer.timeout((System.nanoTime() - start) / 1_000_000));
                }
            }, timeout.toMillis());
            router.route(ping);
        } catch (RuntimeException e) {
            LOG.debug("Could not send the probe's ping from {} to {}", from, to, e);
            answer.complete(Answer.notSent(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return answer.completeOnTimeout(Answer.timeout(timeout.toMillis()), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Answer answerOf(IQ reply, String to, Instant sent, long millis) {
        if (reply.getType() != IQ.Type.error) {
            return Answer.result(millis);
        }
        PacketError error = reply.getError();
        String condition = error == null || error.getCondition() == null ? "" : error.getCondition().toXMPP();
        String text = error == null || error.getText() == null ? "" : error.getText();
        if (condition.equals("remote-server-not-found") || condition.equals("remote-server-timeout")) {
            String why = failedAttempt(to, sent);
            if (!why.isEmpty()) {
                text = text.isEmpty() ? why : text + "; " + why;
            }
        }
        return Answer.error(condition, text, millis);
    }

    /** Openfire's own record of the failed connection to {@code domain} since {@code since}, or "". */
    private static String failedAttempt(String domain, Instant since) {
        try {
            Cache<Object, Object> cache = CacheFactory.createCache(FailedAttemptWatch.CACHE);
            Object attempt = cache.get(domain);
            if (attempt == null) {
                return "";
            }
            Object when = attempt.getClass().getMethod("getWhen").invoke(attempt);
            if (when instanceof Instant w && w.isBefore(since.minusSeconds(1))) {
                return "";
            }
            String type = String.valueOf(attempt.getClass().getMethod("getErrorType").invoke(attempt));
            String message = String.valueOf(attempt.getClass().getMethod("getErrorMessage").invoke(attempt));
            StringBuilder why = new StringBuilder("Openfire: ").append(type.substring(type.lastIndexOf('.') + 1)).append(": ").append(message);
            try {
                Object log = attempt.getClass().getMethod("getDiagnosticLog").invoke(attempt);
                if (log instanceof List<?> lines && !lines.isEmpty()) {
                    // the last lines say where the attempt stopped
                    for (Object line : lines.subList(Math.max(0, lines.size() - 3), lines.size())) {
                        why.append(" | ").append(line);
                    }
                }
            } catch (NoSuchMethodException e) {
                // an Openfire that records no diagnostic log: the error alone then
            }
            return why.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("No failed-connection record for {}", domain, e);
            return "";
        }
    }
}
