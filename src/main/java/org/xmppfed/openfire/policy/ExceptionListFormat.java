package org.xmppfed.openfire.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes the exception list as CSV ({@code pattern,direction} per line, optional header,
 * {@code #} comments) or JSON (an array of {@code {"pattern": …, "direction": …}} objects, or an
 * object with such an array under {@code "exceptions"}). Reading validates every entry and reports
 * every bad one with its line number, so an import can be applied whole or not at all.
 */
public final class ExceptionListFormat {

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
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
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
        Object root;
        try {
            root = JsonReader.parse(text);
        } catch (JsonReader.SyntaxError e) {
            c.error(e.line, new InvalidInputException("import.error.json-syntax", e.getMessage()));
            return c.result();
        }
        if (root instanceof JsonReader.Located obj && obj.fields().get("exceptions") instanceof JsonReader.Array list) {
            root = list;
        }
        if (!(root instanceof JsonReader.Array array)) {
            c.error(1, new InvalidInputException("import.error.json-shape"));
            return c.result();
        }
        for (int i = 0; i < array.items().size(); i++) {
            c.count++;
            if (!(array.items().get(i) instanceof JsonReader.Located entry)) {
                c.error(array.lines().get(i), new InvalidInputException("import.error.json-entry"));
                continue;
            }
            Object pattern = entry.fields().get("pattern");
            Object direction = entry.fields().get("direction");
            if (!(pattern instanceof String) || !(direction instanceof String)) {
                c.error(entry.line(), new InvalidInputException("import.error.json-fields"));
                continue;
            }
            c.add(entry.line(), (String) pattern, (String) direction);
        }
        return c.result();
    }

    public static String toCsv(List<PolicyException> exceptions) {
        StringBuilder sb = new StringBuilder("pattern,direction\n");
        for (PolicyException e : exceptions) {
            sb.append(e.pattern()).append(',').append(e.direction()).append('\n');
        }
        return sb.toString();
    }

    public static String toJson(List<PolicyException> exceptions) {
        StringBuilder sb = new StringBuilder("{\n  \"exceptions\": [");
        for (int i = 0; i < exceptions.size(); i++) {
            PolicyException e = exceptions.get(i);
            sb.append(i == 0 ? "\n" : ",\n")
                .append("    {\"pattern\": \"").append(e.pattern())
                .append("\", \"direction\": \"").append(e.direction())
                .append("\", \"created\": \"").append(e.created())
                .append("\", \"lastChanged\": \"").append(e.lastChanged()).append("\"}");
        }
        return sb.append("\n  ]\n}\n").toString();
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
