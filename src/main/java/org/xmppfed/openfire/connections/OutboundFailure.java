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

import java.util.Locale;

import org.xmppfed.openfire.events.EventKind;

/**
 * What kind of event a failed outgoing S2S attempt is, from the exception Openfire recorded for it
 * (class name and message): a certificate problem (TLS handshake, certificate path or name), a
 * refusal by the peer (a stream error or failed authentication after the connection was made), or
 * otherwise a route failure (no DNS answer, nothing listening, time-out).
 */
public final class OutboundFailure {
    private OutboundFailure() {
    }

    public static EventKind kind(String errorType, String errorMessage) {
        String text = ((errorType == null ? "" : errorType) + " " + (errorMessage == null ? "" : errorMessage)).toLowerCase(Locale.ROOT);
        if (text.contains("certificate") || text.contains("sslhandshake") || text.contains("pkix") || text.contains("ssl")) {
            return EventKind.CERTIFICATE_PROBLEM;
        }
        if (text.contains("not-authorized") || text.contains("not authorized") || text.contains("policy-violation")
            || text.contains("host-unknown") || text.contains("stream error") || text.contains("streamerror")
            || text.contains("forbidden") || text.contains("authentication") || text.contains("dialback")) {
            return EventKind.CONNECTION_REFUSED;
        }
        return EventKind.ROUTE_FAILURE;
    }
}
