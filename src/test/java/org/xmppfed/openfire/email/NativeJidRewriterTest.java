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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.dom4j.CDATA;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NativeJidRewriter} on its own: what counts as a local user's native address in text, what
 * it becomes, and what is left alone.
 *
 * <p>Fixture: XMPP domain {@code openfire.test}; alice federates as {@code alice.smith@mail.test}
 * (entered as {@code Alice.Smith@mail.test}), bob as {@code bob@mail.test}; frank has no address,
 * gina a malformed one, henry and ivan share one (so neither may use it). The rewriter is the one
 * {@link EmailFederation#rewriter()} hands out, over a real {@link EmailIndex}.
 */
class NativeJidRewriterTest {
    private static final String ALICE_EMAIL = "alice.smith@mail.test";
    private static final String BOB_EMAIL = "bob@mail.test";

    private final MemoryEmailSettings settings = new MemoryEmailSettings();
    private EmailFederation email;
    private NativeJidRewriter rewriter;

    @BeforeEach
    void setUp() {
        EmailIndex index = new EmailIndex("openfire.test");
        Map<String, String> users = new HashMap<>();
        users.put("alice", "Alice.Smith@mail.test");
        users.put("bob", "bob@mail.test");
        users.put("frank", null);
        users.put("gina", "gina at mail.test");
        users.put("henry", "shared@mail.test");
        users.put("ivan", "shared@mail.test");
        index.replaceAll(users);
        email = new EmailFederation(new MemoryEmailDomainStore(), settings, index, d -> d.equals("openfire.test"),
            Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
        settings.enabled = true;
        email.reload();
        MemoryEmailDomainStore.approveUserDomains(email);
        rewriter = email.rewriter();
    }

    // ---- text ----

    @Test
    void bareAddressBecomesTheEmailAddress() {
        assertEquals(ALICE_EMAIL, rewriter.rewrite("alice@openfire.test"));
        assertEquals(BOB_EMAIL, rewriter.rewrite("bob@openfire.test"));
    }

    @ParameterizedTest
    @CsvSource({
        "alice@openfire.test/phone, alice.smith@mail.test/phone",
        "alice@openfire.test/Home Office 2, alice.smith@mail.test/Home Office 2",
        "alice@openfire.test/gajim.X7Z@9, alice.smith@mail.test/gajim.X7Z@9",
        "bob@openfire.test/laptop.abc123, bob@mail.test/laptop.abc123",
    })
    void resourceIsKeptAfterTheAddress(String in, String out) {
        assertEquals(out, rewriter.rewrite(in));
    }

    @ParameterizedTest
    @CsvSource({
        "Alice@OpenFire.Test/Home, alice.smith@mail.test/Home",
        "ALICE@OPENFIRE.TEST, alice.smith@mail.test",
        "aLiCe@openFIRE.test, alice.smith@mail.test",
        "Bob@openfire.TEST/Phone, bob@mail.test/Phone",
    })
    void localpartAndDomainAreMatchedInAnyCaseAndTheResourceKeepsItsCase(String in, String out) {
        assertEquals(out, rewriter.rewrite(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "alice@openfire.test.evil.example",
        "alice@openfire.tester",
        "alice@openfire.test-lab.example",
        "alice@openfire.test2",
        "alice@openfire.testing/res",
        "alice@sub.openfire.test",
        "alice@conference.openfire.test",
        "malice@openfire.test",
        "alice2@openfire.test",
        "my.alice@openfire.test",
        "alice-bob@openfire.test",
        "x_alice@openfire.test",
        "x+alice@openfire.test",
        "x-alice@openfire.test/res",
        "alice@openfire",
        "alice@",
        "@openfire.test",
        "openfire.test",
        "alice.openfire.test",
        "alice @openfire.test",
    })
    void otherDomainsAndOtherLocalpartsAreNotRewritten(String text) {
        assertSame(text, rewriter.rewrite(text), text);
        assertEquals("see " + text + " now", rewriter.rewrite("see " + text + " now"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Write to alice@openfire.test.|Write to alice.smith@mail.test.",
        "Write to alice@openfire.test. Then call.|Write to alice.smith@mail.test. Then call.",
        "Is it alice@openfire.test?|Is it alice.smith@mail.test?",
        "It is alice@openfire.test!|It is alice.smith@mail.test!",
        "(alice@openfire.test)|(alice.smith@mail.test)",
        "[alice@openfire.test]|[alice.smith@mail.test]",
        "{alice@openfire.test}|{alice.smith@mail.test}",
        "<alice@openfire.test>|<alice.smith@mail.test>",
        "\"alice@openfire.test\"|\"alice.smith@mail.test\"",
        "'alice@openfire.test'|'alice.smith@mail.test'",
        "xmpp:alice@openfire.test|xmpp:alice.smith@mail.test",
        "xmpp:alice@openfire.test?message|xmpp:alice.smith@mail.test?message",
        "xmpp:alice@openfire.test/phone?message;body=hi|xmpp:alice.smith@mail.test/phone?message;body=hi",
        "xmpp:alice@openfire.test?subscribe|xmpp:alice.smith@mail.test?subscribe",
        "mailto:alice@openfire.test|mailto:alice.smith@mail.test",
        "alice@openfire.test, bob@openfire.test|alice.smith@mail.test, bob@mail.test",
        "alice@openfire.test;bob@openfire.test|alice.smith@mail.test;bob@mail.test",
        "to: alice@openfire.test|to: alice.smith@mail.test",
        "alice@openfire.test:|alice.smith@mail.test:",
    })
    void addressesInsidePunctuationAndUrisAreRewritten(String in, String out) {
        assertEquals(out, rewriter.rewrite(in));
    }

    @Test
    void addressesBetweenBlanksAndLineBreaksAreRewritten() {
        assertEquals("a\talice.smith@mail.test\tb", rewriter.rewrite("a\talice@openfire.test\tb"));
        assertEquals("line\nalice.smith@mail.test\r\nbob@mail.test\n", rewriter.rewrite("line\nalice@openfire.test\r\nbob@openfire.test\n"));
    }

    /**
     * Text that people and clients really produce around an address: XEP-0045's invite URI
     * ({@code ?invite;jid=}), typographic quotes (smart punctuation on phones), guillemets with
     * no-break spaces, XEP-0393 message styling.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "xmpp:room@conference.openfire.test?invite;jid=alice@openfire.test|xmpp:room@conference.openfire.test?invite;jid=alice.smith@mail.test",
        "xmpp:room@conference.remote.test?invite;jid=bob@openfire.test;password=x|xmpp:room@conference.remote.test?invite;jid=bob@mail.test;password=x",
        "https://example.org/chat?with=alice@openfire.test|https://example.org/chat?with=alice.smith@mail.test",
        "“alice@openfire.test”|“alice.smith@mail.test”",
        "„alice@openfire.test“|„alice.smith@mail.test“",
        "‘alice@openfire.test’|‘alice.smith@mail.test’",
        "«\u00a0alice@openfire.test\u00a0»|«\u00a0alice.smith@mail.test\u00a0»",
        "«alice@openfire.test»|«alice.smith@mail.test»",
        "「alice@openfire.test」|「alice.smith@mail.test」",
        "ask\u00a0alice@openfire.test|ask\u00a0alice.smith@mail.test",
        "ask\u202falice@openfire.test|ask\u202falice.smith@mail.test",
        "ask\u200balice@openfire.test|ask\u200balice.smith@mail.test",
        "*alice@openfire.test*|*alice.smith@mail.test*",
        "`alice@openfire.test`|`alice.smith@mail.test`",
        "~alice@openfire.test~|~alice.smith@mail.test~",
    })
    void addressesInRealWorldTextAreRewritten(String in, String out) {
        assertEquals(out, rewriter.rewrite(in));
    }

    @Test
    void aUsernameContainingPunctuationIsStillMatchedWhole() {
        EmailIndex index = new EmailIndex("openfire.test");
        index.replaceAll(Map.of("x=alice", "xa@mail.test", "alice", "alice@mail.test"));
        NativeJidRewriter r = new NativeJidRewriter("openfire.test", index::federationAddress);
        assertEquals("xa@mail.test", r.rewrite("x=alice@openfire.test"), "the longest localpart wins");
        assertEquals("jid=alice@mail.test", r.rewrite("jid=alice@openfire.test"));
    }

    @Test
    void severalOccurrencesInOneStringAreAllRewritten() {
        String in = "alice@openfire.test asked bob@openfire.test/pc to tell ALICE@openfire.test/Home "
            + "(not frank@openfire.test, not alice@remote.test) - alice@openfire.test";
        String out = "alice.smith@mail.test asked bob@mail.test/pc to tell alice.smith@mail.test/Home "
            + "(not frank@openfire.test, not alice@remote.test) - alice.smith@mail.test";
        assertEquals(out, rewriter.rewrite(in));
        assertEquals("alice.smith@mail.test,bob@mail.test", rewriter.rewrite("alice@openfire.test,bob@openfire.test"),
            "a second address right after a replaced one");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "frank@openfire.test", "frank@openfire.test/pc", "Frank@OpenFire.Test/Home",
        "gina@openfire.test/x", "henry@openfire.test", "ivan@openfire.test/y",
        "nobody@openfire.test", "xmpp:nobody@openfire.test?message", "admin@openfire.test",
    })
    void usersWithoutAUsableAddressAndUnknownUsersKeepTheirNativeAddress(String text) {
        assertSame(text, rewriter.rewrite(text));
        String sentence = "ping " + text + ", and alice@openfire.test.";
        assertEquals("ping " + text + ", and alice.smith@mail.test.", rewriter.rewrite(sentence));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "no at sign here", "carol@remote.test", "room@conference.openfire.test/nick",
        "a@b@c", "@", "@@openfire.test", "openfire.test@", "frank@openfire.test and nobody@openfire.test"})
    void theSameInstanceComesBackWhenNothingChanges(String text) {
        String copy = new String(text);
        assertSame(copy, rewriter.rewrite(copy));
        assertNull(rewriter.rewrite((String) null));
    }

    @Test
    void aNewStringComesBackWhenSomethingChanges() {
        String text = "hi alice@openfire.test";
        String out = rewriter.rewrite(text);
        assertNotSame(text, out);
        assertEquals("hi alice.smith@mail.test", out);
    }

    @Test
    void nothingIsRewrittenWhileTheSwitchIsOff() {
        settings.enabled = false;
        email.reload();
        String text = "alice@openfire.test/phone";
        assertSame(text, email.rewriter().rewrite(text));
        assertNull(email.federationAddress("alice"));
    }

    @Test
    void anAddressChangeIsUsedAtOnce() {
        email.index().put("alice", "a.smith@mail.test");
        assertEquals("a.smith@mail.test/x", rewriter.rewrite("alice@openfire.test/x"));
        email.index().put("alice", "a.smith@other.test");
        assertEquals("alice@openfire.test/x", rewriter.rewrite("alice@openfire.test/x"), "other.test is not served (yet)");
        email.approveDomain("other.test");
        assertEquals("a.smith@other.test/x", rewriter.rewrite("alice@openfire.test/x"));
        email.index().put("alice", null);
        assertEquals("alice@openfire.test/x", rewriter.rewrite("alice@openfire.test/x"));
    }

    // ---- elements ----

    @Test
    void elementAttributesAndTextAreRewrittenButSkippedAttributesAreNot() throws Exception {
        Element message = DocumentHelper.parseText(
            "<message xmlns='jabber:client' from='alice@openfire.test/phone' to='bob@openfire.test' id='m1' type='chat'>"
                + "<body>I am alice@openfire.test</body>"
                + "<x xmlns='jabber:x:conference' jid='room@conference.openfire.test' reason='from alice@openfire.test'/>"
                + "</message>").getRootElement();
        assertTrue(rewriter.hasMappedAddress(message, "from", "to"));
        assertTrue(rewriter.rewrite(message, "from", "to"));
        assertEquals("alice@openfire.test/phone", message.attributeValue("from"), "skipped");
        assertEquals("bob@openfire.test", message.attributeValue("to"), "skipped");
        assertEquals("I am alice.smith@mail.test", message.elementText("body"));
        assertEquals("from alice.smith@mail.test", message.element("x").attributeValue("reason"));
        assertEquals("room@conference.openfire.test", message.element("x").attributeValue("jid"));
        assertFalse(rewriter.hasMappedAddress(message, "from", "to"));
        assertFalse(rewriter.rewrite(message, "from", "to"), "nothing left to replace");
    }

    @Test
    void skippedAttributesApplyToTheTopElementOnly() throws Exception {
        Element message = DocumentHelper.parseText(
            "<message from='alice@openfire.test/phone' to='carol@remote.test'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' from='bob@openfire.test' stamp='2024-01-01T00:00:00Z'/>"
                + "<message xmlns='jabber:client' from='bob@openfire.test/pc' to='alice@openfire.test/phone'><body>x</body></message>"
                + "</forwarded></message>").getRootElement();
        assertTrue(rewriter.rewrite(message, "from", "to"));
        Element forwarded = message.element("forwarded");
        assertEquals("bob@mail.test", forwarded.element("delay").attributeValue("from"));
        assertEquals("bob@mail.test/pc", forwarded.element("message").attributeValue("from"));
        assertEquals("alice.smith@mail.test/phone", forwarded.element("message").attributeValue("to"));
        assertEquals("alice@openfire.test/phone", message.attributeValue("from"));
    }

    @Test
    void withoutSkipEveryAttributeIsRewritten() throws Exception {
        Element presence = DocumentHelper.parseText("<presence from='alice@openfire.test/phone' to='bob@openfire.test'/>")
            .getRootElement();
        assertTrue(rewriter.rewrite(presence));
        assertEquals("alice.smith@mail.test/phone", presence.attributeValue("from"));
        assertEquals("bob@mail.test", presence.attributeValue("to"));
    }

    @Test
    void cdataIsRewrittenAndStaysCdata() throws Exception {
        Element message = DocumentHelper.parseText(
            "<message from='alice@openfire.test' to='carol@remote.test'><body><![CDATA[<b>alice@openfire.test</b> & bob@openfire.test]]></body></message>")
            .getRootElement();
        assertTrue(rewriter.rewrite(message, "from", "to"));
        Node content = message.element("body").node(0);
        assertTrue(content instanceof CDATA, "still CDATA");
        assertEquals("<b>alice.smith@mail.test</b> & bob@mail.test", content.getText());
        assertTrue(message.asXML().contains("<![CDATA[<b>alice.smith@mail.test</b> & bob@mail.test]]>"), message.asXML());
    }

    @Test
    void nestedElementsAreRewrittenAtEveryDepth() throws Exception {
        Element iq = DocumentHelper.parseText(
            "<iq type='result' from='room@conference.openfire.test' to='carol@remote.test/pc' id='q1'>"
                + "<query xmlns='http://jabber.org/protocol/muc#admin'>"
                + "<item affiliation='owner' jid='alice@openfire.test'><actor jid='Bob@OpenFire.Test/pc' nick='Bob'/>"
                + "<reason>promoted by bob@openfire.test</reason></item>"
                + "<item affiliation='member' jid='frank@openfire.test'/>"
                + "<a><b><c><d><e note='deep alice@openfire.test'>deep bob@openfire.test</e></d></c></b></a>"
                + "</query></iq>").getRootElement();
        assertTrue(rewriter.hasMappedAddress(iq, "from", "to"));
        assertTrue(rewriter.rewrite(iq, "from", "to"));
        Element query = iq.element("query");
        Element owner = query.elements("item").get(0);
        assertEquals("alice.smith@mail.test", owner.attributeValue("jid"));
        assertEquals("bob@mail.test/pc", owner.element("actor").attributeValue("jid"));
        assertEquals("Bob", owner.element("actor").attributeValue("nick"));
        assertEquals("promoted by bob@mail.test", owner.elementText("reason"));
        assertEquals("frank@openfire.test", query.elements("item").get(1).attributeValue("jid"));
        Element deep = query.element("a").element("b").element("c").element("d").element("e");
        assertEquals("deep alice.smith@mail.test", deep.attributeValue("note"));
        assertEquals("deep bob@mail.test", deep.getText());
        assertFalse(rewriter.hasMappedAddress(iq, "from", "to"));
    }

    @Test
    void anElementWithoutMappedAddressesIsLeftAsItIs() throws Exception {
        String xml = "<message from='frank@openfire.test/pc' to='carol@remote.test'><body>frank@openfire.test and carol@remote.test</body>"
            + "<x xmlns='jabber:x:conference' jid='room@conference.openfire.test'/></message>";
        Element message = DocumentHelper.parseText(xml).getRootElement();
        Element before = message.createCopy();
        String body = message.element("body").getText();
        assertFalse(rewriter.hasMappedAddress(message));
        assertFalse(rewriter.rewrite(message));
        assertEquals(before.asXML(), message.asXML());
        assertSame(body, message.element("body").getText(), "text node not replaced");
    }

    @Test
    void aTextThatStartsWithAnAtSignIsStillRead() {
        assertEquals("@channel alice.smith@mail.test is here", rewriter.rewrite("@channel alice@openfire.test is here"));
        assertEquals("@alice.smith@mail.test", rewriter.rewrite("@alice@openfire.test"));
    }

    @Test
    void onlyTheNamedAttributesOfTheTopElementAreSkipped() throws Exception {
        Element message = DocumentHelper.parseText(
            "<message from='alice@openfire.test/phone' to='carol@remote.test' note='for bob@openfire.test'/>").getRootElement();
        assertTrue(rewriter.hasMappedAddress(message, "from", "to"));
        assertTrue(rewriter.rewrite(message, "from", "to"));
        assertEquals("for bob@mail.test", message.attributeValue("note"));
        assertEquals("alice@openfire.test/phone", message.attributeValue("from"));
    }

    /** hasMappedAddress looks where rewrite rewrites: text and CDATA, not comments. */
    @Test
    void hasMappedAddressReadsCdataButNotComments() throws Exception {
        Element inCdata = DocumentHelper.parseText(
            "<message to='carol@remote.test'><body><![CDATA[<i>alice@openfire.test</i>]]></body></message>").getRootElement();
        assertTrue(rewriter.hasMappedAddress(inCdata, "from", "to"));
        Element inComment = DocumentHelper.parseText(
            "<message to='carol@remote.test'><body>hi<!-- alice@openfire.test --></body></message>").getRootElement();
        assertFalse(rewriter.hasMappedAddress(inComment, "from", "to"));
        assertFalse(rewriter.rewrite(inComment, "from", "to"));
    }

    @Test
    void hasMappedAddressLeavesTheElementAlone() throws Exception {
        Element message = DocumentHelper.parseText(
            "<message from='x@remote.test' to='carol@remote.test'><body>alice@openfire.test</body></message>").getRootElement();
        String before = message.asXML();
        assertTrue(rewriter.hasMappedAddress(message));
        assertEquals(before, message.asXML());
        // only the top element's own from/to are skipped
        Element onlyInFrom = DocumentHelper.parseText("<message from='alice@openfire.test' to='carol@remote.test'/>").getRootElement();
        assertFalse(rewriter.hasMappedAddress(onlyInFrom, "from", "to"));
        assertTrue(rewriter.hasMappedAddress(onlyInFrom));
    }

}
