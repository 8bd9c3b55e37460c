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
 * Reads and writes the exception list as CSV ({@code pattern,direction} per line, optional header,
 * {@code #} comments) or JSON (an array of {@code {"pattern": …, "direction": …}} objects, or an
 * object with such an array under {@code "exceptions"}). Reading validates every entry and reports
 * every bad one with its line number, so an import can be applied whole or not at all.
 */
public final class ExceptionListFormat {
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
    public record ParseResult(List<PolicyException> exceptions, List<LineError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
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

    private ExceptionListFormat() {
    }

    public static ParseResult parse(Format format, String text, Instant now) {
        return format == Format.CSV ? parseCsv(text, now) : parseJson(text, now);
    }

    public static ParseResult parseCsv(String text, Instant now) {
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
                && cells.get(0).equalsIgnoreCase("pattern") && cells.get(1).equalsIgnoreCase("direction")) {
                continue; // header
            }
            if (cells.size() != 2) {
                c.error(lineNo, new InvalidInputException("import.error.csv-columns", cells.size()));
                continue;
            }
            c.count++;
            c.add(lineNo, cells.get(0), cells.get(1));
        }
        return c.result();
    }

    public static ParseResult parseJson(String text, Instant now) {
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
                    if ("exceptions".equals(field) && value == JsonToken.START_ARRAY && !found) {
                        found = true;
                        readEntries(json, c);
                    } else {
                        json.skipChildren();
                    }
                }
                if (!found) {
                    c.error(1, new InvalidInputException("import.error.json-shape"));
                }
            } else if (root == JsonToken.START_ARRAY) {
                readEntries(json, c);
            } else {
                c.error(1, new InvalidInputException("import.error.json-shape"));
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

    /** The array's entries: each an object with text fields "pattern" and "direction" (others ignored). */
    private static void readEntries(JsonParser json, Collector c) throws IOException {
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            int line = json.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                json.skipChildren();
                c.error(line, new InvalidInputException("import.error.json-entry"));
                continue;
            }
            String pattern = null;
            String direction = null;
            boolean fieldsAreText = true;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("pattern") || field.equals("direction")) {
                    if (value == JsonToken.VALUE_STRING) {
                        if (field.equals("pattern")) {
                            pattern = json.getText();
                        } else {
                            direction = json.getText();
                        }
                    } else {
                        fieldsAreText = false;
                    }
                }
                json.skipChildren();
            }
            if (pattern == null || direction == null || !fieldsAreText) {
                c.error(line, new InvalidInputException("import.error.json-fields"));
            } else {
                c.add(line, pattern, direction);
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

    public static String toCsv(List<PolicyException> exceptions) {
        StringBuilder sb = new StringBuilder("pattern,direction\n");
        for (PolicyException e : exceptions) {
            sb.append(e.pattern()).append(',').append(e.direction()).append('\n');
        }
        return sb.toString();
    }

    public static String toJson(List<PolicyException> exceptions) {
        StringWriter out = new StringWriter(64 + exceptions.size() * 120);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(new OneEntryPerLine());
            json.writeStartObject();
            json.writeArrayFieldStart("exceptions");
            for (PolicyException e : exceptions) {
                json.writeStartObject();
                json.writeStringField("pattern", e.pattern().toString());
                json.writeStringField("direction", e.direction().name());
                json.writeStringField("created", e.created().toString());
                json.writeStringField("lastChanged", e.lastChanged().toString());
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

    private static final class Collector {
        final Instant now;
        final List<PolicyException> exceptions = new ArrayList<>();
        final List<LineError> errors = new ArrayList<>();
        final Map<DomainPattern, Integer> seenOnLine = new HashMap<>();
        /** Entries read so far (a header is only a header before the first entry). */
        int count;

        Collector(Instant now) {
            this.now = now;
        }

        void add(int line, String pattern, String direction) {
            try {
                DomainPattern p = DomainNames.parsePattern(pattern);
                Direction d = Direction.parse(direction);
                Integer earlier = seenOnLine.putIfAbsent(p, line);
                if (earlier != null) {
                    throw new InvalidInputException("import.error.duplicate", p.toString(), earlier);
                }
                exceptions.add(new PolicyException(p, d, now, now));
            } catch (InvalidInputException e) {
                errors.add(new LineError(line, e));
            }
        }

        void error(int line, InvalidInputException e) {
            errors.add(new LineError(line, e));
        }

        ParseResult result() {
            return new ParseResult(errors.isEmpty() ? List.copyOf(exceptions) : List.of(), List.copyOf(errors));
        }
    }
}
