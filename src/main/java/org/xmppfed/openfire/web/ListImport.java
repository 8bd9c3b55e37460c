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
package org.xmppfed.openfire.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;

import org.xmppfed.openfire.policy.EntryListFormat;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Messages;
import org.xmppfed.openfire.policy.PolicyService.ImportMode;

/**
 * The import of a list through an admin page - policy exceptions, static routes - in one place:
 * the form (a file upload of up to {@link #MAX_IMPORT_BYTES}, or pasted text, in a multipart
 * body; format and mode), the parsing with every bad line reported next to the field, and the
 * previewed imports kept on the server for {@link #PENDING_FOR}, so that "Apply" sends only an id,
 * never the file again.
 */
final class ListImport<T> {
    /** Largest import accepted: 25 MB, about 800 000 lines of CSV. */
    static final long MAX_IMPORT_BYTES = 25L * 1024 * 1024;
    /** Lines of each preview list shown; the counts above them are complete. */
    static final int PREVIEW_LINES = 200;
    /** Line errors shown; the count above them is complete. */
    static final int ERRORS_SHOWN = 1000;
    static final Duration PENDING_FOR = Duration.ofMinutes(30);
    private static final int MAX_PENDING = 8;

    /** A previewed import waiting for "Apply". */
    record Pending<T>(List<T> entries, ImportMode mode, Instant expires) {
    }

    /** What "Apply" imports, or why there is nothing to import ({@code refusal}, for the page). */
    record Apply<T>(List<T> entries, ImportMode mode, String refusal) {
    }

    /** The import form as the administrator filled it in, kept for the page when it is shown again. */
    static final class Form {
        String format = "CSV";
        String mode = "MERGE";
        String content = "";
        int errorCount;
    }

    private final Supplier<EntryListFormat<T>> format;
    private final Map<String, Pending<T>> pending = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** {@code format}: asked at every import, as it may depend on the running capability. */
    ListImport(Supplier<EntryListFormat<T>> format) {
        this.format = format;
    }

    /**
     * Reads the import form into {@code form} and parses it: the entries, or null with the reasons
     * in {@code errors} (fields "file", "content", "format", "mode").
     */
    List<T> read(HttpServletRequest request, Form form, FieldErrors errors, Locale locale) throws IOException {
        FormUpload upload;
        try {
            upload = FormUpload.read(request, MAX_IMPORT_BYTES, "format", "mode", "content");
        } catch (FormUpload.TooLarge e) {
            errors.add("file", Messages.format(locale, "import.error.too-large", megabytes(e.bytes), megabytes(MAX_IMPORT_BYTES)));
            return null;
        }
        form.format = upload.get("format");
        form.mode = upload.get("mode");
        String file = upload.get("file");
        String text = file.isEmpty() ? upload.get("content") : file;
        if (file.isEmpty() && text.length() <= 100_000) {
            form.content = text; // a pasted list is kept in the form; a file is not copied into the page
        }
        try {
            EntryListFormat.Format f = EntryListFormat.Format.parse(form.format);
            ImportMode.valueOf(form.mode);
            EntryListFormat.Parsed<T> parsed = format.get().parse(f, text, Instant.now());
            if (parsed.ok() && parsed.entries().isEmpty() && !"REPLACE".equals(form.mode)) {
                errors.add("content", Messages.format(locale, "import.error.empty"));
            }
            form.errorCount = parsed.errors().size();
            for (EntryListFormat.LineError error : parsed.errors().subList(0, Math.min(ERRORS_SHOWN, parsed.errors().size()))) {
                errors.add("content", error.message(locale));
            }
            return errors.isEmpty() ? parsed.entries() : null;
        } catch (InvalidInputException e) {
            errors.add("format", e.message(locale));
        } catch (IllegalArgumentException e) {
            errors.add("mode", Messages.format(locale, "import.error.mode"));
        }
        return null;
    }

    /**
     * What "Apply" imports: the previewed list kept under the form's {@code importId}, or the posted
     * list read now (its problems in {@code errors}); a refusal when the preview expired or the list
     * has errors.
     */
    Apply<T> toApply(HttpServletRequest request, Form form, FieldErrors errors, Locale locale) throws IOException {
        String id = request.getParameter("importId");
        if (id != null && !id.isBlank()) {
            Pending<T> previewed = take(id.strip());
            return previewed == null ? new Apply<>(List.of(), null, Messages.format(locale, "import.error.expired"))
                : new Apply<>(previewed.entries(), previewed.mode(), null);
        }
        List<T> entries = read(request, form, errors, locale);
        return entries == null ? new Apply<>(List.of(), null, Messages.format(locale, "import.rejected", Math.max(1, form.errorCount)))
            : new Apply<>(entries, ImportMode.valueOf(form.mode), null);
    }

    synchronized String remember(List<T> entries, ImportMode mode) {
        Instant now = Instant.now();
        pending.values().removeIf(old -> old.expires().isBefore(now));
        Iterator<String> oldest = pending.keySet().iterator();
        while (pending.size() >= MAX_PENDING && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        pending.put(id, new Pending<>(entries, mode, now.plus(PENDING_FOR)));
        return id;
    }

    /** The previewed import {@code id}, once; null when it expired or was applied already. */
    synchronized Pending<T> take(String id) {
        Pending<T> p = pending.remove(id);
        return p == null || p.expires().isBefore(Instant.now()) ? null : p;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** The first {@link #PREVIEW_LINES} lines of a preview list, and how many there are in all. */
    static final class Lines {
        final List<String> first = new ArrayList<>();
        int count;

        void add(String line) {
            if (count++ < PREVIEW_LINES) {
                first.add(line);
            }
        }
    }
}
