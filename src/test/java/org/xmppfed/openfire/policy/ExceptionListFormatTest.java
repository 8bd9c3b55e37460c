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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.xmppfed.openfire.policy.EntryListFormat.Format;
import org.xmppfed.openfire.policy.ExceptionListFormat.ParseResult;

class ExceptionListFormatTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant IMPORTED = Instant.parse("2026-02-03T04:05:06Z");

    /** 1,000 distinct exceptions: exact and wildcard, ASCII, IDN (stored as punycode) and IPv4, all directions. */
    static List<PolicyException> generated() {
        List<PolicyException> list = new ArrayList<>();
        Direction[] dirs = Direction.values();
        for (int i = 0; i < 1000; i++) {
            String pattern = switch (i % 5) {
                case 0 -> "host" + i + ".Example.COM";
                case 1 -> "*.zone" + i + ".example.org.";
                case 2 -> "b\u00FCcher" + i + ".example";
                case 3 -> "*.m\u00FCnchen-" + i + ".de";
                default -> "10." + (i / 256) + "." + (i % 256) + ".1";
            };
            list.add(PolicyException.of(pattern, dirs[(i / 5) % 3], CREATED));
        }
        return list;
    }

    private static List<String> patternsAndDirections(List<PolicyException> list) {
        return list.stream().map(e -> e.pattern() + " " + e.direction()).toList();
    }

    private static ParseResult okCsv(String text) {
        ParseResult r = ExceptionListFormat.parseCsv(text, IMPORTED);
        assertTrue(r.ok(), () -> "unexpected errors: " + r.errors());
        return r;
    }

    private static ParseResult okJson(String text) {
        ParseResult r = ExceptionListFormat.parseJson(text, IMPORTED);
        assertTrue(r.ok(), () -> "unexpected errors: " + r.errors());
        return r;
    }

    @Test
    void generatedListIsWhatTheRoundTripsNeed() {
        List<PolicyException> list = generated();
        assertEquals(1000, new HashSet<>(list.stream().map(PolicyException::pattern).toList()).size(), "distinct");
        assertEquals(400, list.stream().filter(e -> e.pattern().wildcard()).count());
        assertEquals(400, list.stream().filter(e -> e.pattern().domain().startsWith("xn--")).count());
        for (Direction d : Direction.values()) {
            assertTrue(list.stream().anyMatch(e -> e.direction() == d && e.pattern().wildcard()));
            assertTrue(list.stream().anyMatch(e -> e.direction() == d && !e.pattern().wildcard()));
        }
        assertEquals("xn--bcher2-3ya.example", list.get(2).pattern().toString());
        assertEquals("*.xn--mnchen-3-65a.de", list.get(3).pattern().toString());
    }

    @Test
    void csvRoundTripOf1000Exceptions() {
        List<PolicyException> list = generated();
        String csv = ExceptionListFormat.toCsv(list);
        ParseResult r = okCsv(csv);
        assertEquals(1000, r.exceptions().size());
        assertEquals(patternsAndDirections(list), patternsAndDirections(r.exceptions()));
        for (PolicyException e : r.exceptions()) {
            assertEquals(IMPORTED, e.created());
            assertEquals(IMPORTED, e.lastChanged());
        }
        assertEquals(csv, ExceptionListFormat.toCsv(r.exceptions()), "writing what was read gives the same file");
    }

    @Test
    void jsonRoundTripOf1000Exceptions() {
        List<PolicyException> list = generated();
        String json = ExceptionListFormat.toJson(list);
        ParseResult r = okJson(json);
        assertEquals(1000, r.exceptions().size());
        assertEquals(patternsAndDirections(list), patternsAndDirections(r.exceptions()));
        ParseResult again = ExceptionListFormat.parseJson(json, CREATED);
        assertEquals(json, ExceptionListFormat.toJson(again.exceptions()), "same file when read with the same time");
    }

    @Test
    void csvAndJsonOfTheSameListReadTheSame() {
        List<PolicyException> list = generated();
        assertEquals(okCsv(ExceptionListFormat.toCsv(list)).exceptions(),
            okJson(ExceptionListFormat.toJson(list)).exceptions());
        assertEquals(okCsv(ExceptionListFormat.toCsv(list)).exceptions(),
            ExceptionListFormat.parse(Format.JSON, ExceptionListFormat.toJson(list), IMPORTED).exceptions());
    }

    @Test
    void emptyListRoundTrips() {
        assertEquals("pattern,direction\n", ExceptionListFormat.toCsv(List.of()));
        assertEquals(List.of(), okCsv(ExceptionListFormat.toCsv(List.of())).exceptions());
        assertEquals(List.of(), okJson(ExceptionListFormat.toJson(List.of())).exceptions());
    }

    @Test
    void csvOutputFormat() {
        List<PolicyException> list = List.of(
            PolicyException.of("*.Example.com", Direction.BOTH, CREATED),
            PolicyException.of("b\u00FCcher.example", Direction.INCOMING, CREATED),
            PolicyException.of("10.0.0.1", Direction.OUTGOING, CREATED));
        assertEquals("pattern,direction\n*.example.com,BOTH\nxn--bcher-kva.example,INCOMING\n10.0.0.1,OUTGOING\n",
            ExceptionListFormat.toCsv(list));
    }

    @Test
    void jsonOutputFormat() {
        List<PolicyException> list = List.of(
            PolicyException.of("*.Example.com", Direction.BOTH, CREATED),
            new PolicyException(DomainPattern.parse("b\u00FCcher.example"), Direction.INCOMING, CREATED, IMPORTED));
        assertEquals("{\n  \"exceptions\": [\n"
                + "    {\"pattern\": \"*.example.com\", \"direction\": \"BOTH\", \"created\": \"2026-01-01T00:00:00Z\", "
                + "\"lastChanged\": \"2026-01-01T00:00:00Z\"},\n"
                + "    {\"pattern\": \"xn--bcher-kva.example\", \"direction\": \"INCOMING\", \"created\": \"2026-01-01T00:00:00Z\", "
                + "\"lastChanged\": \"2026-02-03T04:05:06Z\"}\n"
                + "  ]\n}\n",
            ExceptionListFormat.toJson(list));
    }

    // ---------------------------------------------------------------------------------------------
    // CSV reading

    /** Different spellings of the same three-entry file. */
    static Stream<Arguments> equivalentCsvFiles() {
        return Stream.of(
            Arguments.of("plain", "a.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("no final line break", "a.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING"),
            Arguments.of("header", "pattern,direction\na.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("upper-case header", "PATTERN,DIRECTION\na.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("quoted header", "\"pattern\",\"direction\"\na.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("header after comments and blank lines",
                "# exported by hand\n\n   # indented comment\npattern,direction\na.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("comments and blank lines between entries",
                "a.example,BOTH\n\n# wildcard next\n   \n\t\n*.b.example,INCOMING\n#,,,,\nxn--bcher-kva.example,OUTGOING\n\n\n"),
            Arguments.of("BOM before the header", "\uFEFFpattern,direction\na.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("BOM before the first entry", "\uFEFFa.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("BOM before a comment", "\uFEFF# list\na.example,BOTH\n*.b.example,INCOMING\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("CRLF", "pattern,direction\r\na.example,BOTH\r\n*.b.example,INCOMING\r\nxn--bcher-kva.example,OUTGOING\r\n"),
            Arguments.of("mixed CRLF and LF", "pattern,direction\r\na.example,BOTH\n*.b.example,INCOMING\r\nxn--bcher-kva.example,OUTGOING\n"),
            Arguments.of("BOM, CRLF, comments", "\uFEFF# list\r\n\r\npattern,direction\r\na.example,BOTH\r\n# x\r\n*.b.example,INCOMING\r\nxn--bcher-kva.example,OUTGOING\r\n"),
            Arguments.of("quoted cells", "\"a.example\",\"BOTH\"\n\"*.b.example\",\"INCOMING\"\n\"xn--bcher-kva.example\",\"OUTGOING\"\n"),
            Arguments.of("partly quoted cells with blanks inside the quotes",
                "\" a.example \",BOTH\n*.b.example,\" incoming \"\n\"xn--bcher-kva.example\" , OUTGOING\n"),
            Arguments.of("blanks around cells and lines", "  a.example , BOTH  \n\t*.b.example,\tINCOMING\n xn--bcher-kva.example ,OUTGOING \n"),
            Arguments.of("spellings that normalise", "A.EXAMPLE.,both\n*.B.Example,Incoming\nb\u00FCcher.example,outgoing\n"),
            Arguments.of("quoted unicode", "\"A.example\",\"Both\"\n\"*.b.example.\",\"incoming\"\n\"B\u00DCCHER.EXAMPLE\",\"OUTGOING\"\n")
        );
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("equivalentCsvFiles")
    void csvSpellingsReadTheSame(String name, String text) {
        ParseResult r = okCsv(text);
        assertEquals(List.of("a.example BOTH", "*.b.example INCOMING", "xn--bcher-kva.example OUTGOING"),
            patternsAndDirections(r.exceptions()));
        for (PolicyException e : r.exceptions()) {
            assertSame(IMPORTED, e.created());
            assertSame(IMPORTED, e.lastChanged());
        }
    }

    static Stream<Arguments> emptyCsvFiles() {
        return Stream.of(
            Arguments.of(""),
            Arguments.of("\n\n"),
            Arguments.of("pattern,direction\n"),
            Arguments.of("\uFEFFpattern,direction\r\n"),
            Arguments.of("# nothing here\r\n\r\n"),
            Arguments.of("\uFEFF"));
    }

    @ParameterizedTest(name = "[{index}] empty file")
    @MethodSource("emptyCsvFiles")
    void csvWithoutEntriesIsAnEmptyList(String text) {
        assertEquals(List.of(), okCsv(text).exceptions());
    }

    @Test
    void csvErrorLinesCountCommentsBlankLinesAndCrlf() {
        String text = "\uFEFF# list\r\n\r\npattern,direction\r\n# first\r\na.example,BOTH\r\n\r\nb_.example,BOTH\r\n";
        ParseResult r = ExceptionListFormat.parseCsv(text, IMPORTED);
        assertEquals(1, r.errors().size());
        assertEquals(7, r.errors().get(0).line());
        assertEquals(List.of(), r.exceptions());
    }

    @Test
    void csvDirectionsHaveNoCarriageReturnLeft() {
        ParseResult r = okCsv("a.example,INCOMING\r\nb.example,OUTGOING\r\n");
        assertEquals(Direction.INCOMING, r.exceptions().get(0).direction());
        assertEquals(Direction.OUTGOING, r.exceptions().get(1).direction());
    }

    @Test
    void csvKeepsTheOrderOfTheFile() {
        ParseResult r = okCsv("z.example,BOTH\na.example,BOTH\n*.m.example,BOTH\n");
        assertEquals(List.of("z.example", "a.example", "*.m.example"),
            r.exceptions().stream().map(e -> e.pattern().toString()).toList());
    }

    @Test
    void csvExactAndWildcardOfTheSameDomainAreNotDuplicates() {
        ParseResult r = okCsv("example.com,INCOMING\n*.example.com,OUTGOING\n");
        assertEquals(List.of("example.com INCOMING", "*.example.com OUTGOING"), patternsAndDirections(r.exceptions()));
    }

    // ---------------------------------------------------------------------------------------------
    // JSON reading

    static Stream<Arguments> equivalentJsonFiles() {
        String entries = "{\"pattern\": \"a.example\", \"direction\": \"BOTH\"},"
            + "{\"pattern\": \"*.b.example\", \"direction\": \"INCOMING\"},"
            + "{\"pattern\": \"xn--bcher-kva.example\", \"direction\": \"OUTGOING\"}";
        return Stream.of(
            Arguments.of("bare array", "[" + entries + "]"),
            Arguments.of("exceptions object", "{\"exceptions\": [" + entries + "]}"),
            Arguments.of("exceptions object with other fields", "{\"version\": 1, \"exceptions\": [" + entries + "], \"note\": null}"),
            Arguments.of("BOM", "\uFEFF[" + entries + "]"),
            Arguments.of("CRLF and indentation",
                "{\r\n  \"exceptions\": [\r\n    {\"pattern\": \"a.example\", \"direction\": \"BOTH\"},\r\n"
                    + "    {\"pattern\": \"*.b.example\", \"direction\": \"INCOMING\"},\r\n"
                    + "    {\"pattern\": \"xn--bcher-kva.example\", \"direction\": \"OUTGOING\"}\r\n  ]\r\n}\r\n"),
            Arguments.of("tabs and blank lines", "\n\n[\n\t" + entries.replace("},", "},\n\t") + "\n]\n\n"),
            Arguments.of("field order and extra fields",
                "[{\"direction\": \"BOTH\", \"pattern\": \"a.example\", \"created\": \"2020-01-01T00:00:00Z\", \"n\": 1.5e3},"
                    + "{\"enabled\": true, \"direction\": \"INCOMING\", \"pattern\": \"*.b.example\", \"tags\": [\"x\", {}]},"
                    + "{\"pattern\": \"xn--bcher-kva.example\", \"direction\": \"OUTGOING\", \"lastChanged\": null}]"),
            Arguments.of("spellings that normalise",
                "[{\"pattern\": \" A.EXAMPLE. \", \"direction\": \" both \"},"
                    + "{\"pattern\": \"*.B.example\", \"direction\": \"Incoming\"},"
                    + "{\"pattern\": \"b\u00FCcher.example\", \"direction\": \"outgoing\"}]"),
            Arguments.of("escapes",
                "[{\"pattern\": \"\\u0061.example\", \"direction\": \"B\\u004fTH\"},"
                    + "{\"pattern\": \"*.b.example\", \"direction\": \"INCOMING\"},"
                    + "{\"pattern\": \"b\\u00fccher.example\", \"direction\": \"OUT\\u0047OING\"}]")
        );
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("equivalentJsonFiles")
    void jsonSpellingsReadTheSame(String name, String text) {
        ParseResult r = okJson(text);
        assertEquals(List.of("a.example BOTH", "*.b.example INCOMING", "xn--bcher-kva.example OUTGOING"),
            patternsAndDirections(r.exceptions()));
        for (PolicyException e : r.exceptions()) {
            assertSame(IMPORTED, e.created(), "the times in the file are not taken over");
            assertSame(IMPORTED, e.lastChanged());
        }
    }

    @Test
    void jsonWithoutEntriesIsAnEmptyList() {
        assertEquals(List.of(), okJson("[]").exceptions());
        assertEquals(List.of(), okJson("{\"exceptions\": []}").exceptions());
        assertEquals(List.of(), okJson("\uFEFF{ \"exceptions\" : [ ] }\r\n").exceptions());
    }

    @Test
    void jsonErrorLineIsTheLineWhereTheEntryStarts() {
        String text = "{\r\n  \"exceptions\": [\r\n    {\"pattern\": \"a.example\", \"direction\": \"BOTH\"},\r\n"
            + "    {\r\n      \"pattern\": \"b.example\",\r\n      \"direction\": \"sideways\"\r\n    }\r\n  ]\r\n}\r\n";
        ParseResult r = ExceptionListFormat.parseJson(text, IMPORTED);
        assertEquals(1, r.errors().size());
        assertEquals(4, r.errors().get(0).line());
        assertEquals(List.of(), r.exceptions());
    }

    // ---------------------------------------------------------------------------------------------
    // Format selection

    @Test
    void formatParse() {
        assertEquals(Format.CSV, Format.parse("csv"));
        assertEquals(Format.JSON, Format.parse(" Json "));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Format.parse("xml"));
        assertEquals("'xml' is not an import format. Choose CSV or JSON.", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Format.parse(null));
        assertEquals("'' is not an import format. Choose CSV or JSON.", e.getMessage());
    }

    @Test
    void parseDispatchesOnTheFormat() {
        String csv = "a.example,BOTH\n";
        String json = "[{\"pattern\": \"a.example\", \"direction\": \"BOTH\"}]";
        assertEquals(List.of("a.example BOTH"), patternsAndDirections(ExceptionListFormat.parse(Format.CSV, csv, IMPORTED).exceptions()));
        assertEquals(List.of("a.example BOTH"), patternsAndDirections(ExceptionListFormat.parse(Format.JSON, json, IMPORTED).exceptions()));
        assertTrue(!ExceptionListFormat.parse(Format.JSON, csv, IMPORTED).ok(), "CSV is not JSON");
        assertTrue(!ExceptionListFormat.parse(Format.CSV, json, IMPORTED).ok(), "JSON is not CSV");
    }

    @Test
    void readPatternsAreDistinctAndInNormalForm() {
        Set<String> seen = new HashSet<>();
        for (PolicyException e : okCsv(ExceptionListFormat.toCsv(generated())).exceptions()) {
            assertTrue(seen.add(e.pattern().toString()));
            assertTrue(DomainNames.isNormalAscii(e.pattern().domain()));
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void aSyntaxErrorIsReportedAloneEvenAfterBadEntries() {
        String text = "[\n {\"pattern\": \"a..example\", \"direction\": \"BOTH\"},\n {\"pattern\": \"b.example\", \"direction\": \"UP\"},\n {]";
        ExceptionListFormat.ParseResult r = ExceptionListFormat.parseJson(text, Instant.EPOCH);
        assertEquals(1, r.errors().size(), "only the syntax error: the entries before it are moot");
        assertEquals(4, r.errors().get(0).line());
        assertTrue(r.errors().get(0).message(java.util.Locale.ENGLISH).startsWith("Line 4: This is not valid JSON:"),
            r.errors().get(0).message(java.util.Locale.ENGLISH));
        assertTrue(r.exceptions().isEmpty());
    }

    @Test
    void aDoubledQuoteInsideAQuotedCsvCellIsOneQuote() {
        ExceptionListFormat.ParseResult r = ExceptionListFormat.parseCsv("\"a\"\"b.example\",BOTH\n\"ok.example\",\"INCOMING\"\n", Instant.EPOCH);
        assertEquals(1, r.errors().size());
        assertEquals(1, r.errors().get(0).line());
        assertTrue(r.errors().get(0).message(java.util.Locale.ENGLISH).contains("'a\"b.example'"),
            r.errors().get(0).message(java.util.Locale.ENGLISH));
    }
}
