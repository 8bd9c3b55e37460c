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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.policy.Direction;

class ConnectionListTest {
    private final List<NodeReport> reports = List.of(
        new NodeReport("n1", "1.3.0", "5.1.1", List.of(), List.of(
            FakeNodes.session("n1", "a", Direction.INCOMING, "b.example", 5, 0),
            FakeNodes.session("n1", "b", Direction.OUTGOING, "a.example", 0, 9)), null),
        new NodeReport("n2", "1.3.0", "5.1.1", List.of(), List.of(
            FakeNodes.session("n2", "c", Direction.INCOMING, "a.example", 7, 0)), null),
        NodeReport.unreachable("n3", "did not answer"));

    @Test
    void everyNodesSessionsSortedByDomainThenNodeWithTotals() {
        ConnectionList list = ConnectionList.of(reports, "", ConnectionList.Sort.DOMAIN);
        assertEquals(List.of("n1 b", "n2 c", "n1 a"), list.rows().stream().map(s -> s.node() + " " + s.streamId()).toList());
        assertEquals(new ConnectionList.Totals(3, 2, 1, 2, 3, 12, 9), list.totals());
    }

    @Test
    void theFilterMatchesAPieceOfTheDomainIgnoringCaseAndTotalsFollowIt() {
        ConnectionList list = ConnectionList.of(reports, "  A.EX ", ConnectionList.Sort.IN);
        assertEquals(List.of("c", "b"), list.rows().stream().map(S2sSession::streamId).toList());
        assertEquals(2, list.totals().sessions());
        assertEquals(1, list.totals().domains());
    }

    @Test
    void theFilterAlsoMatchesTheOtherDomainsOfAStream() {
        S2sSession piggy = new S2sSession("n1", "p", Direction.INCOMING, "openfire.test", "main.example", List.of("muc.partner.example"),
            "", 0, "", "", null, "", null, null, 0, 0, 0, 0);
        ConnectionList list = ConnectionList.of(List.of(new NodeReport("n1", "", "", List.of(), List.of(piggy), null)), "partner",
            ConnectionList.Sort.ACTIVE);
        assertEquals(1, list.rows().size());
        assertEquals(0, list.totals().encrypted());
    }

    @Test
    void anUnknownSortIsByDomain() {
        assertEquals(ConnectionList.Sort.DOMAIN, ConnectionList.Sort.parse("<script>"));
        assertEquals(ConnectionList.Sort.OUT, ConnectionList.Sort.parse(" out "));
    }
}
