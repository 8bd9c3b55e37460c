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

import java.util.List;
import java.util.Locale;

import org.xmppfed.openfire.policy.Messages;

/** A message key with its arguments, rendered in the reader's language when shown. */
public record Text(String key, List<String> args) {
    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /**
     * The text in {@code locale}. A row of a setting this plugin has no text for (an item a newer
     * peer or capability adds) is named by its id: "check.item.x.y" reads as the generic title of x.y.
     */
    public String render(Locale locale) {
        String text = Messages.format(locale, key, args.toArray());
        if (text.equals(key)) {
            for (String kind : new String[] {"check.", "action."}) {
                if (key.startsWith(kind + "item.") || key.startsWith(kind + "node.")) {
                    return Messages.format(locale, kind + "generic", key.substring(key.indexOf('.', kind.length()) + 1));
                }
            }
        }
        return text;
    }
}
