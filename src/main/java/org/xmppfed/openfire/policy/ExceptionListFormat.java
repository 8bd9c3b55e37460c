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
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;

import org.xmppfed.openfire.policy.EntryListFormat.Format;
import org.xmppfed.openfire.policy.EntryListFormat.LineError;

/**
 * The exception list in import and export files ({@link EntryListFormat}): CSV
 * {@code pattern,direction} lines, or JSON objects {@code {"pattern": …, "direction": …}} in an
 * array, alone or under {@code "exceptions"}; the JSON export adds each exception's times.
 */
public final class ExceptionListFormat {
    /** The outcome of reading an import: the exceptions, or the errors (never both applied). */
    public record ParseResult(List<PolicyException> exceptions, List<LineError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The one reader and writer of exception lists; patterns are only checked to be patterns (for export, and tests). */
    public static final EntryListFormat<PolicyException> FORMAT = checking(DomainNames::parsePattern);

    /**
     * The exception list format whose reading checks every pattern with {@code checkedPattern} (which
     * parses it, or throws with the reason), so that an import names the line of an exception for one
     * of this server's own names.
     */
    public static EntryListFormat<PolicyException> checking(Function<String, DomainPattern> checkedPattern) {
        return new EntryListFormat<>(new EntryListFormat.Schema<>() {
            @Override
            public String listName() {
                return "exceptions";
            }

            @Override
            public String firstField() {
                return "pattern";
            }

            @Override
            public String secondField() {
                return "direction";
            }

            @Override
            public PolicyException read(String pattern, String direction, Instant now) {
                return new PolicyException(checkedPattern.apply(pattern), Direction.parse(direction), now, now);
            }

            @Override
            public String key(PolicyException e) {
                return e.pattern().toString();
            }

            @Override
            public String first(PolicyException e) {
                return e.pattern().toString();
            }

            @Override
            public String second(PolicyException e) {
                return e.direction().name();
            }

            @Override
            public void writeMore(PolicyException e, JsonGenerator json) throws IOException {
                json.writeStringField("created", e.created().toString());
                json.writeStringField("lastChanged", e.lastChanged().toString());
            }
        });
    }

    private ExceptionListFormat() {
    }

    public static ParseResult parse(Format format, String text, Instant now) {
        return result(FORMAT.parse(format, text, now));
    }

    public static ParseResult parseCsv(String text, Instant now) {
        return result(FORMAT.parseCsv(text, now));
    }

    public static ParseResult parseJson(String text, Instant now) {
        return result(FORMAT.parseJson(text, now));
    }

    public static String toCsv(List<PolicyException> exceptions) {
        return FORMAT.toCsv(exceptions);
    }

    public static String toJson(List<PolicyException> exceptions) {
        return FORMAT.toJson(exceptions);
    }

    private static ParseResult result(EntryListFormat.Parsed<PolicyException> parsed) {
        return new ParseResult(parsed.entries(), parsed.errors());
    }
}
