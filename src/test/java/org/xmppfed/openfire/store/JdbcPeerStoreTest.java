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

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppfed.openfire.peer.PeerCluster;
import org.xmppfed.openfire.peer.PeerRegistry;
import org.xmppfed.openfire.policy.InvalidInputException;

/** Table {@code ofFedPeer} and the registry on it, on real HSQLDB and real PostgreSQL. */
class JdbcPeerStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    /** Stands in for Openfire's property encryption: the stored text must not be the secret. */
    private static final SecretCipher REVERSED = new SecretCipher() {
        @Override
        public String encrypt(String plain) {
            return "enc:" + new StringBuilder(plain).reverse();
        }

        @Override
        public String decrypt(String stored) {
            return new StringBuilder(stored.substring(4)).reverse().toString();
        }
    };

    static Stream<Arguments> databases() {
        return Stream.of(
            Arguments.of(Named.of("HSQLDB", (Supplier<ConnectionSource>) TestDatabases::hsqldb)),
            Arguments.of(Named.of("PostgreSQL", (Supplier<ConnectionSource>) TestDatabases::postgresql)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void peersAreAddedChangedAndDeletedWithTheSecretStoredEncrypted(Supplier<ConnectionSource> db) throws Exception {
        ConnectionSource source = db.get();
        PeerRegistry registry = new PeerRegistry(new JdbcPeerStore(source, REVERSED), Clock.fixed(T0, ZoneOffset.UTC));
        PeerCluster east = registry.add(" east ", "https://im2.example.com:9091/plugins/federation/", "east-secret-0123456789");
        PeerCluster west = registry.add("west", "http://127.0.0.8:9090/plugins/federation", "west-secret-0123456789");
        assertEquals(List.of("east", "west"), registry.peers().stream().map(PeerCluster::name).toList());
        assertEquals("https://im2.example.com:9091/plugins/federation", registry.find(east.id()).orElseThrow().baseUrl());
        assertEquals("east-secret-0123456789", registry.find(east.id()).orElseThrow().secret());
        try (Connection con = source.open(); Statement s = con.createStatement();
             ResultSet rs = s.executeQuery("SELECT secret FROM ofFedPeer WHERE peerName = 'east'")) {
            assertTrue(rs.next());
            assertFalse(rs.getString(1).contains("east-secret"), "stored encrypted");
        }
        registry.update(east.id(), "east", "https://im3.example.com/plugins/federation", "");
        assertEquals("east-secret-0123456789", registry.find(east.id()).orElseThrow().secret(), "an empty secret keeps the stored one");
        registry.update(east.id(), "east", "https://im3.example.com/plugins/federation", "new-secret-0123456789");
        assertEquals("new-secret-0123456789", registry.find(east.id()).orElseThrow().secret());
        assertEquals("peers.error.name.exists", assertThrows(InvalidInputException.class,
            () -> registry.update(west.id(), "EAST", "http://127.0.0.8:9090/plugins/federation", "")).key());
        assertEquals("peers.error.secret.short", assertThrows(InvalidInputException.class,
            () -> registry.add("north", "http://127.0.0.9:9090/plugins/federation", "short")).key());
        assertEquals(2, registry.peers().size(), "a refused add stores nothing");
        registry.delete(east.id());
        assertEquals(List.of("west"), registry.peers().stream().map(PeerCluster::name).toList());
        assertEquals("peers.error.not-found", assertThrows(InvalidInputException.class, () -> registry.delete(east.id())).key());
        assertFalse(west.toString().contains("secret-0123"), "toString leaves the secret out");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whetherAPeerMayPushIsStoredAndOffUnlessSaid(Supplier<ConnectionSource> db) {
        PeerRegistry registry = new PeerRegistry(new JdbcPeerStore(db.get(), REVERSED), Clock.fixed(T0, ZoneOffset.UTC));
        PeerCluster plain = registry.add("plain", "http://127.0.0.7:9090/plugins/federation", "plain-secret-0123456789");
        PeerCluster pushing = registry.add("pushing", "http://127.0.0.8:9090/plugins/federation", "push-secret-0123456789", true);
        assertFalse(registry.find(plain.id()).orElseThrow().acceptsPushes());
        assertTrue(registry.find(pushing.id()).orElseThrow().acceptsPushes());
        registry.update(pushing.id(), "pushing", "http://127.0.0.8:9090/plugins/federation", "");
        assertTrue(registry.find(pushing.id()).orElseThrow().acceptsPushes(), "a change of name or URL leaves it as it is");
        registry.update(pushing.id(), "pushing", "http://127.0.0.8:9090/plugins/federation", "", false);
        assertFalse(registry.find(pushing.id()).orElseThrow().acceptsPushes());
        registry.update(plain.id(), "plain", "http://127.0.0.7:9090/plugins/federation", "", true);
        assertTrue(registry.peers().get(0).acceptsPushes());
        assertTrue(registry.peers().get(0).toString().endsWith(", accepts pushes]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"db2", "hsqldb", "mysql", "oracle", "postgresql", "sqlserver"})
    void theVersion4UpgradeCreatesTheInstallScriptsPeerTable(String db) throws IOException {
        String install = TestDatabases.script("database/federation_" + db + ".sql");
        String upgrade4 = TestDatabases.script("database/upgrade/4/federation_" + db + ".sql");
        Matcher table = Pattern.compile("CREATE TABLE ofFedPeer \\([^;]*\\);").matcher(install);
        assertTrue(table.find(), install);
        assertTrue(upgrade4.contains(table.group()), "the upgrade creates the install script's peer table");
        assertTrue(upgrade4.contains("UPDATE ofVersion SET version = 4 WHERE name = 'federation';"), upgrade4);
    }
}
