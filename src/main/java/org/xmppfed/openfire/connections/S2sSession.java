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
package org.xmppfed.openfire.connections;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import org.xmppfed.openfire.policy.Direction;

/**
 * One server-to-server session as the connections page shows it: the cluster node it lives on and
 * its stream ID there (together they name it for "close"), its direction, our domain and the remote
 * domain it was opened for, the other remote domains authenticated on the same stream, the peer's
 * address and port, TLS protocol and cipher suite, how the peer authenticated, the subject of its
 * certificate, when it was created and last active, the stanzas it carried each way, and what the
 * policy allowed and denied for its remote domain in its direction on its node. Text
 * fields are never {@code null} (empty when unknown); {@code remotePort} is 0 when unknown.
 * Serializable because cluster nodes send their sessions to the node that asks.
 */
public record S2sSession(String node, String streamId, Direction direction, String localDomain, String remoteDomain,
                         List<String> otherDomains, String remoteAddress, int remotePort, String tlsProtocol, String cipherSuite,
                         Authentication authentication, String certificateSubject, Instant created, Instant lastActive,
                         long stanzasIn, long stanzasOut, long allowed, long denied) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How the remote server proved its domain on this stream. */
    public enum Authentication {
        DIALBACK, SASL_EXTERNAL, OTHER, NONE;

        /** The message key of its name on the pages. */
        public String messageKey() {
            return "connections.auth." + name();
        }
    }

    public S2sSession {
        node = text(node);
        streamId = text(streamId);
        localDomain = text(localDomain);
        remoteDomain = text(remoteDomain);
        otherDomains = otherDomains == null ? List.of() : List.copyOf(otherDomains);
        remoteAddress = text(remoteAddress);
        tlsProtocol = text(tlsProtocol);
        cipherSuite = text(cipherSuite);
        authentication = authentication == null ? Authentication.NONE : authentication;
        certificateSubject = text(certificateSubject);
    }

    /** Whether the stream is encrypted (a TLS protocol or cipher suite is known). */
    public boolean encrypted() {
        return !tlsProtocol.isEmpty() || !cipherSuite.isEmpty();
    }

    /** Whether this session concerns {@code domain}: the domain it was opened for or one authenticated on it. */
    public boolean concerns(String domain) {
        return remoteDomain.equalsIgnoreCase(domain) || otherDomains.stream().anyMatch(d -> d.equalsIgnoreCase(domain));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
