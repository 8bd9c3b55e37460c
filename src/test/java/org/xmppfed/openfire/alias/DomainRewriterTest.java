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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DomainRewriterTest {
    private final DomainRewriter out = new DomainRewriter(Map.of("conference.example.com", "chat.partners.example")::get);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "room@conference.example.com|room@chat.partners.example",
        "room@conference.example.com/nick|room@chat.partners.example/nick",
        "conference.example.com|chat.partners.example",
        "Room@Conference.Example.COM/Nick|Room@chat.partners.example/Nick",
        "xmpp:room@conference.example.com?join|xmpp:room@chat.partners.example?join",
        "join room@conference.example.com.|join room@chat.partners.example.",
        "a@conference.example.com, b@conference.example.com|a@chat.partners.example, b@chat.partners.example",
        "sub.conference.example.com|sub.conference.example.com",
        "room@conference.example.com.org|room@conference.example.com.org",
        "room@xconference.example.com|room@xconference.example.com",
        "room@conference-example.com|room@conference-example.com",
        "conference.example.community|conference.example.community",
        "hello world|hello world",
        "see conference.example.com. Then|see chat.partners.example. Then",
        "...conference.example.com...|...chat.partners.example..."})
    void replacesTheDomainOnlyWhereItIsThatDomain(String text, String expected) {
        assertEquals(expected, out.rewrite(text));
    }

    @Test
    void textWithoutTheDomainIsReturnedAsItIs() {
        String text = "nothing to see at example.com or in the slides.";
        assertSame(text, out.rewrite(text));
    }

    @Test
    void attributesAndTextBelowAStanzaAreRewrittenButNotTheSkippedAddresses() throws Exception {
        Element message = DocumentHelper.parseText("<message from='room@conference.example.com/alice' to='carol@remote.example'>"
            + "<body>see room@conference.example.com</body><delay xmlns='urn:xmpp:delay' from='room@conference.example.com'/>"
            + "<x xmlns='jabber:x:conference' jid='room@conference.example.com'/></message>").getRootElement();
        assertTrue(out.matches(message, "from", "to"));
        assertTrue(out.rewrite(message, "from", "to"));
        assertEquals("room@conference.example.com/alice", message.attributeValue("from"), "the caller maps the stanza's own addresses");
        assertEquals("see room@chat.partners.example", message.elementText("body"));
        assertEquals("room@chat.partners.example", message.element("delay").attributeValue("from"));
        assertEquals("room@chat.partners.example", message.element("x").attributeValue("jid"));
        assertFalse(out.matches(message, "from", "to"));
        assertFalse(out.rewrite(message, "from", "to"), "nothing left to replace");
    }
}
