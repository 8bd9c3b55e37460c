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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A settings snapshot as JSON (Jackson's streaming API): written in full, read strictly but
 * tolerantly - fields a reader does not know are skipped, so a newer plugin can add sections; a
 * document of another schema version, or one that is not JSON, is refused with a reason.
 */
public final class SnapshotJson {
    private static final JsonFactory JSON = new JsonFactory();

    /** A document that cannot be read as a snapshot of this schema; {@link #text()} says why. */
    public static final class UnreadableSnapshot extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Text text;

        UnreadableSnapshot(Text text) {
            super(text.key() + text.args());
            this.text = text;
        }

        public Text text() {
            return text;
        }
    }

    private SnapshotJson() {
    }

    public static byte[] write(SettingsSnapshot s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("schema", s.schema());
            g.writeStringField("xmppDomain", s.xmppDomain());
            g.writeStringField("pluginVersion", s.pluginVersion());
            g.writeStringField("openfireVersion", s.openfireVersion());
            writeItems(g, s.items());
            g.writeArrayFieldStart("nodes");
            for (NodeStatus n : s.nodes()) {
                g.writeStartObject();
                g.writeStringField("name", n.node());
                g.writeBooleanField("federationActive", n.federationActive());
                writeItems(g, n.items());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeItems(JsonGenerator g, List<SnapshotItem> items) throws IOException {
        g.writeArrayFieldStart("items");
        for (SnapshotItem i : items) {
            g.writeStartObject();
            g.writeStringField("id", i.id());
            if (i.isSet()) {
                g.writeObjectFieldStart("entries");
                for (Map.Entry<String, String> e : i.entries().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            } else {
                g.writeStringField("value", i.value());
            }
            g.writeStringField("whenDifferent", i.onMismatch().name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static SettingsSnapshot read(byte[] json) throws UnreadableSnapshot {
        Reader r = new Reader();
        try (JsonParser p = JSON.createParser(json)) {
            r.document(p);
        } catch (JsonProcessingException e) {
            if (r.schema != null && r.schema != SettingsSnapshot.SCHEMA) {
                throw schema(r.schema);
            }
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new UnreadableSnapshot(Text.of("troubleshoot.snapshot.malformed", where, e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UnreadableSnapshot(Text.of("troubleshoot.snapshot.malformed", "", e.getMessage()));
        }
        if (r.schema == null) {
            throw new UnreadableSnapshot(Text.of("troubleshoot.snapshot.no-schema"));
        }
        if (r.schema != SettingsSnapshot.SCHEMA) {
            throw schema(r.schema);
        }
        return new SettingsSnapshot(r.schema, r.xmppDomain, r.pluginVersion, r.openfireVersion, r.items, r.nodes);
    }

    private static UnreadableSnapshot schema(int found) {
        return new UnreadableSnapshot(Text.of("troubleshoot.snapshot.schema", found, SettingsSnapshot.SCHEMA));
    }

    private static final class Reader {
        Integer schema;
        String xmppDomain = "";
        String pluginVersion = "";
        String openfireVersion = "";
        List<SnapshotItem> items = List.of();
        final List<NodeStatus> nodes = new ArrayList<>();

        void document(JsonParser p) throws IOException {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "schema" -> {
                        expect(p, t, JsonToken.VALUE_NUMBER_INT);
                        schema = p.getIntValue();
                    }
                    case "xmppDomain" -> xmppDomain = text(p, t);
                    case "pluginVersion" -> pluginVersion = text(p, t);
                    case "openfireVersion" -> openfireVersion = text(p, t);
                    case "items" -> items = items(p, t);
                    case "nodes" -> {
                        expect(p, t, JsonToken.START_ARRAY);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            nodes.add(node(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "content after the end of the document");
            }
        }

        private NodeStatus node(JsonParser p) throws IOException {
            expect(p, p.currentToken(), JsonToken.START_OBJECT);
            String name = "";
            boolean active = false;
            List<SnapshotItem> nodeItems = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "name" -> name = text(p, t);
                    case "federationActive" -> {
                        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                            expect(p, t, JsonToken.VALUE_TRUE);
                        }
                        active = p.getBooleanValue();
                    }
                    case "items" -> nodeItems = items(p, t);
                    default -> p.skipChildren();
                }
            }
            return new NodeStatus(name, active, nodeItems);
        }

        private List<SnapshotItem> items(JsonParser p, JsonToken t) throws IOException {
            expect(p, t, JsonToken.START_ARRAY);
            List<SnapshotItem> result = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                expect(p, p.currentToken(), JsonToken.START_OBJECT);
                String id = null;
                String value = null;
                Map<String, String> entries = null;
                Verdict whenDifferent = Verdict.FAIL;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.getCurrentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "id" -> id = text(p, v);
                        case "value" -> value = text(p, v);
                        case "entries" -> {
                            expect(p, v, JsonToken.START_OBJECT);
                            entries = new HashMap<>();
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String key = p.getCurrentName();
                                entries.put(key, text(p, p.nextToken()));
                            }
                        }
                        case "whenDifferent" -> {
                            String w = text(p, v);
                            whenDifferent = w.equals("WARN") ? Verdict.WARN : Verdict.FAIL;
                        }
                        default -> p.skipChildren();
                    }
                }
                if (id == null || (value == null) == (entries == null)) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "an item needs an id and either a value or entries");
                }
                result.add(new SnapshotItem(id, value, entries, whenDifferent));
            }
            return result;
        }

        private static String text(JsonParser p, JsonToken t) throws IOException {
            expect(p, t, JsonToken.VALUE_STRING);
            return p.getText();
        }

        private static void expect(JsonParser p, JsonToken found, JsonToken wanted) throws IOException {
            if (found != wanted) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "expected " + wanted.asString() + " but found "
                    + (found == null ? "the end" : found.asString() == null ? found.name() : found.asString()));
            }
        }
    }
}
