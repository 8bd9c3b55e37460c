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

import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.Packet;

/** Records the answers the plugin would send instead of routing them. */
final class RecordingSender implements ErrorSender {
    final List<Packet> toLocal = new ArrayList<>();
    final List<Session> viaSession = new ArrayList<>();
    final List<Packet> toRemote = new ArrayList<>();

    @Override
    public void toLocal(Packet error, Session session) {
        toLocal.add(error);
        viaSession.add(session);
    }

    @Override
    public void toRemote(Packet error) {
        toRemote.add(error);
    }

    boolean nothingSent() {
        return toLocal.isEmpty() && toRemote.isEmpty();
    }
}
