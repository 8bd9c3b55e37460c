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

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** A real XMPP client (Smack) that records every message and presence it receives. */
final class XmppClient implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final BlockingQueue<Stanza> received = new LinkedBlockingQueue<>();
    /** Every stanza this client ever received, as XML: what a leak check must scan. */
    private final java.util.List<String> everything = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<Message> onMessage;
    final EntityBareJid jid;

    XmppClient(String user, String domain, String address, String password) throws Exception {
        SmackConfiguration.setDefaultReplyTimeout(15_000);
        // Subscription requests are answered by the scenarios themselves, never automatically.
        org.jivesoftware.smack.roster.Roster.setDefaultSubscriptionMode(org.jivesoftware.smack.roster.Roster.SubscriptionMode.manual);
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
            .setXmppDomain(domain).setHostAddress(java.net.InetAddress.getByName(address)).setPort(5222)
            .setUsernameAndPassword(user, password).setResource("e2e")
            .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled)
            .setSendPresence(true).build();
        connection = new XMPPTCPConnection(config);
        connection.addSyncStanzaListener(s -> {
            java.util.function.Consumer<Message> direct = onMessage;
            if (direct != null && s instanceof Message m) {
                direct.accept(m);
            } else {
                received.add(s);
            }
        }, s -> s instanceof Message || s instanceof Presence);
        connection.addSyncStanzaListener(s -> everything.add(s.toXML().toString()), s -> true);
        connection.connect().login();
        jid = JidCreate.entityBareFrom(user + "@" + domain);
    }

    /** The Smack connection itself, for protocols built on top of it (group chat). */
    XMPPTCPConnection connection() {
        return connection;
    }

    /** Every stanza received since the client connected (never cleared). */
    java.util.List<String> everythingReceived() {
        return java.util.List.copyOf(everything);
    }

    /** Sends a chat message with a unique body and returns that body. */
    String send(Jid to, String body) throws Exception {
        Message m = connection.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build();
        connection.sendStanza(m);
        return body;
    }

    void send(Stanza stanza) throws Exception {
        connection.sendStanza(stanza);
    }

    /** Waits (bounded) for a received stanza that matches; null when none came in time. */
    Stanza await(Predicate<Stanza> match, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        java.util.List<Stanza> skipped = new java.util.ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                Stanza s = received.poll(left, TimeUnit.NANOSECONDS);
                if (s == null) {
                    return null;
                }
                if (match.test(s)) {
                    return s;
                }
                skipped.add(s);
            }
        } finally {
            received.addAll(skipped);
        }
    }

    Message awaitMessage(String body, Duration limit) throws InterruptedException {
        return (Message) await(s -> s instanceof Message m && m.getType() != Message.Type.error && body.equals(m.getBody()), limit);
    }

    /** The error that came back for the message with this stanza id, or null. */
    StanzaError awaitMessageError(String stanzaId, Duration limit) throws InterruptedException {
        Stanza s = await(x -> x instanceof Message m && m.getType() == Message.Type.error && stanzaId.equals(m.getStanzaId()), limit);
        return s == null ? null : s.getError();
    }

    String sendWithId(Jid to, String body) throws Exception {
        Message m = connection.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build();
        connection.sendStanza(m);
        return m.getStanzaId();
    }

    /** Sends an XEP-0199 ping and returns the answer (result or error), or null on time-out. */
    IQ ping(Jid to, Duration limit) throws Exception {
        Ping ping = new Ping(to);
        StanzaCollector collector = connection.createStanzaCollectorAndSend(new StanzaIdFilter(ping.getStanzaId()), ping);
        try {
            return collector.nextResult(limit.toMillis());
        } finally {
            collector.cancel();
        }
    }

    void presence(Jid to, Presence.Type type) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().to(to).ofType(type).build());
    }

    /** Hands every received message to {@code consumer} instead of recording it (null: record again). */
    void onMessage(java.util.function.Consumer<Message> consumer) {
        onMessage = consumer;
    }

    void clearReceived() {
        received.clear();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
