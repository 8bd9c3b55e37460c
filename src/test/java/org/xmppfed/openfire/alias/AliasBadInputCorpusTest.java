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
package org.xmppfed.openfire.alias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.store.StoreException;

/**
 * The chat node alias form's bad-input corpus (it grows, never shrinks): every input an
 * administrator might type that cannot be an alias, refused with the exact English text shown,
 * nothing saved and nothing announced; and good inputs with their normal form, so the corpus cannot
 * pass by refusing everything. The domain syntax is the policy's ({@code DomainNames}), so its
 * messages are the same everywhere.
 */
class AliasBadInputCorpusTest {
    private static final String SERVICE = "conference.example.com";
    /** Names other capabilities use, as {@code ModuleHost.useOf} answers. */
    private static final Map<String, Phrase> OTHER_USES = Map.of(
        "mail.example.com", new Phrase("use.email-domain"),
        "partner.example", new Phrase("use.policy-exception"),
        "routed.example", new Phrase("use.static-route"));

    private final MemoryChatAliasStore store = new MemoryChatAliasStore();
    private int announced;
    private final ChatAliases aliases = new ChatAliases(store, new ChatAliases.Names() {
        @Override
        public boolean isServerDomain(String domain) {
            return domain.equals("example.com") || domain.equals("pubsub.example.com") || domain.equals(SERVICE)
                || domain.equals("muc2.example.com");
        }

        @Override
        public Set<String> chatServices() {
            return Set.of(SERVICE, "muc2.example.com");
        }

        @Override
        public Optional<Phrase> otherUseOf(String domain) {
            return Optional.ofNullable(OTHER_USES.get(domain));
        }
    }, () -> announced++, Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void oneAliasExists() {
        aliases.add("chat.partners.example", SERVICE);
        store.writes = 0;
        announced = 0;
    }

    private static Arguments bad(String alias, String service, String message) {
        return Arguments.of(alias, service, message);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
            // the domain rules used everywhere
            bad("", SERVICE, "Enter a domain, for example example.com."),
            bad("   ", SERVICE, "Enter a domain, for example example.com."),
            bad(null, SERVICE, "Enter a domain, for example example.com."),
            bad("room@chat.example", SERVICE, "'room@chat.example' is an address, not a domain. Enter only the domain part, for example chat.example."),
            bad("xmpp://chat.example", SERVICE, "'xmpp://chat.example' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("https://chat.example/", SERVICE, "'https://chat.example/' is a URL, not a domain. Enter only the host name, for example example.com."),
            bad("chat.example/room", SERVICE, "'chat.example/room' contains a /: enter only the domain, for example chat.example."),
            bad("chat.example:5269", SERVICE, "'chat.example:5269' contains a : (a port or an IPv6 address). Enter only the domain name; ports belong in static routes."),
            bad("chat partners.example", SERVICE, "'chat partners.example' contains blanks. A domain name has no spaces."),
            bad("chat..example", SERVICE, "'chat..example' has an empty label (two dots in a row, or a dot at the start or end)."),
            bad("*.partners.example", SERVICE, "'*.partners.example' contains '*', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("-chat.example", SERVICE, "The label '-chat' of '-chat.example' starts or ends with a hyphen, which domain names do not allow."),
            bad("chat.123", SERVICE, "'chat.123' ends in the all-numeric label '123', which no top-level domain has. Check for a typing mistake."),
            bad("chat_room.example", SERVICE, "'chat_room.example' contains '_', which is not allowed in domain names. Use letters, digits, hyphens and dots."),
            bad("a".repeat(64) + ".example", SERVICE, "The label '" + "a".repeat(64) + "' of '" + "a".repeat(64) + ".example' is 64 characters long; a label may have at most 63."),
            // what an alias cannot be
            bad("10.1.2.3", SERVICE, "'10.1.2.3' is an IP address. An alias must be a domain name, which DNS can give an SRV record."),
            bad(SERVICE, SERVICE, "conference.example.com is the group chat service's own domain. An alias is an extra name: enter another domain."),
            bad("MUC2.example.com", SERVICE, "muc2.example.com is the group chat service's own domain. An alias is an extra name: enter another domain."),
            bad("example.com", SERVICE, "example.com is a domain of this server (its XMPP domain or a component). Enter a domain that this server does not serve yet."),
            bad("pubsub.example.com.", SERVICE, "pubsub.example.com is a domain of this server (its XMPP domain or a component). Enter a domain that this server does not serve yet."),
            bad("Chat.Partners.Example", SERVICE, "chat.partners.example is already an alias (of conference.example.com). Edit that one instead of adding it again."),
            bad("mail.example.com", SERVICE, "mail.example.com is already in use here as an email domain. A name can have only one use: remove it there first, or choose another name."),
            bad("partner.example", SERVICE, "partner.example is already in use here as a domain with a policy exception. A name can have only one use: remove it there first, or choose another name."),
            bad("routed.example", SERVICE, "routed.example is already in use here as a domain with a static route. A name can have only one use: remove it there first, or choose another name."),
            // the service
            bad("talk.partners.example", "", "Choose the group chat service that the alias leads to."),
            bad("talk.partners.example", null, "Choose the group chat service that the alias leads to."),
            bad("talk.partners.example", "nochat.example.com", "'nochat.example.com' is not a group chat service of this server. Choose one from the list."),
            bad("talk.partners.example", "example.com", "'example.com' is not a group chat service of this server. Choose one from the list."));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithItsMessageAndNothingSaved(String alias, String service, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> aliases.add(alias, service));
        assertEquals(expected, e.getMessage());
        assertEquals(0, store.writes, "nothing saved");
        assertEquals(0, announced, "nothing announced");
        assertEquals(List.of(new ChatNodeAlias("chat.partners.example", SERVICE)), aliases.current().all());
    }

    static Stream<Arguments> goodInputs() {
        return Stream.of(
            Arguments.of("talk.partners.example", "talk.partners.example"),
            Arguments.of("  Talk.Partners.EXAMPLE.  ", "talk.partners.example"),
            Arguments.of("b\u00FCcher.example", "xn--bcher-kva.example"),
            Arguments.of("chat.example.com", "chat.example.com"),
            Arguments.of("x.y", "x.y"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("goodInputs")
    void goodInputIsAddedInNormalForm(String alias, String normal) {
        assertEquals(new ChatNodeAlias(normal, "muc2.example.com"), aliases.add(alias, " MUC2.example.com "));
        assertEquals("muc2.example.com", aliases.current().serviceOf(normal));
        assertEquals(1, announced);
    }

    @Test
    void severalAliasesMayLeadToOneServiceAndTheFirstByNameIsItsPrimary() {
        aliases.add("a-chat.partners.example", SERVICE);
        assertEquals(List.of("a-chat.partners.example", "chat.partners.example"), aliases.current().aliasesOf(SERVICE));
        assertEquals("a-chat.partners.example", aliases.current().primaryAliasOf(SERVICE));
    }

    @Test
    void anAliasKeepsItsOwnNameWhenOnlyItsServiceChanges() {
        assertEquals(new ChatNodeAlias("chat.partners.example", "muc2.example.com"),
            aliases.change("chat.partners.example", "chat.partners.example", "muc2.example.com"));
        assertEquals("muc2.example.com", aliases.current().serviceOf("chat.partners.example"));
    }

    @Test
    void renamingOntoAnotherAliasIsRefused() {
        aliases.add("talk.partners.example", SERVICE);
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> aliases.change("talk.partners.example", "chat.partners.example", SERVICE));
        assertEquals("alias.error.exists", e.key());
        assertTrue(aliases.current().serviceOf("talk.partners.example") != null);
    }

    @Test
    void changingOrDeletingAnAliasThatIsGoneSaysSo() {
        assertEquals("There is no alias gone.example (it may have been deleted meanwhile). Reload the page.",
            assertThrows(InvalidInputException.class, () -> aliases.delete("gone.example")).getMessage());
        assertEquals("alias.error.not-found",
            assertThrows(InvalidInputException.class, () -> aliases.change("gone.example", "x.example", SERVICE)).key());
        assertEquals(0, store.writes);
    }

    @Test
    void aDatabaseFailureLeavesTheAliasesInForceAsTheyWere() {
        store.failing = true;
        assertThrows(StoreException.class, () -> aliases.add("talk.partners.example", SERVICE));
        assertEquals(0, announced);
        assertEquals(List.of(new ChatNodeAlias("chat.partners.example", SERVICE)), aliases.current().all());
    }

    @Test
    void aReloadSeesWhatAnotherNodeStored() {
        List<ChatAliasTable> seen = new java.util.ArrayList<>();
        aliases.addListener(seen::add);
        store.rows.add(new ChatNodeAlias("other-node.partners.example", SERVICE));
        aliases.reload();
        assertEquals(SERVICE, aliases.current().serviceOf("Other-Node.Partners.Example"), "looked up in any case");
        assertEquals(1, seen.size(), "listeners hear of the new table");
    }
}
