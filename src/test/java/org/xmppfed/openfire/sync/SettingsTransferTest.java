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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.store.JdbcPolicyExceptionStore;

/**
 * Applying a peer's settings to a cluster: every part replaced as a whole and all parts at once, or
 * - for any entry the cluster's own checks refuse, or a failed write - nothing at all, with every
 * reason. Real services on a real database (HSQLDB).
 */
class SettingsTransferTest {
    private final TestCluster west = new TestCluster("west.example");
    private final TestCluster east = new TestCluster("east.example");

    private static final Set<SyncPart> ALL = EnumSet.allOf(SyncPart.class);

    private void westHasEverything() {
        west.policy.saveSettings(true, DefaultPolicy.ALLOW);
        west.policy.add("partner.example", "INCOMING");
        west.policy.add("*.blocked.example", "BOTH");
        west.routes.add("partner.example", "192.0.2.10:5269");
        west.routes.add("partner.example", "192.0.2.11");
        west.aliases.add("chat.west.example", "conference.west.example");
        west.email.addDomain("mail.example");
    }

    @Test
    void everyPartIsReplacedAtOnceAndTheCountsSayWhatChanged() {
        westHasEverything();
        east.policy.add("partner.example", "BOTH");
        east.policy.add("east-only.example", "OUTGOING");
        Instant partnerCreated = east.policy.find("partner.example").orElseThrow().created();
        east.routes.add("old-route.example", "192.0.2.99");
        east.email.addDomain("old-mail.example");
        int announced = east.policySettings.announcements;
        // west's aliases name west's group chat service, which east does not have: take the other parts
        Set<SyncPart> parts = EnumSet.of(SyncPart.POLICY, SyncPart.ROUTES, SyncPart.EMAIL_DOMAINS);
        TransferOutcome o = east.transfer.apply(TransferSet.of(west.snapshot(), parts));

        assertTrue(o.applied(), o.problemLines(Locale.ENGLISH).toString());
        assertEquals(west.exceptions(), east.exceptions());
        assertEquals(DefaultPolicy.ALLOW, east.policy.current().defaultPolicy(), "the default policy comes with the exceptions");
        assertEquals(DefaultPolicy.ALLOW, east.policySettings.defaultPolicy, "and is saved");
        assertEquals(west.routes.current().targetsByDomain(), east.routes.current().targetsByDomain());
        assertEquals(Set.of("mail.example"), east.email.servedDomains());
        assertTrue(east.email.domains().stream().anyMatch(d -> d.name().equals("old-mail.example") && !d.served()),
            "a domain that is not served any more stays listed, withdrawn");
        assertEquals(announced + 1, east.policySettings.announcements, "announced to the other nodes once");
        assertEquals(partnerCreated, east.policy.find("partner.example").orElseThrow().created(), "a changed exception keeps its creation time");
        List<String> lines = o.countLines(Locale.ENGLISH);
        assertEquals(List.of("Default policy: DENY \u2192 ALLOW",
            "Policy (default policy and exceptions): 2 \u2192 2 (1 added, 1 changed, 1 removed)",
            "Static routes (by domain): 1 \u2192 1 (1 added, 0 changed, 1 removed)",
            "Email domains served: 1 \u2192 1 (1 added, 0 changed, 1 removed)"), lines);
        // what was stored is what is in force (a reload reads the same)
        assertEquals(east.exceptions().size(), new JdbcPolicyExceptionStore(east.database).loadAll().size());
        east.routes.reload();
        assertEquals(west.routes.current().targetsByDomain(), east.routes.current().targetsByDomain());
    }

    @Test
    void anExceptionForTheReceiversOwnDomainRefusesEverythingWithTheReason() {
        westHasEverything();
        west.policy.add("east.example", "BOTH"); // a partner for west, this server itself for east
        west.routes.add("conference.east.example", "192.0.2.20");
        east.policy.add("keep.example", "BOTH");
        east.routes.add("keep.example", "192.0.2.30");
        List<String> before = east.exceptions();

        TransferOutcome o = east.transfer.apply(TransferSet.of(west.snapshot(), EnumSet.of(SyncPart.POLICY, SyncPart.ROUTES)));

        assertFalse(o.applied());
        assertEquals(2, o.problemCount(), "every reason, not just the first");
        List<String> reasons = o.problemLines(Locale.ENGLISH);
        assertTrue(reasons.contains("Policy east.example,BOTH: east.example names a domain of this server (its XMPP domain or a service). "
            + "Policy exceptions are about federated partners, not this server's own names."), reasons.toString());
        assertTrue(reasons.get(1).startsWith("Static route conference.east.example,192.0.2.20:5269: conference.east.example is a domain of this server"),
            reasons.toString());
        assertEquals(before, east.exceptions(), "nothing changed");
        assertEquals(DefaultPolicy.DENY, east.policy.current().defaultPolicy());
        assertEquals(Map.of("keep.example", "192.0.2.30:5269"), east.routes.current().targetsByDomain());
    }

    @Test
    void badEntriesOfEveryPartAreAllReported() {
        TransferSet wanted = new TransferSet("west.example", ALL, "MAYBE", Map.of("user@partner.example", "BOTH", "ok.example", "SIDEWAYS"),
            Map.of("routed.example", "192.0.2.1:99999"), Map.of("10.0.0.1", "conference.east.example", "chat.example", "rooms.east.example"),
            Set.of("abc.1om", "east.example"));
        TransferOutcome o = east.transfer.apply(wanted);
        assertFalse(o.applied());
        List<String> reasons = o.problemLines(Locale.ENGLISH);
        assertEquals(8, o.problemCount(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("Policy default MAYBE: "), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Policy user@partner.example,BOTH: ")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Policy ok.example,SIDEWAYS: 'SIDEWAYS' is not a direction")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Static route routed.example,192.0.2.1:99999: Port 99999")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Chat node alias 10.0.0.1 \u2192 conference.east.example: '10.0.0.1' is an IP address")),
            reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("'rooms.east.example' is not a group chat service of this server")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Email domain abc.1om: ")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Email domain east.example: east.example is served by this server already")),
            reasons.toString());
        assertEquals(List.of(), east.exceptions());
    }

    @Test
    void aNameThePushMakesOursCannotBeAPartnerOfThePushToo() {
        TransferSet wanted = new TransferSet("west.example", EnumSet.of(SyncPart.POLICY, SyncPart.EMAIL_DOMAINS), "DENY",
            Map.of("mail.example", "BOTH"), Map.of(), Map.of(), Set.of("mail.example"));
        TransferOutcome o = east.transfer.apply(wanted);
        assertFalse(o.applied());
        assertEquals(List.of("Policy mail.example,BOTH: mail.example would be both a partner's domain and an email domain of this server. "
            + "A name can have only one use."), o.problemLines(Locale.ENGLISH));
        assertEquals(Set.of(), east.email.servedDomains());
    }

    @Test
    void aFailedWriteOfOnePartLeavesEveryPartAsItWas() throws Exception {
        westHasEverything();
        east.policy.add("keep.example", "BOTH");
        List<String> before = east.exceptions();
        try (Connection con = east.database.open(); Statement st = con.createStatement()) {
            st.execute("DROP TABLE ofFedStaticRoute"); // the route part's write fails after the policy's
        }
        TransferOutcome o = east.transfer.apply(TransferSet.of(west.snapshot(), EnumSet.of(SyncPart.POLICY, SyncPart.ROUTES)));
        assertFalse(o.applied());
        assertTrue(o.problemLines(Locale.ENGLISH).get(0).startsWith("The settings could not be stored (Could not replace the static routes"),
            o.problemLines(Locale.ENGLISH).toString());
        assertEquals(before, east.exceptions(), "the policy in force is unchanged");
        assertEquals(DefaultPolicy.DENY, east.policy.current().defaultPolicy());
        assertEquals(List.of("keep.example"), new JdbcPolicyExceptionStore(east.database).loadAll().stream()
            .map(e -> e.pattern().toString()).toList(), "and so is the stored one: the policy's write was rolled back");
    }

    @Test
    void aliasesAreReplacedKeepingThoseThatStay() {
        TestCluster peer = new TestCluster("peer.example");
        // same group chat service name on both sides: a second deployment of the same domain
        TestCluster twin = new TestCluster("peer.example");
        peer.aliases.add("chat.example", "conference.peer.example");
        peer.aliases.add("rooms.example", "conference.peer.example");
        twin.aliases.add("chat.example", "conference.peer.example");
        twin.aliases.add("old.example", "conference.peer.example");
        int announcements = twin.aliasAnnouncements;
        TransferOutcome o = twin.transfer.apply(TransferSet.of(peer.snapshot(), EnumSet.of(SyncPart.POLICY, SyncPart.ALIASES)));
        assertTrue(o.applied(), o.problemLines(Locale.ENGLISH).toString());
        assertEquals(peer.aliases.current().all(), twin.aliases.current().all());
        assertNotEquals(announcements, twin.aliasAnnouncements, "the other nodes are told");
        assertTrue(o.countLines(Locale.ENGLISH).contains("Chat node aliases: 2 \u2192 2 (1 added, 0 changed, 1 removed)"), o.countLines(Locale.ENGLISH).toString());
        assertEquals("Default policy: DENY (unchanged)", o.countLines(Locale.ENGLISH).get(0));
    }

    @Test
    void aPartWhoseCapabilityIsNotRunningIsRefused() {
        SettingsTransfer withoutRoutes = new SettingsTransfer(() -> east.policy, () -> null, () -> east.aliases, () -> east.email, east.scope,
            java.time.Clock.systemUTC());
        TransferOutcome o = withoutRoutes.apply(TransferSet.of(west.snapshot(), EnumSet.of(SyncPart.POLICY, SyncPart.ROUTES)));
        assertFalse(o.applied());
        assertEquals("The routes settings cannot be changed: that part of the plugin is not running on the receiving server.",
            o.problemLines(Locale.ENGLISH).get(0));
    }

    @Test
    void theCurrentSettingsReadAsTheSnapshotCarriesThem() {
        westHasEverything();
        TransferSet fromServices = west.transfer.current(ALL);
        TransferSet fromSnapshot = TransferSet.of(west.snapshot(), ALL);
        assertTrue(PartDiff.of(fromServices, fromSnapshot).stream().allMatch(PartDiff::same));
        assertEquals(4, PartDiff.of(fromServices, fromSnapshot).size());
    }

    @Test
    void anExceptionForAnOwnNameIsRefusedOnThePolicyPagesToo() {
        PolicyException ok = east.policy.add("partner.example", "BOTH");
        assertEquals("partner.example", ok.pattern().toString());
        for (String own : List.of("east.example", "*.east.example", "conference.east.example")) {
            org.xmppfed.openfire.policy.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.xmppfed.openfire.policy.InvalidInputException.class, () -> east.policy.add(own, "BOTH"));
            assertEquals("policy.error.own-name", e.key(), own);
        }
        org.xmppfed.openfire.policy.EntryListFormat.Parsed<PolicyException> parsed = east.policy.importFormat()
            .parseCsv("pattern,direction\nfine.example,BOTH\neast.example,INCOMING\n", Instant.now());
        assertEquals(1, parsed.errors().size());
        assertEquals(3, parsed.errors().get(0).line());
        assertEquals(List.of("partner.example BOTH"), east.exceptions());
    }
}
