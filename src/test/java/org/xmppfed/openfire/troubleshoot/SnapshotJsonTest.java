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
            () -> SnapshotJson.read("{\"schema\":2,\"items\":{\"changed\":true}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("troubleshoot.snapshot.schema", e.text().key());
        assertEquals(List.of("2", "1"), e.text().args());
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
