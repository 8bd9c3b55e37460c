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
package org.xmppfed.openfire.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmppfed.openfire.policy.InvalidInputException;

class PeerRulesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://im2.example.com/plugins/federation | peers.error.url.scheme",
        "im2.example.com:9090/plugins/federation | peers.error.url.scheme",
        "javascript:alert(1) | peers.error.url.scheme",
        "https://admin:pw@im2.example.com:9091/plugins/federation | peers.error.url.credentials",
        "https://admin@im2.example.com/plugins/federation | peers.error.url.credentials",
        "https:///plugins/federation | peers.error.url.host",
        "https://im2.example.com/plugins/federation?x=1 | peers.error.url.query",
        "https://im2.example.com/plugins/federation#top | peers.error.url.query",
        "https://im2 example.com/ | peers.error.url.syntax",
        "'' | peers.error.url.empty"})
    void badUrlsAreRefusedWithTheirReason(String url, String key) {
        assertEquals(key, assertThrows(InvalidInputException.class, () -> PeerRules.baseUrl(url)).key());
    }

    @Test
    void aGoodUrlLosesItsTrailingSlashes() {
        assertEquals("https://im2.example.com:9091/plugins/federation", PeerRules.baseUrl(" https://im2.example.com:9091/plugins/federation// "));
        assertEquals("http://127.0.0.8:9090/plugins/federation", PeerRules.baseUrl("HTTP://127.0.0.8:9090/plugins/federation"));
    }

    @Test
    void secretsHaveAtLeastSixteenCharactersAndNoSurroundingBlanks() {
        assertEquals("peers.error.secret.short", assertThrows(InvalidInputException.class, () -> PeerRules.secret("fifteen-chars-x")).key());
        assertEquals("sixteen-chars-xx", PeerRules.secret("sixteen-chars-xx"));
        assertEquals("peers.error.secret.blanks", assertThrows(InvalidInputException.class, () -> PeerRules.secret(" sixteen-chars-xx")).key());
        assertEquals("peers.error.secret.long", assertThrows(InvalidInputException.class, () -> PeerRules.secret("x".repeat(201))).key());
    }

    @Test
    void namesAreTrimmedAndMayNotBeEmptyOrCarryControlCharacters() {
        assertEquals("Berlin", PeerRules.name("  Berlin "));
        assertEquals("peers.error.name.empty", assertThrows(InvalidInputException.class, () -> PeerRules.name("  ")).key());
        assertEquals("peers.error.name.control", assertThrows(InvalidInputException.class, () -> PeerRules.name("a\tb")).key());
        assertEquals("peers.error.name.long", assertThrows(InvalidInputException.class, () -> PeerRules.name("x".repeat(101))).key());
    }
}
