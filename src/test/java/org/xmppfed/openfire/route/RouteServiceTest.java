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
package org.xmppfed.openfire.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.policy.EntryListFormat;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.PolicyService.ImportMode;

/** Changes to the static routes: validated whole, stored, published and announced - or refused with nothing changed. */
class RouteServiceTest {
    private final Routes r = new Routes();
    private final List<StaticRoutes> published = new ArrayList<>();

    RouteServiceTest() {
        r.service.addListener(published::add);
    }

    private static List<String> described(StaticRoutes routes) {
        return routes.routes().stream().map(StaticRoute::describe).toList();
    }

    @Test
    void severalRoutesForOneDomainAreKeptInOrderAndLookedUpTogether() {
        r.service.add("Partner.Example.", "xmpp2.partner.example");
        r.service.add("partner.example", "192.0.2.10:5270");
        r.service.add("other.example", "[2001:db8::1]");
        StaticRoutes now = r.service.current();
        assertEquals(List.of("other.example \u2192 [2001:db8::1]:5269", "partner.example \u2192 192.0.2.10:5270",
            "partner.example \u2192 xmpp2.partner.example:5269"), described(now));
        assertEquals(List.of(new RouteTarget("192.0.2.10", 5270), new RouteTarget("xmpp2.partner.example", 5269)),
            now.targetsFor("partner.example"));
        assertEquals(now.targetsFor("partner.example"), now.targetsFor("PARTNER.example"), "looked up in normal form");
        assertEquals(List.of(), now.targetsFor("sub.partner.example"), "a route is for its exact domain");
        assertEquals(Set.of("partner.example", "other.example"), now.automaticallyAllowed());
        assertEquals(3, r.store.routes.size());
        assertEquals(3, r.settings.announcements, "every change is announced to the other nodes");
        assertEquals(3, published.size());
        assertEquals(Routes.T, now.routes().get(0).created());
    }

    @Test
    void switchedOffTheRoutesAreKeptButNotUsedNorAllowed() {
        r.service.add("partner.example", "192.0.2.10");
        r.service.saveSettings(false, true);
        assertEquals(List.of(), r.service.current().targetsFor("partner.example"), "DNS only");
        assertEquals(Set.of(), r.service.current().automaticallyAllowed());
        assertEquals(1, r.service.current().routes().size(), "the route is kept");
        assertFalse(r.settings.enabled);
        r.service.saveSettings(true, false);
        assertEquals(1, r.service.current().targetsFor("partner.example").size());
        assertEquals(Set.of(), r.service.current().automaticallyAllowed(), "the policy decides for routed domains");
        r.service.saveSettings(true, true);
        assertEquals(Set.of("partner.example"), r.service.current().automaticallyAllowed());
    }

    @Test
    void aRouteForOneOfOurOwnNamesIsRefusedAndSaysWhichUse() {
        for (var own : Routes.OWN_NAMES.entrySet()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.service.add(own.getKey(), "192.0.2.1"));
            assertEquals(own.getKey() + " is " + own.getValue() + ". Static routes lead to federated partners, not to this server's own names.",
                e.getMessage());
        }
        assertEquals(0, r.store.writes, "nothing saved");
        assertEquals(0, r.settings.announcements);
        assertTrue(published.isEmpty());
        InvalidInputException german = assertThrows(InvalidInputException.class, () -> r.service.add("mail.example", "192.0.2.1"));
        assertEquals("mail.example ist eine E-Mail-Domain. Statische Routen f\u00fchren zu f\u00f6derierten Partnern, nicht zu den eigenen Namen"
            + " dieses Servers.", german.message(java.util.Locale.GERMAN), "the use is said in the language of the message around it");
    }

    @Test
    void aDuplicateIsRefusedAlsoWhenWrittenDifferently() {
        r.service.add("partner.example", "192.0.2.10");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.service.add("PARTNER.example", " 192.0.2.10:5269 "));
        assertEquals("partner.example already has the route 192.0.2.10:5269.", e.getMessage());
        assertEquals(1, r.store.writes);
    }

    @Test
    void editingMayChangeDomainAndAddressButNotOntoAnotherRoute() {
        r.service.add("partner.example", "192.0.2.10");
        r.service.add("partner.example", "192.0.2.11");
        StaticRoute changed = r.service.update("partner.example", "192.0.2.10:5269", "partner2.example", "192.0.2.12:5270");
        assertEquals("partner2.example \u2192 192.0.2.12:5270", changed.describe());
        assertEquals(List.of("partner.example \u2192 192.0.2.11:5269", "partner2.example \u2192 192.0.2.12:5270"), described(r.service.current()));
        int writes = r.store.writes;
        assertThrows(InvalidInputException.class, () -> r.service.update("partner2.example", "192.0.2.12:5270", "partner.example", "192.0.2.11"));
        assertThrows(InvalidInputException.class, () -> r.service.update("partner2.example", "192.0.2.12:5270", "mail.example", "192.0.2.13"));
        InvalidInputException gone = assertThrows(InvalidInputException.class,
            () -> r.service.update("partner.example", "192.0.2.10", "partner.example", "192.0.2.14"));
        assertEquals("There is no route from partner.example to 192.0.2.10 (it may have been deleted meanwhile). Reload the page.", gone.getMessage());
        assertEquals(writes, r.store.writes, "refused edits write nothing");
        assertEquals(List.of("partner.example \u2192 192.0.2.11:5269", "partner2.example \u2192 192.0.2.12:5270"), described(r.service.current()));
    }

    @Test
    void deletingTheLastRouteOfADomainSendsItBackToDns() {
        r.service.add("partner.example", "192.0.2.10");
        r.service.delete("partner.example", "192.0.2.10:5269");
        assertEquals(List.of(), r.service.current().targetsFor("partner.example"));
        assertEquals(List.of(), r.store.routes);
        assertThrows(InvalidInputException.class, () -> r.service.delete("partner.example", "192.0.2.10"));
    }

    @Test
    void importMergesOrReplacesAndKeepsTheCreationTimeOfRoutesItRepeats() {
        r.service.add("partner.example", "192.0.2.10");
        EntryListFormat.Parsed<StaticRoute> parsed = r.service.importFormat().parseCsv(
            "domain,address\npartner.example,192.0.2.10:5269\npartner.example,192.0.2.11\nnew.example,[2001:db8::5]:5270\n",
            Instant.parse("2026-11-02T00:00:00Z"));
        assertTrue(parsed.ok(), parsed.errors().toString());
        assertEquals(3, r.service.importRoutes(parsed.entries(), ImportMode.MERGE));
        assertEquals(Routes.T, r.service.current().routes().stream().filter(x -> x.target().host().equals("192.0.2.10")).findFirst()
            .orElseThrow().created());
        assertEquals(1, r.service.importRoutes(List.of(parsed.entries().get(2)), ImportMode.REPLACE));
        assertEquals(List.of("new.example \u2192 [2001:db8::5]:5270"), described(r.service.current()));
        assertEquals(List.of("new.example \u2192 [2001:db8::5]:5270"), r.store.routes.stream().map(StaticRoute::describe).toList());
    }

    @Test
    void anImportWithARouteForOurOwnNameIsRefusedOnItsLineAndNothingChanges() {
        EntryListFormat.Parsed<StaticRoute> parsed = r.service.importFormat().parseCsv(
            "partner.example,192.0.2.10\nalias.example,192.0.2.11\npartner.example,192.0.2.10:5269\n", Instant.EPOCH);
        assertFalse(parsed.ok());
        assertEquals(List.of("Line 2: alias.example is a chat node alias of conference.openfire.example. Static routes lead to federated partners, not to this server's own names.",
                "Line 3: partner.example \u2192 192.0.2.10:5269 appears more than once in the file (first on line 1)."),
            parsed.errors().stream().map(e -> e.message(java.util.Locale.ENGLISH)).toList());
        assertTrue(parsed.entries().isEmpty());
        // and should a name become ours between preview and apply, applying refuses it whole
        List<StaticRoute> previewed = List.of(new StaticRoute("partner.example", new RouteTarget("192.0.2.10", 5269), Instant.EPOCH),
            new StaticRoute("mail.example", new RouteTarget("192.0.2.10", 5269), Instant.EPOCH));
        assertThrows(InvalidInputException.class, () -> r.service.importRoutes(previewed, ImportMode.REPLACE));
        assertEquals(0, r.store.writes);
    }

    @Test
    void exportAndImportGiveTheSameRoutes() {
        r.service.add("partner.example", "192.0.2.10");
        r.service.add("partner.example", "[2001:db8::1]:5270");
        r.service.add("b\u00fccher.example", "xmpp.b\u00fccher.example");
        List<StaticRoute> all = r.service.current().routes();
        for (EntryListFormat.Format f : EntryListFormat.Format.values()) {
            String file = f == EntryListFormat.Format.CSV ? RouteListFormat.FORMAT.toCsv(all) : RouteListFormat.FORMAT.toJson(all);
            EntryListFormat.Parsed<StaticRoute> back = r.service.importFormat().parse(f, file, Routes.T);
            assertTrue(back.ok(), back.errors().toString());
            assertEquals(all, back.entries(), f + ": " + file);
        }
        assertEquals("domain,address\npartner.example,192.0.2.10:5269\npartner.example,[2001:db8::1]:5270\n"
            + "xn--bcher-kva.example,xmpp.xn--bcher-kva.example:5269\n", RouteListFormat.FORMAT.toCsv(all));
    }
}
