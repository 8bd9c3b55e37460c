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
package org.xmppfed.openfire.troubleshoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
    @Test
    void aSnapshotReadsBackAsWritten() throws Exception {
        SettingsSnapshot s = Snapshots.cluster("example.org", Snapshots.items(Snapshots.exceptions(50)),
            Snapshots.node("a", true), Snapshots.node("b", false));
        assertEquals(s, SnapshotJson.read(SnapshotJson.write(s)));
    }

    @Test
    void fieldsTheReaderDoesNotKnowAreIgnored() throws Exception {
        String json = "{\"schema\":1,\"future\":{\"x\":[1,2,{\"y\":null}]},\"xmppDomain\":\"a.example\",\"pluginVersion\":\"1.4.0\","
            + "\"openfireVersion\":\"5.2.0\",\"items\":[{\"id\":\"alias.list\",\"entries\":{\"chat.a.example\":\"conference\"},"
            + "\"whenDifferent\":\"FAIL\",\"since\":\"1.4.0\"}],\"nodes\":[{\"name\":\"n1\",\"federationActive\":true,\"uptime\":5,\"items\":[]}]}";
        SettingsSnapshot s = SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("a.example", s.xmppDomain());
        assertEquals(List.of("alias.list"), s.items().stream().map(SnapshotItem::id).toList());
        assertEquals("n1", s.nodes().get(0).node());
    }

    @Test
    void anotherSchemaVersionIsRefusedWithBothVersionsEvenWhenItsShapeDiffers() {
        SnapshotJson.UnreadableSnapshot e = assertThrows(SnapshotJson.UnreadableSnapshot.class,
            () -> SnapshotJson.read("{\"schema\":3,\"items\":{\"changed\":true}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("troubleshoot.snapshot.schema", e.text().key());
        assertEquals(List.of("3", "2"), e.text().args());
        assertEquals("troubleshoot.snapshot.schema", assertThrows(SnapshotJson.UnreadableSnapshot.class,
            () -> SnapshotJson.read("{\"schema\":0,\"items\":[]}".getBytes(StandardCharsets.UTF_8))).text().key());
    }

    @Test
    void bothSchemasReadBackAsWrittenAndTheSecondGroupsSetsByValue() throws Exception {
        SettingsSnapshot s = Snapshots.cluster("example.org", Snapshots.items(Snapshots.exceptions(1000)), Snapshots.node("a", true));
        byte[] one = SnapshotJson.write(s, 1);
        byte[] two = SnapshotJson.write(s, 2);
        String first = new String(one, StandardCharsets.UTF_8);
        String second = new String(two, StandardCharsets.UTF_8);
        assertTrue(first.startsWith("{\"schema\":1,") && first.contains("\"entries\":{"), first.substring(0, 200));
        assertTrue(second.startsWith("{\"schema\":2,") && second.contains("\"groups\":[[\"") && !second.contains("\"entries\""),
            second.substring(0, 200));
        assertTrue(two.length < one.length * 0.85, one.length + " -> " + two.length);
        SettingsSnapshot fromOne = SnapshotJson.read(one);
        SettingsSnapshot fromTwo = SnapshotJson.read(two);
        assertEquals(1, fromOne.schema());
        assertEquals(2, fromTwo.schema());
        assertEquals(s.items(), fromOne.items());
        assertEquals(s.items(), fromTwo.items());
        assertEquals(s.nodes(), fromTwo.nodes());
    }

    @Test
    void aPeerGetsTheSchemaItAsksForAsFarAsThisPluginWritesIt() {
        assertEquals(1, SnapshotJson.schemaFor(null), "a plugin that reads only schema 1 does not ask");
        assertEquals(1, SnapshotJson.schemaFor(""));
        assertEquals(1, SnapshotJson.schemaFor("1"));
        assertEquals(2, SnapshotJson.schemaFor("2"));
        assertEquals(2, SnapshotJson.schemaFor(" 7 "), "a newer plugin gets the newest this one writes");
        assertEquals(1, SnapshotJson.schemaFor("two"));
        assertEquals(1, SnapshotJson.schemaFor("-4"));
    }

    @Test
    void schemaTwoIgnoresUnknownFieldsAndRefusesAGroupThatIsNotAListOfNames() throws Exception {
        String json = "{\"schema\":2,\"xmppDomain\":\"a.example\",\"items\":[{\"id\":\"policy.exceptions\",\"later\":[{}],"
            + "\"groups\":[[\"BOTH\",\"x.example\",\"y.example\"],[\"INCOMING\"],[\"OUTGOING\",\"z.example\"]]}],\"nodes\":[]}";
        SettingsSnapshot s = SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.Map.of("x.example", "BOTH", "y.example", "BOTH", "z.example", "OUTGOING"), s.items().get(0).entries());
        for (String bad : List.of("[\"BOTH\",1]", "[[]]", "{\"BOTH\":[]}", "[[\"BOTH\",[\"x\"]]]")) {
            String doc = "{\"schema\":2,\"items\":[{\"id\":\"x\",\"groups\":" + bad + "}]}";
            assertEquals("troubleshoot.snapshot.malformed", assertThrows(SnapshotJson.UnreadableSnapshot.class,
                () -> SnapshotJson.read(doc.getBytes(StandardCharsets.UTF_8))).text().key(), bad);
        }
    }

    @Test
    void aHundredThousandDistinctEntryNamesInSchemaOneReadEveryTime() throws Exception {
        // each name a field name: with Jackson's name table this grew with every document; now nothing is kept between reads
        SettingsSnapshot s = Snapshots.cluster("example.org", Snapshots.items(Snapshots.exceptions(100_000)), Snapshots.node("a", true));
        for (int round = 0; round < 3; round++) {
            SettingsSnapshot back = SnapshotJson.read(SnapshotJson.write(s, 1));
            assertEquals(100_000, back.item("policy.exceptions").orElseThrow().entries().size());
        }
    }

    @Test
    void malformedJsonAndJsonWithoutSchemaAreRefusedWithAReason() {
        SnapshotJson.UnreadableSnapshot e = assertThrows(SnapshotJson.UnreadableSnapshot.class,
            () -> SnapshotJson.read("{\"schema\":1,\"items\":[{\"id\":\"x\",}]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("troubleshoot.snapshot.malformed", e.text().key());
        assertEquals("1:32", e.text().args().get(0), "line and column of the error");
        assertEquals("troubleshoot.snapshot.no-schema", assertThrows(SnapshotJson.UnreadableSnapshot.class,
            () -> SnapshotJson.read("{\"items\":[]}".getBytes(StandardCharsets.UTF_8))).text().key());
        assertEquals("troubleshoot.snapshot.malformed", assertThrows(SnapshotJson.UnreadableSnapshot.class,
            () -> SnapshotJson.read("[1,2]".getBytes(StandardCharsets.UTF_8))).text().key());
        assertEquals("troubleshoot.snapshot.malformed", assertThrows(SnapshotJson.UnreadableSnapshot.class,
            () -> SnapshotJson.read("{\"schema\":1} trailing".getBytes(StandardCharsets.UTF_8))).text().key());
        assertEquals("troubleshoot.snapshot.malformed", assertThrows(SnapshotJson.UnreadableSnapshot.class,
            () -> SnapshotJson.read("{\"schema\":1,\"items\":[{\"id\":\"x\"}]}".getBytes(StandardCharsets.UTF_8))).text().key(),
            "an item with neither value nor entries");
    }
}
