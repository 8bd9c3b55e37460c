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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmpp.packet.JID;
import org.xmppfed.openfire.email.EmailIndex.UnusableEmail;
import org.xmppfed.openfire.policy.Messages;

/**
 * Which users federate under which email address. Fixture: XMPP domain {@code openfire.test}.
 */
class EmailIndexTest {
    private static final String XMPP = "openfire.test";

    private static EmailIndex index(String... userEmailPairs) {
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = 0; i < userEmailPairs.length; i += 2) {
            users.put(userEmailPairs[i], userEmailPairs[i + 1]);
        }
        EmailIndex index = new EmailIndex(XMPP);
        index.replaceAll(users);
        return index;
    }

    private static UnusableEmail unusable(EmailIndex index, String user) {
        return index.unusable().stream().filter(u -> u.username().equals(user)).findFirst().orElse(null);
    }

    // ---- classification of single addresses ----

    static Stream<Arguments> unusableAddresses() {
        return Stream.of(
            Arguments.of(null, "email.user.reason.empty"),
            Arguments.of("", "email.user.reason.empty"),
            Arguments.of("   ", "email.user.reason.empty"),
            Arguments.of("bob", "email.user.reason.not-an-address"),
            Arguments.of("bob@", "email.user.reason.not-an-address"),
            Arguments.of("@mail.test", "email.user.reason.not-an-address"),
            Arguments.of("bob@x@mail.test", "email.user.reason.not-an-address"),
            Arguments.of("bob smith@mail.test", "email.user.reason.localpart"),
            Arguments.of("bob\"s@mail.test", "email.user.reason.localpart"),
            Arguments.of("bob&co@mail.test", "email.user.reason.localpart"),
            Arguments.of("o'brien@mail.test", "email.user.reason.localpart"),
            Arguments.of("bob/home@mail.test", "email.user.reason.localpart"),
            Arguments.of("bob:1@mail.test", "email.user.reason.localpart"),
            Arguments.of("<bob>@mail.test", "email.user.reason.localpart"),
            Arguments.of("bob\u0007@mail.test", "email.user.reason.localpart"),
            Arguments.of("bob\u00A0x@mail.test", "email.user.reason.localpart"),
            Arguments.of("x".repeat(1024) + "@mail.test", "email.user.reason.localpart"),
            // refused by XMPP's localpart preparation: private use, nothing left once prepared
            Arguments.of("bob\uE000@mail.test", "email.user.reason.localpart"),
            Arguments.of("\u200B@mail.test", "email.user.reason.localpart"),
            Arguments.of("bob@mail_test.com", "email.user.reason.domain"),
            Arguments.of("bob@abc.1om", "email.user.reason.domain"),
            Arguments.of("bob@mail..test", "email.user.reason.domain"),
            Arguments.of("bob@-mail.test", "email.user.reason.domain"),
            Arguments.of("bob@m\u00FCller.test", "email.user.reason.domain"),
            Arguments.of("bob@ mail.test", "email.user.reason.domain"),
            Arguments.of("bob@mail.test /x", "email.user.reason.domain"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("unusableAddresses")
    void anUnusableAddressLeavesTheUserOnTheNativeJid(String email, String reason) {
        EmailIndex index = index("bob", email, "alice", "alice@mail.test");
        assertNull(index.federationAddress("bob"));
        assertEquals(reason, EmailAddresses.problem(email));
        assertNull(EmailAddresses.canonical(email));
        UnusableEmail u = unusable(index, "bob");
        assertEquals(new UnusableEmail("bob", email == null ? "" : email, reason, ""), u);
        assertEquals(Map.of("mail.test", 1), index.domains(), "only alice's well-formed address counts");
        assertTrue(index.isKnownUser("bob"));
        assertEquals("alice@mail.test", index.federationAddress("alice"));
    }

    static Stream<Arguments> usableAddresses() {
        return Stream.of(
            Arguments.of("bob@mail.test", "bob@mail.test"),
            Arguments.of("Bob.Builder@Mail.TEST", "bob.builder@mail.test"),
            Arguments.of("  bob@mail.test\t", "bob@mail.test"),
            Arguments.of("bob+tag@mail.test", "bob+tag@mail.test"),
            Arguments.of("bob_1@sub.mail.test", "bob_1@sub.mail.test"),
            Arguments.of("b\u00F6b@mail.test", "b\u00F6b@mail.test"),
            Arguments.of("bob@Mail.Test.", "bob@mail.test"),
            Arguments.of("bob@xn--mller-kva.test", "bob@xn--mller-kva.test"),
            Arguments.of("x".repeat(1023) + "@mail.test", "x".repeat(1023) + "@mail.test"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("usableAddresses")
    void aWellFormedAddressIsUsedInItsCanonicalForm(String email, String canonical) {
        EmailIndex index = index("bob", email);
        assertEquals(canonical, index.federationAddress("bob"));
        assertEquals("bob", index.ownerOf(canonical));
        assertEquals(List.of(), index.unusable());
        assertEquals(Map.of(EmailAddresses.domain(canonical), 1), index.domains());
        assertEquals(canonical, EmailAddresses.canonical(email));
        assertEquals(canonical, EmailAddresses.canonical(canonical), "the canonical form is stable");
        assertEquals(canonical, new JID(canonical).toBareJID(), "a federation address is a JID in its canonical form");
    }

    /** The email page renders every reason with its detail as the one argument. */
    @Test
    void reasonsRenderAsEnglishTexts() {
        assertEquals("No email address", Messages.english("email.user.reason.empty", ""));
        assertEquals("Not an address of the form name@domain", Messages.english("email.user.reason.not-an-address", ""));
        assertEquals("The part before the @ contains characters an XMPP address cannot have (blanks or any of \" & ' / : < > @)",
            Messages.english("email.user.reason.localpart", ""));
        assertEquals("The domain is not a valid email domain", Messages.english("email.user.reason.domain", ""));
        assertEquals("The same address belongs to other users: carol, dave", Messages.english("email.user.reason.shared", "carol, dave"));
        assertEquals("The address is the XMPP address of user alice", Messages.english("email.user.reason.native-clash", "alice"));
    }

    // ---- shared addresses ----

    @Test
    void aSharedAddressIsUsableByNobodyUntilOnlyOneUserHasIt() {
        EmailIndex index = index("alice", "team@mail.test", "bob", "Team@Mail.Test", "carol", "team@mail.test", "dave", "dave@mail.test");
        for (String user : List.of("alice", "bob", "carol")) {
            assertNull(index.federationAddress(user), user);
        }
        assertNull(index.ownerOf("team@mail.test"));
        assertEquals(List.of(
            new UnusableEmail("alice", "team@mail.test", "email.user.reason.shared", "bob, carol"),
            new UnusableEmail("bob", "Team@Mail.Test", "email.user.reason.shared", "alice, carol"),
            new UnusableEmail("carol", "team@mail.test", "email.user.reason.shared", "alice, bob")), index.unusable());
        assertEquals(Map.of("mail.test", 4), index.domains(), "shared addresses are well formed and count");

        index.put("carol", "carol@mail.test");
        assertNull(index.federationAddress("alice"), "still shared by alice and bob");
        assertEquals("carol@mail.test", index.federationAddress("carol"));

        index.put("bob", "bob@other.test");
        assertEquals("team@mail.test", index.federationAddress("alice"), "alice alone has it now");
        assertEquals("alice", index.ownerOf("TEAM@mail.test"));
        assertEquals(List.of(), index.unusable());
        assertEquals(Map.of("mail.test", 3, "other.test", 1), index.domains());

        index.put("bob", "TEAM@mail.test");
        assertNull(index.federationAddress("alice"), "shared again");
        assertNull(index.federationAddress("bob"));
        index.remove("alice");
        assertEquals("team@mail.test", index.federationAddress("bob"), "deleting the other user frees the address");
        assertEquals("bob", index.ownerOf("team@mail.test"));
    }

    // ---- the XMPP domain ----

    @Test
    void anAddressThatIsAnotherUsersNativeJidIsNotUsable() {
        EmailIndex index = index("alice", "alice@mail.test", "mallory", "Alice@OPENFIRE.test");
        assertNull(index.federationAddress("mallory"));
        assertNull(index.ownerOf("alice@openfire.test"));
        assertEquals(List.of(new UnusableEmail("mallory", "Alice@OPENFIRE.test", "email.user.reason.native-clash", "alice")),
            index.unusable());
        assertEquals("alice@mail.test", index.federationAddress("alice"));

        index.remove("alice");
        assertEquals("alice@openfire.test", index.federationAddress("mallory"), "no user alice any more");
        assertEquals("mallory", index.ownerOf("alice@openfire.test"));

        index.put("Alice", null);
        assertNull(index.federationAddress("mallory"), "user alice is back");
        assertEquals("email.user.reason.native-clash", unusable(index, "mallory").reasonKey());
    }

    @Test
    void aTrailingDotDoesNotHideAClashWithANativeJid() {
        EmailIndex index = index("alice", null, "mallory", "alice@openfire.test.");
        assertNull(index.federationAddress("mallory"));
        assertEquals("email.user.reason.native-clash", unusable(index, "mallory").reasonKey());
    }

    @Test
    void theUsersOwnNativeJidIsUsableAsIdentityMapping() {
        EmailIndex index = index("alice", "Alice@openfire.test", "bob", "robert@openfire.test");
        assertEquals("alice@openfire.test", index.federationAddress("alice"));
        assertEquals("alice", index.ownerOf("alice@openfire.test"));
        assertEquals("robert@openfire.test", index.federationAddress("bob"), "no user robert: usable");
        assertEquals("bob", index.ownerOf("robert@openfire.test"));
        assertEquals(List.of(), index.unusable());
        assertEquals(Map.of(XMPP, 2), index.domains());
        assertTrue(index.hasUsersIn(XMPP));
    }

    @Test
    void theXmppDomainIsComparedInLowerCase() {
        EmailIndex index = new EmailIndex("OpenFire.Test");
        assertEquals(XMPP, index.xmppDomain());
        index.replaceAll(Map.of("alice", "x@mail.test", "mallory", "alice@openfire.test"));
        assertNull(index.federationAddress("mallory"));
    }

    // ---- case-insensitivity ----

    @Test
    void usernamesAndAddressesAreCaseInsensitiveInBothDirections() {
        EmailIndex index = index("Alice", "Alice.Smith@Mail.Test");
        assertEquals("alice.smith@mail.test", index.federationAddress("alice"));
        assertEquals("alice.smith@mail.test", index.federationAddress("ALICE"));
        assertEquals("alice", index.ownerOf("alice.smith@mail.test"));
        assertEquals("alice", index.ownerOf("ALICE.SMITH@MAIL.TEST"));
        assertTrue(index.isKnownUser("aLiCe"));
        assertTrue(index.hasUsersIn("MAIL.test"));

        index.put("ALICE", "alice@MAIL.test");
        assertEquals(1, index.userCount(), "the same user in another case");
        assertNull(index.ownerOf("alice.smith@mail.test"));
        assertEquals("alice", index.ownerOf("Alice@Mail.Test"));
        index.remove("aLICE");
        assertEquals(0, index.userCount());
        assertNull(index.ownerOf("alice@mail.test"));
        assertFalse(index.hasUsersIn("mail.test"));
    }

    // ---- counts ----

    @Test
    void putRemoveAndReplaceAllKeepTheDomainCounts() {
        EmailIndex index = new EmailIndex(XMPP);
        assertFalse(index.isLoaded());
        assertEquals(Map.of(), index.domains());
        index.put("a", "a@one.test");
        index.put("b", "b@one.test");
        index.put("c", "c@two.test");
        index.put("d", "not an address");
        index.put("e", null);
        assertEquals(new TreeMap<>(Map.of("one.test", 2, "two.test", 1)), index.domains());
        assertEquals(List.of("one.test", "two.test"), List.copyOf(index.domains().keySet()), "sorted");
        assertEquals(5, index.userCount());

        index.put("b", "b@two.test");
        assertEquals(Map.of("one.test", 1, "two.test", 2), index.domains());
        index.put("b", "b@two.test");
        assertEquals(Map.of("one.test", 1, "two.test", 2), index.domains(), "putting the same address again counts once");
        index.put("a", "broken@");
        assertEquals(Map.of("two.test", 2), index.domains(), "a domain without users disappears");
        assertFalse(index.hasUsersIn("one.test"));
        index.put("d", "d@one.test");
        assertEquals(Map.of("one.test", 1, "two.test", 2), index.domains());
        index.remove("c");
        index.remove("c");
        index.remove("nobody");
        assertEquals(Map.of("one.test", 1, "two.test", 1), index.domains());
        assertEquals(4, index.userCount());

        index.replaceAll(Map.of("x", "x@three.test", "y", "Y@Three.Test"));
        assertTrue(index.isLoaded());
        assertEquals(Map.of("three.test", 2), index.domains());
        assertEquals(2, index.userCount());
        assertFalse(index.isKnownUser("a"));
        assertNull(index.ownerOf("d@one.test"), "replaceAll forgets everything it does not list");
    }

    @Test
    void replaceAllForgetsTheAddressesOfUsersItDoesNotList() {
        EmailIndex index = index("alice", "team@mail.test", "carl", "carl@one.test");
        index.replaceAll(Map.of("bob", "team@mail.test"));
        assertEquals("team@mail.test", index.federationAddress("bob"), "alice's address is gone: no longer shared");
        assertEquals("bob", index.ownerOf("team@mail.test"));
        assertNull(index.federationAddress("carl"));
        index.put("carl", "carl@two.test");
        assertEquals(Map.of("mail.test", 1, "two.test", 1), index.domains(), "carl's old address is not counted away twice");
        index.put("alice", "alice@one.test");
        assertEquals(Map.of("mail.test", 1, "one.test", 1, "two.test", 1), index.domains());
    }

    @Test
    void domainsIsASnapshot() {
        EmailIndex index = index("a", "a@one.test");
        Map<String, Integer> before = index.domains();
        index.put("b", "b@two.test");
        assertEquals(Map.of("one.test", 1), before);
        assertEquals(Map.of("one.test", 1, "two.test", 1), index.domains());
    }

    @Test
    void unusableListsEveryReasonSortedByUser() {
        EmailIndex index = index(
            "zoe", "zoe@mail.test",
            "yan", null,
            "xia", "xia",
            "wes", "w s@mail.test",
            "vic", "vic@abc.1om",
            "uma", "shared@mail.test",
            "tom", "SHARED@mail.test",
            "sam", "sam@openfire.test",
            "rob", "sam@openfire.test.");
        assertEquals(List.of(
            new UnusableEmail("rob", "sam@openfire.test.", "email.user.reason.shared", "sam"),
            new UnusableEmail("sam", "sam@openfire.test", "email.user.reason.shared", "rob"),
            new UnusableEmail("tom", "SHARED@mail.test", "email.user.reason.shared", "uma"),
            new UnusableEmail("uma", "shared@mail.test", "email.user.reason.shared", "tom"),
            new UnusableEmail("vic", "vic@abc.1om", "email.user.reason.domain", ""),
            new UnusableEmail("wes", "w s@mail.test", "email.user.reason.localpart", ""),
            new UnusableEmail("xia", "xia", "email.user.reason.not-an-address", ""),
            new UnusableEmail("yan", "", "email.user.reason.empty", "")), index.unusable());
        assertEquals("zoe@mail.test", index.federationAddress("zoe"));
    }

    // ---- scale ----

    private static String emailOf(int i) {
        return switch (i % 10) {
            case 0 -> "";                                          // no address
            case 1 -> "user" + i + "@bad_domain.test";             // malformed domain
            case 2 -> "shared" + (i / 10) + "@mail.test";          // shared with the next case
            case 3 -> "Shared" + (i / 10) + "@Mail.Test";
            default -> "User" + i + "@Dept" + (i % 7) + ".Example.COM";
        };
    }

    @Test
    void aHundredThousandUsersThenSingleUpdatesStayConsistent() {
        int n = 100_000;
        Map<String, String> users = new HashMap<>();
        for (int i = 0; i < n; i++) {
            users.put("user" + i, emailOf(i));
        }
        EmailIndex index = new EmailIndex(XMPP);
        index.replaceAll(users);

        assertEquals(n, index.userCount());
        assertEquals(n / 10 * 4, index.unusable().size(), "no address, malformed and shared (two per pair)");
        Map<String, Integer> domains = index.domains();
        assertEquals(n / 10 * 2, domains.get("mail.test"));
        assertEquals(n / 10 * 6, domains.values().stream().mapToInt(Integer::intValue).sum() - domains.get("mail.test"));
        assertEquals("user4@dept4.example.com", index.federationAddress("user4"));
        assertEquals("user99999", index.ownerOf("USER99999@dept4.example.com"));
        assertNull(index.federationAddress("user2"));

        // Single updates: un-share pairs, fix malformed addresses, delete and add users.
        for (int i = 0; i < 1000; i++) {
            String user = "user" + (i * 97 % n);
            switch (i % 4) {
                case 0 -> {
                    index.put(user, "moved" + i + "@new.test");
                    users.put(user, "moved" + i + "@new.test");
                }
                case 1 -> {
                    index.remove(user);
                    users.remove(user);
                }
                case 2 -> {
                    index.put("added" + i, "added" + i + "@Mail.Test");
                    users.put("added" + i, "added" + i + "@Mail.Test");
                }
                default -> {
                    index.put(user, null);
                    users.put(user, null);
                }
            }
        }
        EmailIndex fresh = new EmailIndex(XMPP);
        fresh.replaceAll(users);
        assertEquals(fresh.userCount(), index.userCount());
        assertEquals(fresh.domains(), index.domains());
        assertEquals(fresh.unusable(), index.unusable());
        for (String user : users.keySet()) {
            assertEquals(fresh.federationAddress(user), index.federationAddress(user), user);
        }
        assertEquals(250, index.domains().get("new.test"));
        assertEquals("added2", index.ownerOf("added2@mail.test"));
    }
}
