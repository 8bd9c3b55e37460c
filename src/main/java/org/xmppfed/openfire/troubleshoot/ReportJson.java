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
import java.util.Locale;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** The troubleshooter's report as JSON: the rows with stable ids and verdicts, texts in the reader's language. */
public final class ReportJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ReportJson() {
    }

    public static byte[] write(Report report, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("started", report.started().toString());
            g.writeNumberField("millis", report.millis());
            g.writeStringField("verdict", report.verdict().name());
            g.writeArrayFieldStart("checks");
            for (Check c : report.checks()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("verdict", c.verdict().name());
                g.writeStringField("title", c.title().render(locale));
                g.writeArrayFieldStart("evidence");
                for (Evidence e : c.evidence()) {
                    g.writeStartObject();
                    g.writeStringField("source", e.source().render(locale));
                    g.writeStringField("text", e.what().render(locale));
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (c.action() != null) {
                    g.writeStringField("action", c.action().render(locale));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same report as plain text lines for a shell: verdict, id, title, evidence, action. */
    public static String text(Report report, Locale locale) {
        StringBuilder sb = new StringBuilder();
        for (Check c : report.checks()) {
            sb.append(String.format("%-4s %s - %s%n", c.verdict(), c.id(), c.title().render(locale)));
            for (Evidence e : c.evidence()) {
                sb.append("       ").append(e.source().render(locale)).append(": ").append(e.what().render(locale)).append('\n');
            }
            if (c.action() != null) {
                sb.append("       -> ").append(c.action().render(locale)).append('\n');
            }
        }
        sb.append(report.verdict()).append(" (").append(report.count(Verdict.PASS)).append(" pass, ")
            .append(report.count(Verdict.WARN)).append(" warn, ").append(report.count(Verdict.FAIL)).append(" fail)\n");
        return sb.toString();
    }
}
