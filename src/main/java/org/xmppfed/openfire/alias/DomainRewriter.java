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

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;

/**
 * Replaces domain names in a stanza's text - the domain part of addresses ({@code room@domain/nick},
 * {@code xmpp:room@domain?join}) and domains standing alone ({@code <item jid='domain'/>}) - in
 * attribute values and character data, as one mapping says: a service domain by its alias on the
 * way out, an alias by its service domain on the way in.
 *
 * <p>A candidate is a run of letters, digits, hyphens and dots that contains a dot and is not part
 * of a longer name ({@code sub.domain} and {@code domain.other} are other domains); a dot that ends
 * a sentence is not part of it. Nothing is allocated for text without such a run.
 */
public final class DomainRewriter {
    private final UnaryOperator<String> replacement;

    /** @param replacement a lower-case domain to its replacement, or {@code null} to keep it */
    public DomainRewriter(UnaryOperator<String> replacement) {
        this.replacement = replacement;
    }

    /** {@code text} with every mapped domain replaced; the same instance when none is. */
    public String rewrite(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDomainChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean dotted = false;
            while (i < n && isDomainChar(text.charAt(i))) {
                dotted |= text.charAt(i) == '.';
                i++;
            }
            if (!dotted) {
                continue;
            }
            // Dots around the run are punctuation ("slides." ends a sentence, "...name..." an ellipsis).
            int end = i;
            while (end > start && text.charAt(end - 1) == '.') {
                end--;
            }
            while (start < end && text.charAt(start) == '.') {
                start++;
            }
            int dot = text.indexOf('.', start);
            if (dot < 0 || dot >= end) {
                continue;
            }
            String replaced = replacement.apply(lower(text.substring(start, end)));
            if (replaced == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 32);
            }
            out.append(text, copied, start).append(replaced);
            copied = end;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /**
     * Rewrites {@code element}'s attributes (except the {@code skipAttributes} of the element itself,
     * such as a stanza's {@code from}/{@code to}, which the caller maps) and everything below it, in place.
     *
     * @return whether anything was replaced
     */
    public boolean rewrite(Element element, String... skipAttributes) {
        return walk(element, true, skipAttributes);
    }

    /** Whether {@link #rewrite(Element, String...)} would replace anything; leaves the element as it is. */
    public boolean matches(Element element, String... skipAttributes) {
        return walk(element, false, skipAttributes);
    }

    private boolean walk(Element element, boolean change, String... skipAttributes) {
        boolean found = false;
        for (int i = 0, n = element.attributeCount(); i < n; i++) {
            Attribute a = element.attribute(i);
            if (skipAttributes.length > 0 && isSkipped(a.getName(), skipAttributes)) {
                continue;
            }
            String value = a.getValue();
            String replaced = rewrite(value);
            if (replaced != value) {
                if (!change) {
                    return true;
                }
                a.setValue(replaced);
                found = true;
            }
        }
        for (int i = 0, n = element.nodeCount(); i < n; i++) {
            Node node = element.node(i);
            short type = node.getNodeType();
            if (type == Node.ELEMENT_NODE) {
                boolean below = walk((Element) node, change);
                if (below && !change) {
                    return true;
                }
                found |= below;
            } else if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
                String text = node.getText();
                String replaced = rewrite(text);
                if (replaced != text) {
                    if (!change) {
                        return true;
                    }
                    node.setText(replaced);
                    found = true;
                }
            }
        }
        return found;
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || (c >= 'A' && c <= 'Z');
    }

    private static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
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
