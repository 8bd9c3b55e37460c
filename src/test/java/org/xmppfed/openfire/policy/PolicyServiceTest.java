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
package org.xmppfed.openfire.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.store.JdbcPolicyExceptionStore;
import org.xmppfed.openfire.store.PolicyExceptionStore;
import org.xmppfed.openfire.store.TestDatabases;

class PolicyServiceTest {

    private PolicyExceptionStore store;
    private MemoryPolicySettings settings;
    private PolicyService service;
    private final List<FederationPolicy> published = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new JdbcPolicyExceptionStore(TestDatabases.hsqldb());
        settings = new MemoryPolicySettings();
        service = new PolicyService(store, settings, Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC));
        service.addListener(published::add);
        service.reload();
    }

    @Test
    void exceptionsForThisServersOwnNamesAreRefusedWhereverTheyAreEntered() {
        java.util.Map<String, Phrase> own = java.util.Map.of("ours.example", new Phrase("use.local-domain"),
            "mail.example", new Phrase("use.email-domain"));
        PolicyService withNames = new PolicyService(store, settings, d -> java.util.Optional.ofNullable(own.get(d)), Clock.systemUTC());
        withNames.reload();
        for (String pattern : List.of("ours.example", " OURS.example. ", "*.ours.example", "mail.example")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> withNames.add(pattern, "BOTH"), pattern);
            assertEquals("policy.error.own-name", e.key(), pattern);
        }
        assertEquals("ours.example names a domain of this server (its XMPP domain or a service). Policy exceptions are about federated "
            + "partners, not this server's own names.", assertThrows(InvalidInputException.class, () -> withNames.add("ours.example", "BOTH")).getMessage());
        withNames.add("*.example", "BOTH"); // wider: it merely covers our names (the troubleshooter warns)
        PolicyException partner = withNames.add("partner.example", "BOTH");
        assertEquals("policy.error.own-name", assertThrows(InvalidInputException.class,
            () -> withNames.update("partner.example", "mail.example", "BOTH")).key(), "renamed to one of ours");
        withNames.update("partner.example", "partner.example", "INCOMING");
        EntryListFormat.Parsed<PolicyException> imported = withNames.importFormat()
            .parseCsv("pattern,direction\nfine.example,BOTH\nmail.example,INCOMING\n*.ours.example,BOTH\n", Instant.now());
        assertEquals(List.of(3, 4), imported.errors().stream().map(EntryListFormat.LineError::line).toList());
        assertEquals(List.of("*.example", "partner.example"), store.loadAll().stream().map(x -> x.pattern().toString()).sorted().toList());
        assertEquals(partner.created(), withNames.find("partner.example").orElseThrow().created());
    }

    @Test
    void aStagedReplacementIsNeitherStoredNorInForceBeforeItIsStoredAndPublished() {
        PolicyException kept = service.add("kept.example", "BOTH");
        service.add("changed.example", "BOTH");
        service.add("gone.example", "BOTH");
        int announced = settings.announcements;
        List<PolicyException> wanted = List.of(PolicyException.of("kept.example", Direction.BOTH, Instant.parse("2026-06-01T00:00:00Z")),
            PolicyException.of("changed.example", Direction.OUTGOING, Instant.parse("2026-06-01T00:00:00Z")),
            PolicyException.of("new.example", Direction.INCOMING, Instant.parse("2026-06-01T00:00:00Z")));
        org.xmppfed.openfire.store.StagedChange staged = service.stageReplacement(DefaultPolicy.ALLOW, wanted);
        assertEquals(3, service.current().exceptions().size());
        assertEquals(DefaultPolicy.DENY, service.current().defaultPolicy(), "staging changes nothing in force");
        staged.store();
        assertEquals(List.of("changed.example", "kept.example", "new.example"),
            store.loadAll().stream().map(x -> x.pattern().toString()).sorted().toList());
        assertEquals(DefaultPolicy.DENY, service.current().defaultPolicy(), "storing changes nothing in force either");
        int publishedBefore = published.size();
        staged.publish();
        assertEquals(publishedBefore + 1, published.size(), "one new snapshot");
        assertEquals(DefaultPolicy.ALLOW, service.current().defaultPolicy());
        assertEquals(DefaultPolicy.ALLOW, settings.defaultPolicy, "the default policy is saved with it");
        assertEquals(announced + 1, settings.announcements);
        assertEquals(kept, service.find("kept.example").orElseThrow(), "an unchanged exception stays as it was, times included");
        assertEquals(Direction.OUTGOING, service.find("changed.example").orElseThrow().direction());
    }

    @Test
    void aNewInstallIsInLockdown() {
        FederationPolicy p = service.current();
        assertTrue(p.enabled());
        assertEquals(DefaultPolicy.DENY, p.defaultPolicy());
        assertTrue(p.exceptions().isEmpty());
    }

    @Test
    void addedExceptionIsStoredPublishedAndAnnounced() {
        PolicyException e = service.add(" Partner.Example. ", "incoming");
        assertEquals("partner.example", e.pattern().toString());
        assertEquals(Direction.INCOMING, e.direction());
        assertEquals(List.of(e), store.loadAll());
        assertTrue(service.current().decide("partner.example", Direction.INCOMING).allowed());
        assertFalse(service.current().decide("partner.example", Direction.OUTGOING).allowed());
        assertEquals(1, settings.announcements);
        assertEquals(service.current(), published.get(published.size() - 1));
    }

    @Test
    void rejectedChangesLeaveStoreAndPolicyUntouched() {
        service.add("a.example", "BOTH");
        FederationPolicy before = service.current();
        int announcements = settings.announcements;

        InvalidInputException dup = assertThrows(InvalidInputException.class, () -> service.add("A.EXAMPLE", "INCOMING"));
        assertEquals("There is already an exception for a.example. Edit that one instead of adding another.", dup.getMessage());
        assertThrows(InvalidInputException.class, () -> service.add("user@b.example", "BOTH"));
        assertThrows(InvalidInputException.class, () -> service.add("b.example", "SIDEWAYS"));
        assertThrows(InvalidInputException.class, () -> service.update("missing.example", "c.example", "BOTH"));
        service.add("b.example", "BOTH");
        InvalidInputException clash = assertThrows(InvalidInputException.class, () -> service.update("b.example", "a.example", "BOTH"));
        assertEquals("There is already an exception for a.example. Edit that one instead of adding another.", clash.getMessage());
        assertThrows(InvalidInputException.class, () -> service.delete("missing.example"));

        assertEquals(2, store.loadAll().size());
        assertEquals(2, service.current().exceptions().size());
        assertEquals(announcements + 1, settings.announcements);
        assertEquals(before.exceptions().get(0), service.current().exceptions().get(0));
    }

    @Test
    void updateKeepsCreationTimeAndMayRenameThePattern() {
        PolicyException a = service.add("a.example", "BOTH");
        PolicyException changed = service.update("a.example", "*.a.example", "OUTGOING");
        assertEquals(a.created(), changed.created());
        assertEquals("*.a.example", changed.pattern().toString());
        assertEquals(List.of(changed), store.loadAll());
        assertTrue(service.current().decide("x.a.example", Direction.OUTGOING).allowed());
    }

    @Test
    void deleteRemovesFromStoreAndPolicy() {
        PolicyException added = service.add("a.example", "BOTH");
        assertEquals(added, service.delete("A.example"));
        assertTrue(store.loadAll().isEmpty());
        assertFalse(service.current().decide("a.example", Direction.INCOMING).allowed());
    }

    @Test
    void deleteAndUpdateFindTheNamedExceptionAmongOthers() {
        PolicyException first = service.add("a.example", "BOTH");
        service.add("b.example", "INCOMING");
        PolicyException third = service.add("c.example", "OUTGOING");
        assertEquals("b.example", service.delete("b.example").pattern().toString());
        assertEquals(List.of("a.example BOTH", "c.example OUTGOING"), rows(store.loadAll()));
        service.update("c.example", "c.example", "BOTH");
        assertEquals(List.of("a.example BOTH", "c.example BOTH"), rows(store.loadAll()));
        assertEquals(List.of(first.pattern(), third.pattern()),
            service.current().exceptions().stream().map(PolicyException::pattern).toList());
    }

    /** "pattern DIRECTION" of each stored exception, sorted. */
    private static List<String> rows(List<PolicyException> exceptions) {
        return exceptions.stream().map(e -> e.pattern() + " " + e.direction()).sorted().toList();
    }

    @Test
    void importMergesOrReplacesWhole() {
        service.add("keep.example", "BOTH");
        service.add("change.example", "BOTH");
        var parsed = ExceptionListFormat.parseCsv("pattern,direction\nchange.example,INCOMING\nnew.example,OUTGOING\n", Instant.EPOCH);
        assertTrue(parsed.ok());
        assertEquals(3, service.importExceptions(parsed.exceptions(), PolicyService.ImportMode.MERGE));
        assertEquals(Direction.INCOMING, service.find("change.example").orElseThrow().direction());
        assertTrue(service.find("keep.example").isPresent());
        assertEquals(List.of("change.example INCOMING", "keep.example BOTH", "new.example OUTGOING"), rows(store.loadAll()));
        assertEquals(Instant.parse("2026-05-01T12:00:00Z"), service.find("change.example").orElseThrow().created(),
            "a merged exception keeps its creation time");
        assertEquals(2, service.importExceptions(parsed.exceptions(), PolicyService.ImportMode.REPLACE));
        assertFalse(service.find("keep.example").isPresent());
        assertEquals(List.of("change.example INCOMING", "new.example OUTGOING"), rows(store.loadAll()));
    }

    @Test
    void settingsChangeTheDecisionAtOnce() {
        service.add("partner.example", "BOTH");
        service.saveSettings(true, DefaultPolicy.ALLOW);
        assertFalse(service.current().decide("partner.example", Direction.INCOMING).allowed());
        assertTrue(service.current().decide("other.example", Direction.INCOMING).allowed());
        service.saveSettings(false, DefaultPolicy.ALLOW);
        assertFalse(service.current().decide("other.example", Direction.INCOMING).allowed());
        assertEquals(DefaultPolicy.ALLOW, settings.defaultPolicy);
        assertFalse(settings.enabled);
    }

    @Test
    void reloadPicksUpChangesMadeByAnotherNode() {
        PolicyService otherNode = new PolicyService(store, settings, Clock.systemUTC());
        otherNode.reload();
        otherNode.add("from-other-node.example", "BOTH");
        assertFalse(service.current().decide("from-other-node.example", Direction.INCOMING).allowed());
        FederationPolicy reloaded = service.reload();
        assertSame(reloaded, service.current());
        assertTrue(reloaded.decide("from-other-node.example", Direction.INCOMING).allowed());
    }
}
