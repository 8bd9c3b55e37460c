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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventQuery;
import org.xmppfed.openfire.policy.DomainNames;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Messages;

/**
 * The event log's filters as the administrator typed them (kept for the form), read once for
 * the page and the CSV download alike: times as {@code YYYY-MM-DD} or {@code YYYY-MM-DD HH:MM[:SS]}
 * in the server's time zone (a "to" date without a time includes that whole day), a remote
 * domain, a kind and a node. Errors are per field.
 */
record EventFilters(String from, String to, String domain, String kind, String node, FieldErrors errors, EventQuery query) {
    static final int MAX_NODE_CHARS = 255;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    static EventFilters read(HttpServletRequest request, Locale locale, ZoneId zone) {
        String from = param(request, "from");
        String to = param(request, "to");
        String domain = param(request, "domain");
        String kind = param(request, "kind");
        String node = param(request, "node");
        FieldErrors errors = new FieldErrors();
        Instant fromTime = time(from, false, zone, "from", errors, locale);
        Instant toTime = time(to, true, zone, "to", errors, locale);
        if (fromTime != null && toTime != null && !toTime.isAfter(fromTime)) {
            errors.add("to", Messages.format(locale, "events.error.range"));
        }
        String domainName = null;
        if (!domain.isEmpty()) {
            try {
                domainName = DomainNames.normalise(domain);
            } catch (InvalidInputException e) {
                errors.add("domain", e.message(locale));
            }
        }
        EventKind eventKind = null;
        if (!kind.isEmpty()) {
            eventKind = EventKind.parse(kind);
            if (eventKind == null) {
                errors.add("kind", Messages.format(locale, "events.error.kind", kind));
            }
        }
        if (node.length() > MAX_NODE_CHARS) {
            errors.add("node", Messages.format(locale, "events.error.node", MAX_NODE_CHARS));
        }
        EventQuery query = errors.isEmpty() ? new EventQuery(fromTime, toTime, domainName, eventKind, node, 0, 0) : null;
        return new EventFilters(from, to, domain, kind, node, errors, query);
    }

    /** The filters as URL parameters (for the pager and the download link). */
    String asParameters(Page page) {
        return "from=" + page.url(from) + "&to=" + page.url(to) + "&domain=" + page.url(domain) + "&kind=" + page.url(kind)
            + "&node=" + page.url(node);
    }

    private static Instant time(String text, boolean endOfRange, ZoneId zone, String field, FieldErrors errors, Locale locale) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            LocalDateTime t = LocalDateTime.parse(text.replace('T', ' '), text.length() == 16 ? MINUTES : SECONDS);
            return t.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, Messages.format(locale, "events.error.time", text));
            return null;
        }
    }

    private static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }
}
