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
package org.xmppfed.openfire.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * A part of a sentence (a message key with its arguments) that goes into another message, such as
 * how a name is already used ("an email domain"): {@link Messages#format} renders it in the same
 * language as the message around it. {@link #toString()} is the English text, for logs.
 */
public record Phrase(String key, Object... args) {
    public Phrase {
        args = args.clone();
    }

    public String render(Locale locale) {
        return Messages.format(locale, key, args);
    }

    @Override
    public String toString() {
        return render(Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Phrase p && p.key.equals(key) && Arrays.equals(p.args, args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }
}
