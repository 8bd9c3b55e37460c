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

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

/**
 * Reads and writes a list of two-field entries - the policy exceptions, the static routes - as CSV
 * ({@code first,second} per line, optional header, {@code #} comments) or JSON (an array of objects
 * with the two fields, or an object with such an array under the list's name). Reading validates
 * every entry and reports every bad one with its line number, so an import can be applied whole or
 * not at all. What the entries are is the {@link Schema}'s business; this class is the one reader
 * and writer of import and export files.
 */
public final class EntryListFormat<T> {
    /** A real exception list is three levels deep; deeper nesting is refused, not followed. */
    private static final int MAX_DEPTH = 32;
    /** Strict JSON (Jackson's defaults). */
    private static final JsonFactory JSON = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();

    /** One rejected entry of an import. */
    public record LineError(int line, InvalidInputException problem) {
        public String message(Locale locale) {
            return Messages.format(locale, "import.error.line", String.valueOf(line), problem.message(locale));
        }
    }

    /** The outcome of reading an import: the entries, or the errors (never both applied). */
    public record Parsed<T>(List<T> entries, List<LineError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** What one kind of list looks like in a file, and how an entry is read from and written to its two fields. */
    public interface Schema<T> {
        /** The JSON array's name in an object ("exceptions"), also the list's name in messages. */
        String listName();

        /** The two fields' names, in CSV order ("pattern", "direction"). */
        String firstField();

        String secondField();

        /** Reads one entry; throws {@link InvalidInputException} with the reason when it is not valid. */
        T read(String first, String second, Instant now);

        /** What makes two entries duplicates of each other, as shown in the message. */
        String key(T entry);

        String first(T entry);

        String second(T entry);

        /** Further fields written to JSON after the two (never read back). */
        default void writeMore(T entry, JsonGenerator json) throws IOException {
        }
    }

    private final Schema<T> schema;

    public EntryListFormat(Schema<T> schema) {
        this.schema = schema;
    }

    public enum Format {
        CSV, JSON;

        public static Format parse(String text) {
            if (text != null) {
                for (Format f : values()) {
                    if (f.name().equalsIgnoreCase(text.trim())) {
                        return f;
                    }
                }
            }
            throw new InvalidInputException("import.error.format", text == null ? "" : text);
        }
    }

    public Parsed<T> parse(Format format, String text, Instant now) {
        return format == Format.CSV ? parseCsv(text, now) : parseJson(text, now);
    }

    /**
     * Reads entries that arrive as field pairs rather than as a file (a peer cluster's settings):
     * each checked like a line of an import, the {@code n}th pair reported as line {@code n}.
     */
    public Parsed<T> parsePairs(List<Map.Entry<String, String>> pairs, Instant now) {
        Collector c = new Collector(now);
        int line = 0;
        for (Map.Entry<String, String> pair : pairs) {
            c.count++;
            c.add(++line, pair.getKey(), pair.getValue());
        }
        return c.result();
    }

    public Parsed<T> parseCsv(String text, Instant now) {
        Collector c = new Collector(now);
        // Lines end with CRLF, CR or LF; read without a regular expression (imports run to 800 000 lines).
        int lineNo = 0;
        for (int start = 0; start <= text.length(); ) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end).strip();
            start = end + (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line);
            if (c.count == 0 && c.errors.isEmpty() && cells.size() == 2
                && cells.get(0).equalsIgnoreCase(schema.firstField()) && cells.get(1).equalsIgnoreCase(schema.secondField())) {
                continue; // header
            }
            if (cells.size() != 2) {
                c.error(lineNo, new InvalidInputException("import.error.csv-columns", cells.size(), schema.firstField(), schema.secondField()));
                continue;
            }
            c.count++;
            c.add(lineNo, cells.get(0), cells.get(1));
        }
        return c.result();
    }

    public Parsed<T> parseJson(String text, Instant now) {
        Collector c = new Collector(now);
        // A byte order mark (as some editors save files) is not JSON; the CSV reader skips it too.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser json = JSON.createParser(body)) {
            JsonToken root = json.nextToken();
            if (root == null) {
                throw new JsonParseException(json, "unexpected end of the document");
            }
            if (root == JsonToken.START_OBJECT) {
                boolean found = false;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (schema.listName().equals(field) && value == JsonToken.START_ARRAY && !found) {
                        found = true;
                        readEntries(json, c);
                    } else {
                        json.skipChildren();
                    }
                }
                if (!found) {
                    c.error(1, new InvalidInputException("import.error.json-shape", schema.listName()));
                }
            } else if (root == JsonToken.START_ARRAY) {
                readEntries(json, c);
            } else {
                c.error(1, new InvalidInputException("import.error.json-shape", schema.listName()));
            }
            if (json.nextToken() != null) {
                throw new JsonParseException(json, "unexpected text after the end of the document");
            }
        } catch (JsonProcessingException e) {
            // A syntax error makes the whole file unusable: report it alone, where parsing stopped.
            c.errors.clear();
            c.error(e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr()),
                new InvalidInputException("import.error.json-syntax", syntaxProblem(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c.result();
    }

    /** The array's entries: each an object with the two text fields (others ignored). */
    private void readEntries(JsonParser json, Collector c) throws IOException {
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            int line = json.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                json.skipChildren();
                c.error(line, new InvalidInputException("import.error.json-entry", schema.firstField(), schema.secondField()));
                continue;
            }
            String first = null;
            String second = null;
            boolean fieldsAreText = true;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals(schema.firstField()) || field.equals(schema.secondField())) {
                    if (value == JsonToken.VALUE_STRING) {
                        if (field.equals(schema.firstField())) {
                            first = json.getText();
                        } else {
                            second = json.getText();
                        }
                    } else {
                        fieldsAreText = false;
                    }
                }
                json.skipChildren();
            }
            if (first == null || second == null || !fieldsAreText) {
                c.error(line, new InvalidInputException("import.error.json-fields", schema.firstField(), schema.secondField()));
            } else {
                c.add(line, first, second);
            }
        }
    }

    /** The parser's complaint in the words the import page uses. */
    private static String syntaxProblem(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage;
        for (String[] known : SYNTAX_PROBLEMS) {
            if (m.contains(known[0])) {
                return known[1].replace("%c", offendingCharacter(m));
            }
        }
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end);
    }

    /** The character a message names in quotes ("Unexpected character (']' (code 93))", "escape 'x'"). */
    private static String offendingCharacter(String message) {
        int open = message.indexOf('\'');
        int close = open < 0 ? -1 : message.indexOf('\'', open + 2);
        return close > open ? message.substring(open + 1, close) : "?";
    }

    /** Jackson's message (a part of it) → what the page says. First match wins. */
    private static final String[][] SYNTAX_PROBLEMS = {
        {"unexpected end of the document", "unexpected end of the document"},
        {"unexpected text after the end", "unexpected text after the end of the document"},
        {"was expecting closing quote", "unterminated string"},
        {"Unexpected end-of-input", "unexpected end of the document"},
        {"double-quote to start field name", "expected a quoted field name"},
        {"was expecting a colon", "expected ':'"},
        {"('.' (code 46))", "bad number"},
        {"comma to separate Array entries", "expected ',' or ']'"},
        {"comma to separate Object entries", "expected ',' or '}'"},
        {"CTRL-CHAR, code 10", "line break inside a string"},
        {"CTRL-CHAR, code 13", "line break inside a string"},
        {"CTRL-CHAR", "control character inside a string"},
        {"Unrecognized character escape", "bad escape \\%c"},
        {"hex-digit for character escape", "bad \\u escape"},
        {"Unrecognized token", "unexpected word"},
        {"Invalid numeric value", "bad number"},
        {"Unexpected character", "unexpected character '%c'"},
        {"nesting depth", "nested more than " + MAX_DEPTH + " levels deep"},
    };

    public String toCsv(List<T> entries) {
        StringBuilder sb = new StringBuilder(schema.firstField()).append(',').append(schema.secondField()).append('\n');
        for (T e : entries) {
            sb.append(csvCell(schema.first(e))).append(',').append(csvCell(schema.second(e))).append('\n');
        }
        return sb.toString();
    }

    /** A cell quoted when it holds a comma or a quote (an IPv6 route target never does; a future field might). */
    private static String csvCell(String value) {
        return value.indexOf(',') < 0 && value.indexOf('"') < 0 ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    public String toJson(List<T> entries) {
        StringWriter out = new StringWriter(64 + entries.size() * 120);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(new OneEntryPerLine());
            json.writeStartObject();
            json.writeArrayFieldStart(schema.listName());
            for (T e : entries) {
                json.writeStartObject();
                json.writeStringField(schema.firstField(), schema.first(e));
                json.writeStringField(schema.secondField(), schema.second(e));
                schema.writeMore(e, json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /**
     * The export's layout: one exception per line, so that files diff well and an import error's
     * line number points at one entry.
     */
    private static final class OneEntryPerLine extends MinimalPrettyPrinter {
        private int depth;

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw(depth++ == 0 ? "{\n  " : "{");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw(--depth == 0 ? "\n}" : "}");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw("\n    ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n    ");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw("\n  ]");
        }
    }

    /** Splits one CSV line into trimmed cells; a quoted cell may contain commas and "" for a quote. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (ch == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private final class Collector {
        final Instant now;
        final List<T> entries = new ArrayList<>();
        final List<LineError> errors = new ArrayList<>();
        final Map<String, Integer> seenOnLine = new HashMap<>();
        /** Entries read so far (a header is only a header before the first entry). */
        int count;

        Collector(Instant now) {
            this.now = now;
        }

        void add(int line, String first, String second) {
            try {
                T entry = schema.read(first, second, now);
                String key = schema.key(entry);
                Integer earlier = seenOnLine.putIfAbsent(key, line);
                if (earlier != null) {
                    throw new InvalidInputException("import.error.duplicate", key, earlier);
                }
                entries.add(entry);
            } catch (InvalidInputException e) {
                errors.add(new LineError(line, e));
            }
        }

        void error(int line, InvalidInputException e) {
            errors.add(new LineError(line, e));
        }

        Parsed<T> result() {
            return new Parsed<>(errors.isEmpty() ? List.copyOf(entries) : List.of(), List.copyOf(errors));
        }
    }
}
