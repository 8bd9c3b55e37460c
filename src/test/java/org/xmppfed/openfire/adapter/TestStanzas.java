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

import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** The stanzas the interceptor tests send, built like Openfire hands them to interceptors. */
final class TestStanzas {
    private TestStanzas() {
    }

    /** A chat message with id m1 and body "hello". */
    static Message message(JID from, JID to) {
        Message m = new Message();
        m.setFrom(from);
        m.setTo(to);
        m.setType(Message.Type.chat);
        m.setID("m1");
        m.setBody("hello");
        return m;
    }

    /** An XEP-0199 ping (or its result/error shape) with id iq1. */
    static IQ ping(JID from, JID to, IQ.Type type) {
        IQ iq = new IQ(type, "iq1");
        iq.setFrom(from);
        iq.setTo(to);
        iq.setChildElement("ping", "urn:xmpp:ping");
        return iq;
    }
}
