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
 * An administrator's input that cannot be accepted. Carries a message key and its arguments, so
 * every page can show the reason in the administrator's language; {@link #getMessage()} is the
 * English text.
 */
public final class InvalidInputException extends RuntimeException {
    private final String key;
    private final Object[] args;

    public InvalidInputException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
        // Numbers are shown as entered (line 1201, not "1,201").
        for (int i = 0; i < this.args.length; i++) {
            if (this.args[i] instanceof Number) {
                this.args[i] = this.args[i].toString();
            }
        }
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public String message(Locale locale) {
        return Messages.format(locale, key, args);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return "InvalidInputException[" + key + Arrays.toString(args) + "]";
    }
}
