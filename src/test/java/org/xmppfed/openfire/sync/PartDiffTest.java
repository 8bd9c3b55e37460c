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
package org.xmppfed.openfire.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.troubleshoot.SettingsSnapshot;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/** The comparison of two clusters' transferable settings, part by part; and what a snapshot carries of them. */
class PartDiffTest {
    private static TransferSet set(String defaultPolicy, Map<String, String> exceptions, Map<String, String> routes, Set<String> email) {
        return new TransferSet("x", EnumSet.of(SyncPart.POLICY, SyncPart.ROUTES, SyncPart.EMAIL_DOMAINS), defaultPolicy, exceptions, routes,
            Map.of(), email);
    }

    @Test
    void eachPartListsWhatIsOnlyHereOnlyThereAndDifferentInNameOrder() {
        TransferSet here = set("DENY", Map.of("b.example", "BOTH", "a.example", "INCOMING", "same.example", "BOTH"),
            Map.of("r.example", "192.0.2.1:5269"), Set.of("mail.example"));
        TransferSet there = set("ALLOW", Map.of("a.example", "OUTGOING", "same.example", "BOTH", "c.example", "BOTH"),
            Map.of("r.example", "192.0.2.1:5269 192.0.2.2:5269"), Set.of("mail.example", "other.example"));
        List<PartDiff> d = PartDiff.of(here, there);
        assertEquals(3, d.size());
        PartDiff policy = d.get(0);
        assertEquals(List.of("b.example (BOTH)"), policy.onlyHere());
        assertEquals(List.of("c.example (BOTH)"), policy.onlyThere());
        assertEquals(List.of("a.example: INCOMING \u2192 OUTGOING"), policy.different());
        assertTrue(policy.defaultDiffers());
        assertEquals(3, policy.hereCount());
        assertEquals(List.of("r.example: 192.0.2.1:5269 \u2192 192.0.2.1:5269 192.0.2.2:5269"), d.get(1).different());
        assertEquals(List.of("other.example"), d.get(2).onlyThere());
        assertFalse(d.get(2).defaultDiffers(), "only the policy has a default");
    }

    @Test
    void theSameSettingsAreTheSameEvenWhenOnlyTheDefaultWasDifferentBefore() {
        TransferSet a = set("DENY", Map.of("a.example", "BOTH"), Map.of(), Set.of());
        assertTrue(PartDiff.of(a, a).stream().allMatch(PartDiff::same));
        PartDiff onlyDefault = PartDiff.of(a, set("ALLOW", Map.of("a.example", "BOTH"), Map.of(), Set.of())).get(0);
        assertFalse(onlyDefault.same(), "the default policy alone makes the policy differ");
    }

    @Test
    void aSnapshotCarriesOnlyThePartsItHasInTheRightShape() {
        Map<String, String> exceptions = new HashMap<>(Map.of("a.example", "BOTH"));
        SettingsSnapshot s = new SettingsSnapshot(SettingsSnapshot.SCHEMA, "x.example", "1.3.0", "5.1.1", List.of(
            SnapshotItem.value("policy.default", "DENY"),
            SnapshotItem.entries("policy.exceptions", exceptions),
            SnapshotItem.value("routes", "not a set"),            // a wrong shape is never read as "no routes"
            SnapshotItem.entries("email.domains", Map.of("mail.example", ""))), List.of());
        Set<SyncPart> all = EnumSet.allOf(SyncPart.class);
        assertEquals(List.of(SyncPart.ROUTES, SyncPart.ALIASES), TransferSet.missing(s, all));
        TransferSet t = TransferSet.of(s, all);
        assertEquals(EnumSet.of(SyncPart.POLICY, SyncPart.EMAIL_DOMAINS), t.parts());
        assertEquals(Map.of("a.example", "BOTH"), t.exceptions());
        SettingsSnapshot push = TransferSet.forPush(s, EnumSet.of(SyncPart.POLICY));
        assertEquals(List.of("policy.default", "policy.exceptions"), push.items().stream().map(SnapshotItem::id).toList());
        assertTrue(push.nodes().isEmpty());
    }
}
