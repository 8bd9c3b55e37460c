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
package org.xmppfed.openfire.sync;

import static org.xmppfed.openfire.troubleshoot.JsonTokens.expect;
import static org.xmppfed.openfire.troubleshoot.JsonTokens.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A push's answer as JSON: {@code {"applied": true, "parts": [{"part", "before", "after", "added",
 * "changed", "removed"}], "defaultPolicy": {"before", "after"}}}, or {@code {"applied": false,
 * "problemCount": n, "problems": [{"part", "entry", "key", "args", "text"}]}}. Read strictly (a
 * document of another shape is refused), fields a reader does not know are skipped.
 */
public final class OutcomeJson {
    private static final JsonFactory JSON = new JsonFactory();

    /** An answer that is not a push answer of this shape. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String why) {
            super(why);
        }
    }

    private OutcomeJson() {
    }

    public static byte[] write(TransferOutcome o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeBooleanField("applied", o.applied());
            g.writeArrayFieldStart("parts");
            for (TransferOutcome.PartCount c : o.counts()) {
                g.writeStartObject();
                g.writeStringField("part", c.part().param());
                g.writeNumberField("before", c.before());
                g.writeNumberField("after", c.after());
                g.writeNumberField("added", c.added());
                g.writeNumberField("changed", c.changed());
                g.writeNumberField("removed", c.removed());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (o.defaultBefore() != null) {
                g.writeObjectFieldStart("defaultPolicy");
                g.writeStringField("before", o.defaultBefore());
                g.writeStringField("after", o.defaultAfter());
                g.writeEndObject();
            }
            g.writeNumberField("problemCount", o.problemCount());
            g.writeArrayFieldStart("problems");
            for (SyncProblem p : o.problems()) {
                g.writeStartObject();
                if (p.part() != null) {
                    g.writeStringField("part", p.part().param());
                    g.writeStringField("entry", p.entry());
                }
                g.writeStringField("key", p.key());
                g.writeArrayFieldStart("args");
                for (String a : p.args()) {
                    g.writeString(a);
                }
                g.writeEndArray();
                g.writeStringField("text", p.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static TransferOutcome read(byte[] json) throws Unreadable {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            Boolean applied = null;
            List<TransferOutcome.PartCount> counts = new ArrayList<>();
            String before = null;
            String after = null;
            int problemCount = 0;
            List<SyncProblem> problems = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "applied" -> {
                        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                            throw new JsonParseException(p, "\"applied\" must be true or false");
                        }
                        applied = p.getBooleanValue();
                    }
                    case "parts" -> {
                        expect(p, t, JsonToken.START_ARRAY);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            counts.add(count(p));
                        }
                    }
                    case "defaultPolicy" -> {
                        expect(p, t, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            String v = text(p, p.nextToken());
                            if (f.equals("before")) {
                                before = v;
                            } else if (f.equals("after")) {
                                after = v;
                            }
                        }
                    }
                    case "problemCount" -> {
                        expect(p, t, JsonToken.VALUE_NUMBER_INT);
                        problemCount = p.getIntValue();
                    }
                    case "problems" -> {
                        expect(p, t, JsonToken.START_ARRAY);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            problems.add(problem(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "content after the end of the document");
            }
            if (applied == null) {
                throw new Unreadable("no \"applied\" field");
            }
            if (!applied && problems.isEmpty()) {
                throw new Unreadable("refused without a reason");
            }
            return applied ? TransferOutcome.applied(counts, before, after == null ? before : after)
                : new TransferOutcome(false, List.of(), null, null, problems, problemCount);
        } catch (IOException e) {
            throw new Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0]);
        }
    }

    private static TransferOutcome.PartCount count(JsonParser p) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT);
        SyncPart part = null;
        int[] n = new int[5];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            int at = List.of("before", "after", "added", "changed", "removed").indexOf(field);
            if (field.equals("part")) {
                part = SyncPart.parse(text(p, t));
            } else if (at >= 0) {
                expect(p, t, JsonToken.VALUE_NUMBER_INT);
                n[at] = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
        if (part == null) {
            throw new JsonParseException(p, "a part count names no known part");
        }
        return new TransferOutcome.PartCount(part, n[0], n[1], n[2], n[3], n[4]);
    }

    private static SyncProblem problem(JsonParser p) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT);
        SyncPart part = null;
        String entry = null;
        String key = null;
        String text = null;
        List<String> args = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "part" -> part = SyncPart.parse(text(p, t));
                case "entry" -> entry = text(p, t);
                case "key" -> key = text(p, t);
                case "text" -> text = text(p, t);
                case "args" -> {
                    expect(p, t, JsonToken.START_ARRAY);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        args.add(text(p, p.currentToken()));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (key == null || text == null) {
            throw new JsonParseException(p, "a problem needs a key and a text");
        }
        return new SyncProblem(part, part == null ? null : entry == null ? "" : entry, key, args, text);
    }
}
