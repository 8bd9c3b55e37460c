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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.xmppfed.openfire.adapter.TestStanzas.message;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.dom4j.DocumentHelper;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.IncomingServerSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;
import org.xmppfed.openfire.alias.ChatAliasTable;
import org.xmppfed.openfire.alias.ChatNodeAlias;
import org.xmppfed.openfire.alias.PartnerAliases;

/** {@link ChatAliasMapping} through the plugin's interceptor, the way Openfire hands stanzas over. */
class ChatAliasMappingTest {
    private static final String DOMAIN = "openfire.test";
    private static final String SERVICE = "conference.openfire.test";
    private static final String ALIAS = "chat.partners.example";
    private static final String ALIAS_2 = "rooms.partners.example";

    private final AtomicReference<ChatAliasTable> table = new AtomicReference<>(ChatAliasTable.of(List.of(
        new ChatNodeAlias(ALIAS, SERVICE), new ChatNodeAlias(ALIAS_2, SERVICE))));
    private final RecordingSender errors = new RecordingSender();
    private final List<Packet> rerouted = new ArrayList<>();
    private final ChatAliasMapping step = new ChatAliasMapping(table::get, new PartnerAliases(), errors, rerouted::add);
    private final FederationInterceptor interceptor = new FederationInterceptor(
        d -> d.equals(DOMAIN) || d.equals(SERVICE) || table.get().serviceOf(d) != null, DOMAIN, List.of(step));

    private void fromRemote(Packet p) throws PacketRejectedException {
        interceptor.interceptPacket(p, mock(IncomingServerSession.class), true, false);
    }

    private void fromLocal(Packet p) throws PacketRejectedException {
        interceptor.interceptPacket(p, null, true, false);
    }

    @Test
    void aFederatedStanzaToTheAliasReachesTheService() throws Exception {
        Presence join = new Presence();
        join.setFrom(new JID("carol@remote.example/pc"));
        join.setTo(new JID("lobby@" + ALIAS + "/carol"));
        join.addChildElement("x", "http://jabber.org/protocol/muc");
        fromRemote(join);
        assertEquals(new JID("lobby@" + SERVICE + "/carol"), join.getTo());
        assertEquals(new JID("carol@remote.example/pc"), join.getFrom());
        assertTrue(errors.nothingSent());
    }

    @Test
    void aDirectInvitationFromAPartnerNamesTheRoomByItsServiceDomainForTheLocalUser() throws Exception {
        Message invite = message(new JID("carol@remote.example/pc"), new JID("alice@" + DOMAIN));
        invite.getElement().addElement("x", "jabber:x:conference").addAttribute("jid", "lobby@" + ALIAS.toUpperCase());
        fromRemote(invite);
        assertEquals("lobby@" + SERVICE, invite.getElement().element("x").attributeValue("jid"));
    }

    @Test
    void whatTheServiceSendsAPartnerCarriesTheAliasThePartnerUsed() throws Exception {
        Presence join = new Presence();
        join.setFrom(new JID("carol@remote.example/pc"));
        join.setTo(new JID("lobby@" + ALIAS_2 + "/carol"));
        fromRemote(join);

        Message history = message(new JID("lobby@" + SERVICE + "/alice"), new JID("carol@remote.example/pc"));
        history.setType(Message.Type.groupchat);
        history.getElement().addElement("delay", "urn:xmpp:delay").addAttribute("from", "lobby@" + SERVICE);
        fromLocal(history);
        assertEquals(new JID("lobby@" + ALIAS_2 + "/alice"), history.getFrom(), "the alias Carol used, not the primary one");
        assertEquals("lobby@" + ALIAS_2, history.getElement().element("delay").attributeValue("from"));

        Message toDave = message(new JID("lobby@" + SERVICE), new JID("dave@remote.example"));
        fromLocal(toDave);
        assertEquals(new JID("lobby@" + ALIAS), toDave.getFrom(), "a partner that never wrote gets the primary alias (first by name)");
    }

    @Test
    void aRememberedAliasThatWasDeletedIsNoLongerUsed() throws Exception {
        Presence join = new Presence();
        join.setFrom(new JID("carol@remote.example/pc"));
        join.setTo(new JID("lobby@" + ALIAS_2 + "/carol"));
        fromRemote(join);
        table.set(ChatAliasTable.of(List.of(new ChatNodeAlias(ALIAS, SERVICE))));
        Message m = message(new JID("lobby@" + SERVICE + "/alice"), new JID("carol@remote.example/pc"));
        fromLocal(m);
        assertEquals(new JID("lobby@" + ALIAS + "/alice"), m.getFrom());
    }

    @Test
    void aPartnerThatAddressesTheServiceDomainItselfIsRedirectedToTheAlias() throws Exception {
        IQ disco = new IQ(IQ.Type.get, "d1");
        disco.setFrom(new JID("carol@remote.example/pc"));
        disco.setTo(new JID("lobby@" + SERVICE));
        disco.setChildElement("query", "http://jabber.org/protocol/disco#info");
        assertThrows(PacketRejectedException.class, () -> fromRemote(disco));
        assertEquals(1, errors.toRemote.size());
        IQ answer = (IQ) errors.toRemote.get(0);
        assertEquals(IQ.Type.error, answer.getType());
        assertEquals(PacketError.Condition.redirect, answer.getError().getCondition());
        assertEquals("xmpp:lobby@" + ALIAS, answer.getError().getElement().elementText("redirect"));
        assertEquals(new JID("lobby@" + ALIAS), answer.getFrom());
        assertEquals(new JID("carol@remote.example/pc"), answer.getTo());

        IQ result = new IQ(IQ.Type.result, "p1");
        result.setFrom(new JID("carol@remote.example/pc"));
        result.setTo(new JID("lobby@" + SERVICE));
        assertThrows(PacketRejectedException.class, () -> fromRemote(result));
        assertEquals(1, errors.toRemote.size(), "a result or error is dropped without an answer");
    }

    @Test
    void aLocalUserWhoWritesToTheAliasReachesTheService() throws Exception {
        Message m = message(new JID("alice@" + DOMAIN + "/pc"), new JID("lobby@" + ALIAS));
        fromLocal(m);
        assertEquals(new JID("lobby@" + SERVICE), m.getTo());
    }

    @Test
    void localTrafficWithTheServiceStaysAsItIs() throws Exception {
        Message m = message(new JID("lobby@" + SERVICE + "/bob"), new JID("alice@" + DOMAIN + "/pc"));
        String before = m.toXML();
        fromLocal(m);
        assertEquals(before, m.toXML());
    }

    @Test
    void aStanzaThatReachesAnOutgoingSessionWithTheServiceDomainIsSentMappedInstead() throws Exception {
        Presence p = new Presence();
        p.setFrom(new JID("lobby@" + SERVICE + "/alice"));
        p.setTo(new JID("carol@remote.example/pc"));
        p.getElement().addElement("x", "http://jabber.org/protocol/muc#user").addElement("item").addAttribute("affiliation", "owner");
        String before = p.toXML();
        assertThrows(PacketRejectedException.class, () -> interceptor.interceptPacket(p, mock(OutgoingServerSession.class), false, false));
        assertEquals(before, p.toXML(), "the stanza handed over stays as it was");
        assertEquals(1, rerouted.size());
        assertEquals(new JID("lobby@" + ALIAS + "/alice"), rerouted.get(0).getFrom());

        Message clean = message(new JID("lobby@" + ALIAS + "/alice"), new JID("carol@remote.example/pc"));
        interceptor.interceptPacket(clean, mock(OutgoingServerSession.class), false, false);
        assertEquals(1, rerouted.size(), "a mapped stanza passes");
    }

    @Test
    void withoutAliasesNothingChanges() throws Exception {
        table.set(ChatAliasTable.EMPTY);
        Message m = message(new JID("lobby@" + SERVICE + "/alice"), new JID("carol@remote.example/pc"));
        m.getElement().add(DocumentHelper.parseText("<delay xmlns='urn:xmpp:delay' from='lobby@" + SERVICE + "'/>").getRootElement());
        String before = m.toXML();
        fromLocal(m);
        interceptor.interceptPacket(m, mock(OutgoingServerSession.class), false, false);
        assertEquals(before, m.toXML());
        assertTrue(rerouted.isEmpty());
        assertNull(table.get().serviceOf(ALIAS));
    }

    @Test
    void theAliasIsAnAddressOfOursForTheOtherSteps() throws Exception {
        List<Stanza> seen = new ArrayList<>();
        FederationInterceptor withProbe = new FederationInterceptor(d -> d.equals(DOMAIN) || d.equals(SERVICE) || table.get().serviceOf(d) != null,
            DOMAIN, List.of(seen::add, step));
        Message m = message(new JID("carol@remote.example/pc"), new JID("lobby@" + ALIAS));
        withProbe.interceptPacket(m, mock(IncomingServerSession.class), true, false);
        assertTrue(seen.get(0).fromRemote());
        assertEquals(false, seen.get(0).toRemote(), "an alias is one of our names, not a remote domain");
        assertSame(m, seen.get(0).packet());
    }
}
