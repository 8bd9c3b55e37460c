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

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;

/**
 * Replaces local users' native addresses ({@code user@xmppdomain}) by their federation addresses
 * wherever they occur in text: attribute values and character data of a stanza's payload
 * ({@code <item jid>}, {@code <invite from>}, {@code <delay from>}, vCard {@code <JABBERID>},
 * {@code xmpp:} URIs, forwarded copies, message bodies...). A resource after the address is kept.
 *
 * <p>Scanning is by occurrence of {@code @xmppdomain}, so text without it costs one {@code indexOf}
 * per node; nothing is allocated unless something is replaced.
 */
public final class NativeJidRewriter {
    /** Characters that end a localpart when reading backwards from the {@code @}. */
    private static final String LOCALPART_BOUNDARY = "\"&'/:<>@,;()[]{}";

    private final String domain;
    private final UnaryOperator<String> addressOfUser;

    /**
     * @param xmppDomain    the server's XMPP domain
     * @param addressOfUser username (lower case) to its federation address, or {@code null} to keep
     *                      the native address
     */
    public NativeJidRewriter(String xmppDomain, UnaryOperator<String> addressOfUser) {
        this.domain = xmppDomain.toLowerCase(Locale.ROOT);
        this.addressOfUser = addressOfUser;
    }

    /** {@code text} with every mapped native address replaced; the same instance when none is. */
    public String rewrite(String text) {
        if (text == null) {
            return null;
        }
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (; at >= 0; at = text.indexOf('@', at + 1)) {
            int end = domainEnd(text, at);
            if (end < 0) {
                continue;
            }
            int start = at;
            while (start > copied && !isBoundary(text.charAt(start - 1))) {
                start--;
            }
            if (start == at) {
                continue;
            }
            String address = addressOfUser.apply(text.substring(start, at).toLowerCase(Locale.ROOT));
            // Not a mapped user: the address may follow punctuation that can also be part of a
            // localpart ("?invite;jid=alice@...", “alice@...”, *alice@...*, a no-break space):
            // try the shorter localparts after each such character, longest first.
            for (int s = start; address == null && (s = nextLocalpartStart(text, s, at)) >= 0; ) {
                start = s;
                address = addressOfUser.apply(text.substring(start, at).toLowerCase(Locale.ROOT));
            }
            if (address == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 32);
            }
            out.append(text, copied, start).append(address);
            copied = end;
            at = end - 1;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * Rewrites {@code element}'s attributes (except the {@code skipAttributes} of the element
     * itself, such as a stanza's own {@code from}/{@code to}) and everything below it, in place.
     *
     * @return whether anything was replaced
     */
    public boolean rewrite(Element element, String... skipAttributes) {
        boolean changed = false;
        for (int i = 0, n = element.attributeCount(); i < n; i++) {
            Attribute a = element.attribute(i);
            if (skipAttributes.length > 0 && isSkipped(a.getName(), skipAttributes)) {
                continue;
            }
            String value = a.getValue();
            String replaced = rewrite(value);
            if (replaced != value) {
                a.setValue(replaced);
                changed = true;
            }
        }
        for (int i = 0, n = element.nodeCount(); i < n; i++) {
            Node node = element.node(i);
            short type = node.getNodeType();
            if (type == Node.ELEMENT_NODE) {
                changed |= rewrite((Element) node);
            } else if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
                String text = node.getText();
                String replaced = rewrite(text);
                if (replaced != text) {
                    node.setText(replaced);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /**
     * Whether {@code rewrite(element, skipAttributes)} would replace anything; leaves the element
     * as it is (allocates only when it finds something).
     */
    public boolean hasMappedAddress(Element element, String... skipAttributes) {
        for (int i = 0, n = element.attributeCount(); i < n; i++) {
            Attribute a = element.attribute(i);
            if (!(skipAttributes.length > 0 && isSkipped(a.getName(), skipAttributes))) {
                String value = a.getValue();
                if (rewrite(value) != value) {
                    return true;
                }
            }
        }
        for (int i = 0, n = element.nodeCount(); i < n; i++) {
            Node node = element.node(i);
            short type = node.getNodeType();
            if (type == Node.ELEMENT_NODE) {
                if (hasMappedAddress((Element) node)) {
                    return true;
                }
            } else if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
                String text = node.getText();
                if (rewrite(text) != text) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The index just after {@code @domain} when the domain ends there, otherwise -1. */
    private int domainEnd(String text, int at) {
        int end = at + 1 + domain.length();
        if (end > text.length() || !text.regionMatches(true, at + 1, domain, 0, domain.length())) {
            return -1;
        }
        if (end < text.length()) {
            char next = text.charAt(end);
            if (Character.isLetterOrDigit(next) || next == '-' || next == '_') {
                return -1;
            }
            // "user@domain.other" is another domain; "user@domain." ends a sentence.
            if (next == '.' && end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1))) {
                return -1;
            }
        }
        return end;
    }

    /**
     * The index just after the first character in {@code [from, at)} that ends a localpart in
     * running text but is not a boundary (anything but a letter, a digit, {@code . - _ +}),
     * or -1 when there is none before {@code at - 1}.
     */
    private static int nextLocalpartStart(String text, int from, int at) {
        for (int i = from; i < at - 1; i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '-' && c != '_' && c != '+') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || LOCALPART_BOUNDARY.indexOf(c) >= 0;
    }

    private static boolean isSkipped(String name, String[] skip) {
        for (String s : skip) {
            if (s.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
