package org.xmppfed.openfire.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser for the policy import, which must name the line of every bad entry.
 * Objects come back as {@link Located} maps carrying the line they start on, arrays as
 * {@link Array}s with the line of each item; other values as String, Double, Boolean or null.
 */
final class JsonReader {

    /** A JSON object with the line on which it starts. */
    record Located(int line, Map<String, Object> fields) {
    }

    /** A JSON array with the line on which each item starts. */
    record Array(List<Object> items, List<Integer> lines) {
    }

    /** Malformed JSON, with the line where parsing stopped. */
    static final class SyntaxError extends RuntimeException {
        final int line;

        SyntaxError(int line, String what) {
            super(what);
            this.line = line;
        }
    }

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int depth;
    private int pos;
    private int line = 1;

    private JsonReader(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        r.skipBlanks();
        Object value = r.value();
        r.skipBlanks();
        if (r.pos < text.length()) {
            throw new SyntaxError(r.line, "unexpected text after the end of the document");
        }
        return value;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw new SyntaxError(line, "unexpected end of the document");
        }
        char c = text.charAt(pos);
        if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
            throw new SyntaxError(line, "nested more than " + MAX_DEPTH + " levels deep");
        }
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new SyntaxError(line, "unexpected character '" + c + "'");
        }
    }

    private Located object() {
        int startLine = line;
        pos++;
        Map<String, Object> fields = new LinkedHashMap<>();
        skipBlanks();
        if (peek() == '}') {
            pos++;
            depth--;
            return new Located(startLine, fields);
        }
        while (true) {
            skipBlanks();
            if (peek() != '"') {
                throw new SyntaxError(line, "expected a quoted field name");
            }
            String name = string();
            skipBlanks();
            expect(':');
            skipBlanks();
            fields.put(name, value());
            skipBlanks();
            char c = next();
            if (c == '}') {
                depth--;
                return new Located(startLine, fields);
            }
            if (c != ',') {
                throw new SyntaxError(line, "expected ',' or '}'");
            }
        }
    }

    private Array array() {
        pos++;
        List<Object> items = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        skipBlanks();
        if (peek() == ']') {
            pos++;
            depth--;
            return new Array(items, lines);
        }
        while (true) {
            skipBlanks();
            lines.add(line);
            items.add(value());
            skipBlanks();
            char c = next();
            if (c == ']') {
                depth--;
                return new Array(items, lines);
            }
            if (c != ',') {
                throw new SyntaxError(line, "expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxError(line, "unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n') {
                throw new SyntaxError(line, "line break inside a string");
            }
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw new SyntaxError(line, "bad \\u escape");
                        }
                        String hex = text.substring(pos, pos + 4);
                        if (!hex.matches("[0-9a-fA-F]{4}")) {
                            throw new SyntaxError(line, "bad \\u escape");
                        }
                        sb.append((char) Integer.parseInt(hex, 16));
                        pos += 4;
                    }
                    default -> throw new SyntaxError(line, "bad escape \\" + e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new SyntaxError(line, "bad number");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw new SyntaxError(line, "unexpected word");
        }
        pos += word.length();
        return value;
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\uFEFF') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw new SyntaxError(line, "unexpected end of the document");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw new SyntaxError(line, "expected '" + c + "'");
        }
    }
}
