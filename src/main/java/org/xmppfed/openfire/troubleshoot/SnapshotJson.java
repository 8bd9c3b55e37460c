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

import static org.xmppfed.openfire.troubleshoot.JsonTokens.expect;
import static org.xmppfed.openfire.troubleshoot.JsonTokens.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * document of a schema version this plugin does not read, or one that is not JSON, is refused with a
 * reason.
 *
 * <p>Schema 1 writes a set item as an object, entry name to value. Schema 2 writes it compactly,
 * grouped by value: {@code "groups":[["BOTH","a.example","b.example"],["INCOMING","c.example"]]} -
 * no per-entry field names (100 000 exceptions are 100 000 strings in arrays, about a third smaller),
 * and nothing for the parser's field-name table to grow by. The reader reads both; a peer gets
 * schema 2 only when its request says it reads it ({@link #SCHEMA_HEADER}), so plugins that read only
 * schema 1 keep working. Field names are not canonicalised: a document with many distinct names
 * (schema 1's entries) can neither fill Jackson's shared name table nor trip its hash-collision
 * guard.
 */
public final class SnapshotJson {
    /** Request header by which a peer says the highest snapshot schema it reads (absent: 1). */
    public static final String SCHEMA_HEADER = "X-Federation-Snapshot-Schema";
    /** The oldest schema this plugin still reads. */
    public static final int OLDEST_READ = 1;
    private static final JsonFactory JSON = JsonFactory.builder()
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .build();

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

    /** {@code s} in its own schema version. */
    public static byte[] write(SettingsSnapshot s) {
        return write(s, s.schema());
    }

    /**
     * {@code s} in schema {@code schema} ({@link #OLDEST_READ} to {@link SettingsSnapshot#SCHEMA}): what
     * a peer that reads up to that version gets.
     */
    public static byte[] write(SettingsSnapshot s, int schema) {
        if (schema < OLDEST_READ || schema > SettingsSnapshot.SCHEMA) {
            throw new IllegalArgumentException("schema " + schema);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.items().size() * 64 + 1024);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("schema", schema);
            g.writeStringField("xmppDomain", s.xmppDomain());
            g.writeStringField("pluginVersion", s.pluginVersion());
            g.writeStringField("openfireVersion", s.openfireVersion());
            writeItems(g, s.items(), schema);
            g.writeArrayFieldStart("nodes");
            for (NodeStatus n : s.nodes()) {
                g.writeStartObject();
                g.writeStringField("name", n.node());
                g.writeBooleanField("federationActive", n.federationActive());
                writeItems(g, n.items(), schema);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The version a peer asked for with {@link #SCHEMA_HEADER} ({@code null}: none), as this plugin can write it. */
    public static int schemaFor(String requested) {
        if (requested == null || requested.isBlank()) {
            return OLDEST_READ;
        }
        try {
            return Math.max(OLDEST_READ, Math.min(SettingsSnapshot.SCHEMA, Integer.parseInt(requested.strip())));
        } catch (NumberFormatException e) {
            return OLDEST_READ;
        }
    }

    private static void writeItems(JsonGenerator g, List<SnapshotItem> items, int schema) throws IOException {
        g.writeArrayFieldStart("items");
        for (SnapshotItem i : items) {
            g.writeStartObject();
            g.writeStringField("id", i.id());
            if (i.isSet() && schema >= 2) {
                Map<String, List<String>> byValue = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : i.entries().entrySet()) {
                    byValue.computeIfAbsent(e.getValue(), v -> new ArrayList<>()).add(e.getKey());
                }
                g.writeArrayFieldStart("groups");
                for (Map.Entry<String, List<String>> group : byValue.entrySet()) {
                    g.writeStartArray();
                    g.writeString(group.getKey());
                    for (String name : group.getValue()) {
                        g.writeString(name);
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            } else if (i.isSet()) {
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
            if (r.schema != null && !readable(r.schema)) {
                throw schema(r.schema);
            }
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new UnreadableSnapshot(Text.of("troubleshoot.snapshot.malformed", where, e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // RuntimeException: whatever else the parser may throw on hostile input, reported, never a stack trace
            throw new UnreadableSnapshot(Text.of("troubleshoot.snapshot.malformed", "", String.valueOf(e.getMessage())));
        }
        if (r.schema == null) {
            throw new UnreadableSnapshot(Text.of("troubleshoot.snapshot.no-schema"));
        }
        if (!readable(r.schema)) {
            throw schema(r.schema);
        }
        return new SettingsSnapshot(r.schema, r.xmppDomain, r.pluginVersion, r.openfireVersion, r.items, r.nodes);
    }

    private static boolean readable(int schema) {
        return schema >= OLDEST_READ && schema <= SettingsSnapshot.SCHEMA;
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
                        case "groups" -> entries = groups(p, v);
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

        /** Schema 2's set: arrays of a value followed by the names that have it. */
        private static Map<String, String> groups(JsonParser p, JsonToken t) throws IOException {
            expect(p, t, JsonToken.START_ARRAY);
            Map<String, String> entries = new HashMap<>();
            for (JsonToken g = p.nextToken(); g != JsonToken.END_ARRAY; g = p.nextToken()) {
                expect(p, g, JsonToken.START_ARRAY);
                String value = text(p, p.nextToken());
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    entries.put(text(p, n), value);
                }
            }
            return entries;
        }
    }
}
