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
package org.xmppfed.openfire.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.email.EmailDomain.Kind;
import org.xmppfed.openfire.email.EmailDomain.Status;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.store.EmailDomainStore;
import org.xmppfed.openfire.store.StoreException;

/**
 * The switch, the email domains and address resolution, with the store and settings in memory.
 *
 * <p>Fixture: XMPP domain {@code openfire.test} with the component {@code conference.openfire.test};
 * alice federates as {@code alice.smith@mail.test}, bob as {@code robert@openfire.test} (an email
 * address in the XMPP domain), carl as {@code carl@openfire.test} (his own JID), frank has no
 * address; the administrator recorded {@code partner.test}.
 */
class EmailFederationTest {
    private static final String XMPP = "openfire.test";
    private static final String MUC = "conference.openfire.test";
    private static final Predicate<String> SERVER_DOMAINS = d -> d.equals(XMPP) || d.equals(MUC);
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    // ---- test doubles ----

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private MemoryEmailDomainStore store;
    private MemoryEmailSettings settings;
    private EmailIndex index;
    private TestClock clock;
    private EmailFederation email;
    private final List<EmailFederation> reloads = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new MemoryEmailDomainStore();
        store.rows.put("partner.test", T0.minusSeconds(3600));
        store.approved.add("partner.test");
        settings = new MemoryEmailSettings();
        settings.enabled = true;
        index = new EmailIndex(XMPP);
        index.replaceAll(Map.of(
            "alice", "Alice.Smith@Mail.Test",
            "bob", "robert@openfire.test",
            "carl", "carl@openfire.test",
            "frank", ""));
        clock = new TestClock();
        email = new EmailFederation(store, settings, index, SERVER_DOMAINS, clock);
        email.reload();
        email.approveDomain("mail.test"); // the administrator approved the users' domain
        settings.announcements = 0;
        store.writes = 0;
        email.addListener(reloads::add);
    }

    private static InboundAddress deliver(String user) {
        return new InboundAddress(InboundAddress.Kind.DELIVER, user);
    }

    private static InboundAddress kind(InboundAddress.Kind kind) {
        return new InboundAddress(kind, null);
    }

    // ---- the switch ----

    @Test
    void switchedOnEmailAddressesAreUsed() {
        assertTrue(email.enabled());
        assertTrue(email.ready());
        assertEquals(XMPP, email.xmppDomain());
        assertTrue(email.isEmailDomain("mail.test"), "a domain of users' addresses");
        assertTrue(email.isEmailDomain("partner.test"), "a recorded domain without users");
        assertFalse(email.isEmailDomain(XMPP), "the XMPP domain is never an email domain");
        assertFalse(email.isEmailDomain("remote.test"));
        assertEquals("alice.smith@mail.test", email.federationAddress("alice"));
        assertEquals("robert@openfire.test", email.federationAddress("bob"));
        assertEquals("carl@openfire.test", email.federationAddress("carl"));
        assertNull(email.federationAddress("frank"));
        assertNull(email.federationAddress("nobody"));
    }

    @Test
    void switchedOffNothingChanges() {
        email.setEnabled(false);
        assertFalse(settings.enabled);
        assertFalse(email.enabled());
        assertTrue(email.ready());
        assertFalse(email.isEmailDomain("mail.test"));
        assertFalse(email.isEmailDomain("partner.test"));
        assertNull(email.federationAddress("alice"));
        assertNull(email.federationAddress("bob"));
        for (String[] to : new String[][] {{"alice.smith", "mail.test"}, {null, "mail.test"}, {"nobody", "mail.test"},
            {"alice", XMPP}, {"robert", XMPP}, {null, "partner.test"}, {"x", "partner.test"}}) {
            assertSame(InboundAddress.UNCHANGED, email.resolve(to[0], to[1]), to[0] + "@" + to[1]);
        }
        assertEquals(Set.of(), email.acceptedDomains());
        assertEquals(3, email.domains().size(), "the domains stay listed for the administrator");

        email.setEnabled(true);
        assertTrue(email.isEmailDomain("mail.test"));
        assertEquals(deliver("alice"), email.resolve("alice.smith", "mail.test"));
    }

    @Test
    void notReadyWhileSwitchedOnBeforeTheUserListIsRead() {
        EmailFederation fresh = new EmailFederation(store, settings, new EmailIndex(XMPP), SERVER_DOMAINS, clock);
        assertTrue(fresh.ready(), "off until reloaded");
        fresh.reload();
        assertFalse(fresh.ready());
        fresh.index().replaceAll(Map.of());
        assertTrue(fresh.ready());
        settings.enabled = false;
        EmailFederation off = new EmailFederation(store, settings, new EmailIndex(XMPP), SERVER_DOMAINS, clock);
        off.reload();
        assertTrue(off.ready(), "switched off, nothing to wait for");
    }

    // ---- resolution of federated recipients ----

    @Test
    void resolveCoversEveryKind() {
        // an email address in an email domain: its owner
        assertEquals(deliver("alice"), email.resolve("alice.smith", "mail.test"));
        // an unknown address in an email domain, users' or recorded
        assertEquals(kind(InboundAddress.Kind.UNKNOWN), email.resolve("nobody", "mail.test"));
        assertEquals(kind(InboundAddress.Kind.UNKNOWN), email.resolve("alice", "mail.test"));
        assertEquals(kind(InboundAddress.Kind.UNKNOWN), email.resolve("anyone", "partner.test"));
        // the email domain itself
        assertEquals(kind(InboundAddress.Kind.DOMAIN), email.resolve(null, "mail.test"));
        assertEquals(kind(InboundAddress.Kind.DOMAIN), email.resolve(null, "partner.test"));
        // the native JID of a user who federates by email
        assertEquals(new InboundAddress(InboundAddress.Kind.NATIVE_HIDDEN, "alice"), email.resolve("alice", XMPP));
        assertEquals(new InboundAddress(InboundAddress.Kind.NATIVE_HIDDEN, "bob"), email.resolve("bob", XMPP));
        // an email address in the XMPP domain: its owner
        assertEquals(deliver("bob"), email.resolve("robert", XMPP));
        // a user whose email address is the own JID, users without address, the server itself
        assertSame(InboundAddress.UNCHANGED, email.resolve("carl", XMPP));
        assertSame(InboundAddress.UNCHANGED, email.resolve("frank", XMPP));
        assertSame(InboundAddress.UNCHANGED, email.resolve("nobody", XMPP));
        assertSame(InboundAddress.UNCHANGED, email.resolve(null, XMPP));
        // other domains
        assertSame(InboundAddress.UNCHANGED, email.resolve("carol", "remote.test"));
        assertSame(InboundAddress.UNCHANGED, email.resolve(null, "remote.test"));
        assertSame(InboundAddress.UNCHANGED, email.resolve("room", MUC));
    }

    @Test
    void resolveFollowsUserChanges() {
        index.put("alice", "alice@new.test");
        assertEquals(kind(InboundAddress.Kind.UNKNOWN), email.resolve("alice.smith", "mail.test"),
            "mail.test stays served (approved) with no users left; her old address is nobody's now");
        assertSame(InboundAddress.UNCHANGED, email.resolve("alice", "new.test"), "new.test is not approved: not ours");
        assertNull(email.federationAddress("alice"), "alice federates natively until new.test is approved");
        email.approveDomain("new.test");
        assertEquals(deliver("alice"), email.resolve("alice", "new.test"));
        index.put("dora", "Alice@New.Test");
        assertEquals(kind(InboundAddress.Kind.UNKNOWN), email.resolve("alice", "new.test"), "shared: nobody's");
        assertSame(InboundAddress.UNCHANGED, email.resolve("alice", XMPP), "alice federates natively again");
    }

    @Test
    void aUserAddressInAComponentDomainDoesNotTakeOverTheComponent() {
        index.put("eve", "room@" + MUC);
        assertFalse(email.isEmailDomain(MUC));
        assertSame(InboundAddress.UNCHANGED, email.resolve("room", MUC));
        assertSame(InboundAddress.UNCHANGED, email.resolve("other", MUC));
        assertSame(InboundAddress.UNCHANGED, email.resolve(null, MUC));
        assertFalse(email.acceptedDomains().contains(MUC));
    }

    // ---- domains ----

    @Test
    void domainsListsSystemDomainsFirst() {
        assertEquals(List.of(
            new EmailDomain("mail.test", Kind.SYSTEM, 1, T0, Status.SERVED),
            new EmailDomain(XMPP, Kind.SYSTEM, 2, null, Status.PROPOSED),
            new EmailDomain("partner.test", Kind.ADMINISTRATOR, 0, T0.minusSeconds(3600), Status.SERVED)), email.domains());
    }

    @Test
    void acceptedDomainsExcludeServerDomainsAndAreEmptyWhenOff() {
        assertEquals(Set.of("mail.test", "partner.test"), email.acceptedDomains());
        index.put("eve", "eve@" + MUC);
        index.put("gus", "gus@other.test");
        assertEquals(List.of("mail.test", "partner.test"), List.copyOf(email.acceptedDomains()), "a users' domain is not accepted by itself");
        email.approveDomain("other.test");
        assertEquals(List.of("mail.test", "other.test", "partner.test"), List.copyOf(email.acceptedDomains()), "sorted");
        email.setEnabled(false);
        assertEquals(Set.of(), email.acceptedDomains());
    }

    @Test
    void anAddressInAComponentDomainIsNeverUsedForFederation() {
        index.put("eve", "eve@" + MUC);
        assertEquals("eve@" + MUC, index.federationAddress("eve"), "the index alone would use it");
        assertNull(email.federationAddress("eve"), "the component keeps its domain; eve federates natively");
        assertEquals("eve@" + XMPP + "/x", email.rewriter().rewrite("eve@" + XMPP + "/x"));
    }

    @Test
    void addDomainNormalisesStoresAndAnnounces() {
        clock.now = T0.plusSeconds(60);
        assertEquals("new.example", email.addDomain("  New.Example. "));
        assertEquals(T0.plusSeconds(60), store.rows.get("new.example"));
        assertEquals(1, settings.announcements);
        assertEquals(1, reloads.size());
        assertTrue(email.isEmailDomain("new.example"));
        assertEquals(new EmailDomain("new.example", Kind.ADMINISTRATOR, 0, T0.plusSeconds(60), Status.SERVED), email.domains().get(2));
        assertEquals(Set.of("mail.test", "new.example", "partner.test"), email.acceptedDomains());
        assertEquals(kind(InboundAddress.Kind.DOMAIN), email.resolve(null, "new.example"));
    }

    private void assertRejectedWithoutChange(String message, Executable change) {
        Map<String, Instant> before = new TreeMap<>(store.rows);
        int writes = store.writes;
        List<EmailDomain> domains = email.domains();
        InvalidInputException e = assertThrows(InvalidInputException.class, change::run);
        assertEquals(message, e.getMessage());
        assertEquals(before, store.rows, "the store is untouched");
        assertEquals(writes, store.writes);
        assertEquals(0, settings.announcements, "nothing announced");
        assertEquals(List.of(), reloads, "no reload");
        assertEquals(domains, email.domains());
    }

    /** A lambda that may throw, for {@link #assertRejectedWithoutChange}. */
    @FunctionalInterface
    interface Executable {
        void run();
    }

    @Test
    void addDomainRejectsWithExactMessagesAndChangesNothing() {
        assertRejectedWithoutChange("openfire.test is served by this server already (its XMPP domain or a component);"
            + " it cannot be an email domain.", () -> email.addDomain("OpenFire.Test"));
        assertRejectedWithoutChange("conference.openfire.test is served by this server already (its XMPP domain or a component);"
            + " it cannot be an email domain.", () -> email.addDomain("conference.openfire.test."));
        assertRejectedWithoutChange("mail.test is already listed as system-managed: users have email addresses there.",
            () -> email.addDomain("MAIL.test"));
        assertRejectedWithoutChange("partner.test is already in the list.", () -> email.addDomain(" partner.test "));
        assertRejectedWithoutChange("The last label '1om' of 'abc.1om' starts with a digit, which top-level domains never do"
            + " (abc.1om is not valid). Check for a typing mistake.", () -> email.addDomain("abc.1om"));
        assertRejectedWithoutChange("'user@new.test' is an email address, not a domain. Enter only the part after the @,"
            + " for example new.test.", () -> email.addDomain("user@new.test"));
        assertRejectedWithoutChange("Enter an email domain, for example example.com.", () -> email.addDomain(""));
    }

    @Test
    void renameDomainKeepsTheRecordedTime() {
        assertEquals("renamed.test", email.renameDomain("partner.test", "Renamed.Test"));
        assertEquals(Map.of("mail.test", T0, "renamed.test", T0.minusSeconds(3600)), store.rows);
        assertTrue(email.isEmailDomain("renamed.test"), "the approval goes with the name");
        assertEquals(1, settings.announcements);
        assertEquals(1, reloads.size());
        assertFalse(email.isEmailDomain("partner.test"));
        assertTrue(email.isEmailDomain("renamed.test"));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        assertEquals("partner.test", email.renameDomain("partner.test", " PARTNER.test. "));
        assertEquals(0, store.writes);
        assertEquals(0, settings.announcements);
    }

    @Test
    void renameDomainRejectsWithExactMessagesAndChangesNothing() {
        email.addDomain("other.test");
        settings.announcements = 0;
        reloads.clear();
        assertRejectedWithoutChange("missing.test is not in the list (it may have been deleted meanwhile). Reload the page.",
            () -> email.renameDomain("missing.test", "x.test"));
        assertRejectedWithoutChange("mail.test is system-managed (users have email addresses there), so it cannot be changed"
            + " or deleted. Change the users' email addresses instead.", () -> email.renameDomain("mail.test", "x.test"));
        assertRejectedWithoutChange("openfire.test is system-managed (users have email addresses there), so it cannot be"
            + " changed or deleted. Change the users' email addresses instead.", () -> email.renameDomain(XMPP, "x.test"));
        assertRejectedWithoutChange("conference.openfire.test is served by this server already (its XMPP domain or a component);"
            + " it cannot be an email domain.", () -> email.renameDomain("partner.test", MUC));
        assertRejectedWithoutChange("mail.test is already listed as system-managed: users have email addresses there.",
            () -> email.renameDomain("partner.test", "Mail.Test"));
        assertRejectedWithoutChange("other.test is already in the list.", () -> email.renameDomain("partner.test", "other.test"));
        assertRejectedWithoutChange("'partner.test x' contains blanks. A domain name has no spaces.",
            () -> email.renameDomain("partner.test", "partner.test x"));
        assertRejectedWithoutChange("The label '-x' of '-x.test' starts with a hyphen. Labels must start with a letter or a digit.",
            () -> email.renameDomain("partner.test", "-x.test"));
    }

    @Test
    void deleteDomain() {
        assertEquals("partner.test", email.deleteDomain("Partner.Test"));
        assertEquals(Map.of("mail.test", T0), store.rows);
        assertEquals(1, settings.announcements);
        assertEquals(1, reloads.size());
        assertFalse(email.isEmailDomain("partner.test"));
        assertSame(InboundAddress.UNCHANGED, email.resolve(null, "partner.test"));
    }

    @Test
    void deleteDomainRejectsWithExactMessagesAndChangesNothing() {
        assertRejectedWithoutChange("missing.test is not in the list (it may have been deleted meanwhile). Reload the page.",
            () -> email.deleteDomain("missing.test"));
        assertRejectedWithoutChange("mail.test is system-managed (users have email addresses there), so it cannot be changed"
            + " or deleted. Change the users' email addresses instead.", () -> email.deleteDomain("mail.test"));
        assertRejectedWithoutChange("'http://partner.test' is a URL or address, not a domain. Enter only the domain name,"
            + " for example example.com.", () -> email.deleteDomain("http://partner.test"));
    }

    @Test
    void aStoreFailureIsNotAnnounced() {
        store.failing = true;
        assertThrows(StoreException.class, () -> email.addDomain("new.test"));
        assertThrows(StoreException.class, () -> email.deleteDomain("partner.test"));
        assertThrows(StoreException.class, () -> email.renameDomain("partner.test", "x.test"));
        assertEquals(0, settings.announcements);
        assertEquals(List.of(), reloads);
        store.failing = false;
        assertEquals(Map.of("mail.test", new EmailDomainStore.Recorded(T0, true),
            "partner.test", new EmailDomainStore.Recorded(T0.minusSeconds(3600), true)), store.loadAll());
    }

    // ---- domains of users' addresses ----

    @Test
    void recordUserDomainsRecordsNewDomainsOnce() {
        clock.now = T0.plusSeconds(10);
        index.put("gus", "gus@Other.Test");
        assertEquals(1, email.recordUserDomains(), "other.test; mail.test is recorded, openfire.test is the server's own domain");
        assertEquals(Map.of("mail.test", T0, "other.test", T0.plusSeconds(10), "partner.test", T0.minusSeconds(3600)), store.rows);
        assertFalse(store.approved.contains("other.test"), "recorded as proposed, not served");
        assertFalse(email.isEmailDomain("other.test"));
        assertNull(email.federationAddress("gus"), "gus federates with his XMPP address meanwhile");
        assertEquals(1, settings.announcements);
        assertEquals(1, reloads.size());

        int writes = store.writes;
        clock.now = T0.plusSeconds(20);
        assertEquals(0, email.recordUserDomains());
        assertEquals(writes, store.writes, "nothing to record: no store access");
        assertEquals(1, settings.announcements);
        assertEquals(1, reloads.size());

        index.put("hal", "hal@Third.Test");
        index.put("eve", "eve@" + MUC);
        assertEquals(1, email.recordUserDomains());
        assertEquals(T0.plusSeconds(20), store.rows.get("third.test"));
        assertEquals(T0.plusSeconds(10), store.rows.get("other.test"), "the first time counts");
        assertFalse(store.rows.containsKey(MUC));
        assertFalse(store.rows.containsKey(XMPP));
    }

    @Test
    void aSystemDomainWhoseLastUserGoesAwayBecomesAdministratorManaged() {
        email.recordUserDomains();
        assertEquals(new EmailDomain("mail.test", Kind.SYSTEM, 1, T0, Status.SERVED), email.domains().get(0));
        assertRejectedWithoutChangeAfterReset(() -> email.deleteDomain("mail.test"));

        index.remove("alice");
        assertTrue(email.isEmailDomain("mail.test"), "still recorded");
        assertEquals(kind(InboundAddress.Kind.UNKNOWN), email.resolve("alice.smith", "mail.test"));
        assertEquals(List.of(
            new EmailDomain(XMPP, Kind.SYSTEM, 2, null, Status.PROPOSED),
            new EmailDomain("mail.test", Kind.ADMINISTRATOR, 0, T0, Status.SERVED),
            new EmailDomain("partner.test", Kind.ADMINISTRATOR, 0, T0.minusSeconds(3600), Status.SERVED)), email.domains());
        assertEquals("mail.test", email.deleteDomain("mail.test"), "now the administrator may delete it");
        assertFalse(email.isEmailDomain("mail.test"));
    }

    private void assertRejectedWithoutChangeAfterReset(Executable change) {
        settings.announcements = 0;
        reloads.clear();
        assertRejectedWithoutChange("mail.test is system-managed (users have email addresses there), so it cannot be changed"
            + " or deleted. Change the users' email addresses instead.", change);
    }

    // ---- reloads ----

    @Test
    void listenersAreCalledOnEveryReload() {
        email.reload();
        assertEquals(List.of(email), reloads);
        email.setEnabled(false);
        email.setEnabled(true);
        email.addDomain("a.test");
        email.renameDomain("a.test", "b.test");
        email.deleteDomain("b.test");
        assertEquals(6, reloads.size());
    }

    @Test
    void reloadReadsChangesMadeOnOtherNodes() {
        store.rows.put("elsewhere.test", T0);
        store.approved.add("elsewhere.test");
        assertFalse(email.isEmailDomain("elsewhere.test"), "not before the announcement arrives");
        settings.enabled = false;
        email.reload();
        assertFalse(email.enabled());
        settings.enabled = true;
        email.reload();
        assertTrue(email.isEmailDomain("elsewhere.test"));
    }

    @Test
    void aFailedReloadKeepsTheDomainsAndStillAppliesTheSwitch() {
        store.failing = true;
        settings.enabled = false;
        assertThrows(StoreException.class, () -> email.reload());
        assertFalse(email.enabled(), "the switch counts even when the domains cannot be read");
        assertEquals(List.of(), reloads, "listeners hear only about complete reloads");
        settings.enabled = true;
        assertThrows(StoreException.class, () -> email.reload());
        assertTrue(email.isEmailDomain("partner.test"), "the domains read before are kept");
    }

    @Test
    void timesAreTheClocks() {
        clock.now = T0.plus(Duration.ofDays(2));
        email.addDomain("later.test");
        assertEquals(T0.plus(Duration.ofDays(2)), email.domains().stream()
            .filter(d -> d.name().equals("later.test")).findFirst().orElseThrow().recorded());
    }

    // ---- a user's address never claims a domain by itself ----

    /** The scenario of the bug: a user whose address is at a partner's domain. */
    @Test
    void aUsersAddressAtAPartnersDomainIsNeverServed() {
        ClaimVerdict partner = ClaimVerdict.conflict("email.claim.seen", "2026-05-01");
        email = new EmailFederation(store, settings, index, SERVER_DOMAINS, clock,
            d -> d.endsWith("partner.example") ? partner : ClaimVerdict.OK);
        email.reload();
        index.put("eve", "eve@Partner.Example");
        assertEquals(1, email.recordUserDomains());
        assertFalse(email.isEmailDomain("partner.example"), "proposed, not served");
        assertSame(InboundAddress.UNCHANGED, email.resolve("carol", "partner.example"), "the partner's users stay the partner's");
        assertNull(email.federationAddress("eve"), "eve federates with her XMPP address");
        assertFalse(email.acceptedDomains().contains("partner.example"), "not put into Openfire's trunking");

        Map<String, Instant> rows = new TreeMap<>(store.rows);
        Set<String> approved = Set.copyOf(store.approved);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> email.approveDomain("partner.example"));
        assertEquals("partner.example cannot be an email domain of this server: federated traffic from or to it was seen on"
            + " 2026-05-01: it is a domain you federate with.", refused.message(Locale.ENGLISH));
        assertEquals(rows, store.rows, "nothing changed");
        assertEquals(approved, store.approved);
        assertFalse(email.isEmailDomain("partner.example"));
        assertTrue(email.notFederatingByEmail().contains(
            new EmailIndex.UnusableEmail("eve", "eve@partner.example", "email.user.reason.not-served", "partner.example")));

        InvalidInputException added = assertThrows(InvalidInputException.class, () -> email.addDomain("other-partner.example"));
        assertTrue(added.message(Locale.ENGLISH).startsWith("other-partner.example cannot be an email domain of this server"),
            added.message(Locale.ENGLISH));
        assertFalse(store.rows.containsKey("other-partner.example"));
    }

    @Test
    void anUnrelatedDomainIsProposedUntilApprovedThenServedAndCanBeWithdrawn() {
        index.put("gus", "gus@new.example");
        email.recordUserDomains();
        assertEquals(Status.PROPOSED, domain("new.example").status());
        assertNull(email.federationAddress("gus"));

        assertEquals(ClaimVerdict.OK, email.approveDomain("New.Example"));
        assertTrue(store.approved.contains("new.example"));
        assertTrue(email.isEmailDomain("new.example"));
        assertEquals("gus@new.example", email.federationAddress("gus"));
        assertEquals(deliver("gus"), email.resolve("gus", "new.example"));
        assertTrue(email.acceptedDomains().contains("new.example"));
        assertEquals(Status.SERVED, domain("new.example").status());
        assertThrows(InvalidInputException.class, () -> email.approveDomain("new.example"), "approved once");

        assertEquals("new.example", email.withdrawDomain("new.example"));
        assertFalse(email.isEmailDomain("new.example"));
        assertNull(email.federationAddress("gus"));
        assertEquals(Status.PROPOSED, domain("new.example").status());
        assertThrows(InvalidInputException.class, () -> email.withdrawDomain("new.example"), "not served any more");
    }

    @Test
    void whenTheCheckCannotDecideTheAdministratorMayApprove() {
        ClaimVerdict unknown = ClaimVerdict.undecided("email.claim.dns-failed", "timed out");
        email = new EmailFederation(store, settings, index, SERVER_DOMAINS, clock, d -> unknown);
        email.reload();
        index.put("gus", "gus@new.example");
        assertSame(unknown, email.approveDomain("new.example"));
        assertTrue(email.isEmailDomain("new.example"));
    }

    @Test
    void approvingADomainNobodyHasIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> email.approveDomain("nobody.example"));
        assertEquals("nobody.example is not in the list (it may have been deleted meanwhile). Reload the page.", e.message(Locale.ENGLISH));
    }

    private EmailDomain domain(String name) {
        return email.domains().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }
}
