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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.jivesoftware.openfire.RoutingTable;
import org.jivesoftware.openfire.XMPPServer;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * Hands a stanza straight to Openfire's routing table, past the routers (which would run their
 * local bookkeeping - rosters, directed presences - a second time).
 *
 * <p>Adapter for an API that differs between the compile-time Openfire 4.2.0 and the runtime
 * Openfire 5.1.x: {@code RoutingTable.routePacket(JID, Packet)} exists only in 5.x, 4.2.0 has
 * {@code routePacket(JID, Packet, boolean)}. The method is looked up once, at first use.
 */
final class RemoteRouting {
    private static final MethodHandle ROUTE = find();

    private RemoteRouting() {
    }

    static void route(Packet packet) {
        RoutingTable table = XMPPServer.getInstance().getRoutingTable();
        try {
            if (ROUTE.type().parameterCount() == 3) {
                ROUTE.invoke(table, packet.getTo(), packet);
            } else {
                ROUTE.invoke(table, packet.getTo(), packet, false);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Could not route " + packet.getTo(), e);
        }
    }

    private static MethodHandle find() {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            return lookup.findVirtual(RoutingTable.class, "routePacket", MethodType.methodType(void.class, JID.class, Packet.class));
        } catch (ReflectiveOperationException openfire42) {
            try {
                return lookup.findVirtual(RoutingTable.class, "routePacket",
                    MethodType.methodType(void.class, JID.class, Packet.class, boolean.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Openfire's RoutingTable has no routePacket method this plugin knows", e);
            }
        }
    }
}
