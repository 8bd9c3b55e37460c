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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SetDiffTest {
    @Test
    void countsEverythingAndNamesTheFirstTenAlphabetically() {
        Map<String, String> here = Snapshots.exceptions(1000);
        Map<String, String> there = new HashMap<>(here);
        for (int i = 0; i < 30; i++) {
            there.remove("partner" + i + ".example");
            there.put("z" + i + ".example", "BOTH");
        }
        there.put("partner500.example", "flipped");
        SetDiff d = SetDiff.of(here, there);
        assertEquals(30, d.onlyHereCount());
        assertEquals(SetDiff.SAMPLES, d.onlyHere().size());
        assertEquals("partner0.example", d.onlyHere().get(0));
        assertEquals(30, d.onlyThereCount());
        assertEquals(1, d.differentCount());
        assertEquals(List.of("partner500.example: " + here.get("partner500.example") + " \u2192 flipped"), d.different());
        assertTrue(SetDiff.of(here, new HashMap<>(here)).same());
    }
}
