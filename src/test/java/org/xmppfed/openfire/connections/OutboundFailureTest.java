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

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.events.EventKind;

class OutboundFailureTest {
    @Test
    void certificateRefusalAndRouteFailuresAreToldApart() {
        assertEquals(EventKind.CERTIFICATE_PROBLEM, OutboundFailure.kind("javax.net.ssl.SSLHandshakeException", "PKIX path building failed"));
        assertEquals(EventKind.CONNECTION_REFUSED, OutboundFailure.kind("java.lang.Exception", "Remote server responded with stream error: policy-violation"));
        assertEquals(EventKind.CONNECTION_REFUSED, OutboundFailure.kind("org.jivesoftware.openfire.server.ServerDialbackErrorException", "not-authorized"));
        assertEquals(EventKind.ROUTE_FAILURE, OutboundFailure.kind("java.net.ConnectException", "Connection refused"));
        assertEquals(EventKind.ROUTE_FAILURE, OutboundFailure.kind("java.net.UnknownHostException", "nowhere.example"));
        assertEquals(EventKind.ROUTE_FAILURE, OutboundFailure.kind(null, null));
    }

    @Test
    void certificateNamesMatchExactlyOrOneWildcardLabel() {
        assertEquals(true, PeerCertificateCheck.matches("partner.example", "PARTNER.example"));
        assertEquals(true, PeerCertificateCheck.matches("*.partner.example", "muc.partner.example"));
        assertEquals(false, PeerCertificateCheck.matches("*.partner.example", "partner.example"));
        assertEquals(false, PeerCertificateCheck.matches("*.partner.example", "a.b.partner.example"));
        assertEquals(false, PeerCertificateCheck.matches("other.example", "partner.example"));
    }
}
