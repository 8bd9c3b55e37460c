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
import java.util.concurrent.TimeUnit;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;
import org.xmppfed.openfire.alias.ChatAliasTable;
import org.xmppfed.openfire.alias.ChatNodeAlias;
import org.xmppfed.openfire.alias.PartnerAliases;

/**
 * Per-stanza cost of the chat node alias mapping with 1 000 aliases (100 on each of 10 group chat
 * services), through {@link ChatAliasMapping} as the interceptor runs it:
 *
 * <ul>
 * <li>inbound: a federated occupant's presence to {@code room@alias/nick} (MUC join), whose
 * {@code to} becomes the service and whose alias is remembered for the partner;</li>
 * <li>outbound: a group chat message from {@code room@service/nick} to a federated occupant with
 * the history's {@code <delay>} and a body, whose sender and payload get the partner's alias.</li>
 * </ul>
 * The mapping works in place, so every invocation maps a fresh {@code createCopy()}; {@code *Copy}
 * measures the copy alone, and the mapping's own cost is the difference. Each invocation takes the
 * next of 1024 stanzas, spread over the aliases and 1024 partners.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChatAliasMappingBenchmark {
    private static final int SERVICES = 10;
    private static final int ALIASES = 1_000;
    private static final int QUERIES = 1024;

    private ChatAliasMapping mapping;
    private Presence[] joins;
    private Message[] messages;
    private Message[] mappedMessages;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<ChatNodeAlias> aliases = new ArrayList<>();
        for (int i = 0; i < ALIASES; i++) {
            aliases.add(new ChatNodeAlias("chat" + i + ".partner" + (i % 37) + ".example", service(i % SERVICES)));
        }
        ChatAliasTable table = ChatAliasTable.of(aliases);
        mapping = new ChatAliasMapping(() -> table, new PartnerAliases(), new ErrorSender() {
            @Override
            public void toLocal(Packet error, org.jivesoftware.openfire.session.Session session) {
                throw new IllegalStateException("no answer expected");
            }

            @Override
            public void toRemote(Packet error) {
                throw new IllegalStateException("no answer expected");
            }
        }, p -> {
            throw new IllegalStateException("no reroute expected");
        });
        joins = new Presence[QUERIES];
        messages = new Message[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            int a = (int) ((q * 7919L) % ALIASES);
            String alias = "chat" + a + ".partner" + (a % 37) + ".example";
            String partner = "user" + q + "@remote" + (q % 20) + ".example";
            joins[q] = new Presence(DocumentHelper.parseText("<presence xmlns='jabber:client' from='" + partner + "/gajim.QW3e' to='room"
                + q + "@" + alias + "/nick" + q + "'><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://gajim.org'"
                + " ver='Kr0tr7kFQdcYOcgHF6E6pYbwb2s='/><x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='20'/></x></presence>")
                .getRootElement());
            messages[q] = new Message(DocumentHelper.parseText("<message xmlns='jabber:client' type='groupchat' from='room" + q + "@"
                + service(a % SERVICES) + "/alice' to='" + partner + "/gajim.QW3e' id='m" + q + "'><body>Hi all, are we still on for the "
                + "review at 3pm? I will bring the slides.</body><delay xmlns='urn:xmpp:delay' stamp='2026-11-25T08:41:07Z' from='room" + q
                + "@" + service(a % SERVICES) + "'/></message>").getRootElement());
            // the partner has joined through its alias, as in real use
            mapping.beforeRouting(inbound(joins[q].createCopy()));
        }
        mappedMessages = new Message[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            mappedMessages[q] = messages[q].createCopy();
            mapping.beforeRouting(outbound(mappedMessages[q]));
        }
        Message check = messages[0].createCopy();
        mapping.beforeRouting(outbound(check));
        Presence join = joins[0].createCopy();
        mapping.beforeRouting(inbound(join));
        if (check.toXML().contains("conference") || !join.getTo().getDomain().startsWith("conference")) {
            throw new IllegalStateException("fixture does not map: " + check.toXML() + " " + join.toXML());
        }
    }

    private static String service(int i) {
        return "conference" + i + ".openfire.test";
    }

    private static Stanza inbound(Packet p) {
        return new Stanza(p, null, p.getFrom().getDomain(), p.getTo().getDomain(), true, false);
    }

    private static Stanza outbound(Packet p) {
        return new Stanza(p, null, p.getFrom().getDomain(), p.getTo().getDomain(), false, true);
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (QUERIES - 1);
        return i;
    }

    @Benchmark
    public Packet inboundCopy() {
        return joins[nextIndex()].createCopy();
    }

    @Benchmark
    public Packet inboundCopyMap() throws PacketRejectedException {
        Packet copy = joins[nextIndex()].createCopy();
        mapping.beforeRouting(inbound(copy));
        return copy;
    }

    @Benchmark
    public Packet outboundCopy() {
        return messages[nextIndex()].createCopy();
    }

    @Benchmark
    public Packet outboundCopyMap() throws PacketRejectedException {
        Packet copy = messages[nextIndex()].createCopy();
        mapping.beforeRouting(outbound(copy));
        return copy;
    }

    /** The check at S2S delivery of an already mapped stanza, which passes it as it is. */
    @Benchmark
    public Packet outboundDeliveryCheck() throws PacketRejectedException {
        Packet mapped = mappedMessages[nextIndex()];
        mapping.beforeS2sDelivery(outbound(mapped));
        return mapped;
    }
}
