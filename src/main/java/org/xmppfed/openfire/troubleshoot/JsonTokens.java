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

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** The strict readers' (snapshots, transfer outcomes) checks of the token they are at, with the parser's position in the error. */
public final class JsonTokens {
    private JsonTokens() {
    }

    /** The string value {@code t} must be. */
    public static String text(JsonParser p, JsonToken t) throws IOException {
        expect(p, t, JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** Refuses the document unless {@code found} is {@code wanted}. */
    public static void expect(JsonParser p, JsonToken found, JsonToken wanted) throws IOException {
        if (found != wanted) {
            throw new JsonParseException(p, "expected " + wanted.asString() + " but found "
                + (found == null ? "the end" : found.asString() == null ? found.name() : found.asString()));
        }
    }
}
