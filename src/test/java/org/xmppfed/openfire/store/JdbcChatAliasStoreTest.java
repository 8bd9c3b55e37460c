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
package org.xmppfed.openfire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.alias.ChatNodeAlias;

/** Table {@code ofFedChatAlias} on real HSQLDB and real PostgreSQL. */
class JdbcChatAliasStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final ChatNodeAlias CHAT = new ChatNodeAlias("chat.partners.example", "conference.example.com");
    private static final ChatNodeAlias ROOMS = new ChatNodeAlias("rooms.partners.example", "conference.example.com");

    static Stream<Arguments> databases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", (Supplier<ConnectionSource>) TestDatabases::hsqldb)),
            Arguments.of(Named.of("PostgreSQL", (Supplier<ConnectionSource>) TestDatabases::postgresql)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aliasesAreAddedListedByNameChangedAndDeleted(Supplier<ConnectionSource> db) {
        JdbcChatAliasStore store = new JdbcChatAliasStore(db.get());
        assertEquals(List.of(), store.loadAll());
        store.insert(ROOMS, T0);
        store.insert(CHAT, T0.plusSeconds(1));
        assertEquals(List.of(CHAT, ROOMS), store.loadAll(), "listed by alias name, several for one service");
        ChatNodeAlias moved = new ChatNodeAlias("talk.partners.example", "muc.example.com");
        store.replace(ROOMS.alias(), moved);
        assertEquals(List.of(CHAT, moved), store.loadAll());
        assertTrue(store.delete(CHAT.alias()));
        assertFalse(store.delete(CHAT.alias()), "a second delete finds nothing");
        assertEquals(List.of(moved), store.loadAll());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDuplicateOrAMissingAliasIsRefusedAndChangesNothing(Supplier<ConnectionSource> db) {
        JdbcChatAliasStore store = new JdbcChatAliasStore(db.get());
        store.insert(CHAT, T0);
        StoreException duplicate = assertThrows(StoreException.class, () -> store.insert(new ChatNodeAlias(CHAT.alias(), "other.example.com"), T0));
        assertTrue(duplicate.getMessage().startsWith("Could not add chat node alias chat.partners.example"), duplicate.getMessage());
        assertThrows(StoreException.class, () -> store.replace("gone.example", ROOMS));
        store.insert(ROOMS, T0);
        assertThrows(StoreException.class, () -> store.replace(ROOMS.alias(), CHAT), "renaming onto another alias is refused");
        assertEquals(List.of(CHAT, ROOMS), store.loadAll());
    }
}
