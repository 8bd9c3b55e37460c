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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.spi.ConnectionListener;
import org.jivesoftware.openfire.spi.ConnectionManagerImpl;
import org.jivesoftware.openfire.spi.ConnectionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's listeners for incoming server-to-server connections (STARTTLS and direct TLS).
 * Openfire's listener keeps a snapshot of its TLS settings (TLS policy, certificate checks) until it
 * is restarted - its own S2S settings page restarts it after a change - so a changed TLS mode or
 * certificate validation reaches incoming connections only through {@link #restart()}. Outgoing
 * connections read the settings afresh each time. ({@code ConnectionManagerImpl.getListener} and
 * {@code ConnectionListener.restart} are the same in 4.2.0 and 5.1.)
 */
final class S2sListeners {
    private S2sListeners() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(S2sListeners.class);
    /**
     * Restart attempts per listener: Openfire's restart closes the port asynchronously, so its start can find the
     * port still taken (Openfire then logs "Error starting Netty acceptor ... Address already in use") and the
     * listener stays down; another restart a moment later succeeds.
     */
    private static final int ATTEMPTS = 20;
    private static final long PAUSE_MILLIS = 500;

    /** Restarts each enabled S2S listener and makes sure it listens again (bounded retries); logs an error if one does not. */
    static void restart() {
        if (!(XMPPServer.getInstance().getConnectionManager() instanceof ConnectionManagerImpl connections)) {
            return;
        }
        for (boolean directTls : new boolean[] {false, true}) {
            ConnectionListener listener = connections.getListener(ConnectionType.SOCKET_S2S, directTls);
            if (listener != null && listener.isEnabled()) {
                restart(listener);
            }
        }
    }

    private static void restart(ConnectionListener listener) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            listener.restart();
            try {
                // Twice, a moment apart: right after the restart the old acceptor may still answer on its way out.
                if (listening(listener)) {
                    Thread.sleep(PAUSE_MILLIS);
                    if (listening(listener)) {
                        return;
                    }
                }
                Thread.sleep(PAUSE_MILLIS); // the old acceptor is still releasing the port
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.error("The server-to-server listener on port {} did not start again after the TLS settings changed. "
            + "Restart it from Server Settings > Server to Server, or restart Openfire.", listener.getPort());
    }

    /** Whether something accepts connections on the listener's address and port (a connection opened and closed at once). */
    private static boolean listening(ConnectionListener listener) {
        InetAddress address = listener.getBindAddress();
        if (address == null || address.isAnyLocalAddress()) {
            address = InetAddress.getLoopbackAddress();
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(address, listener.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
