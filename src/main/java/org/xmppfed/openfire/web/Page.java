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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.xmppfed.openfire.policy.Messages;

/**
 * What every page template gets besides its own model: the administrator's texts (through the
 * project's message formatting, so {@code ''} in the bundles reads as one apostrophe), the CSRF
 * token for its forms, and value formatting. Templates escape whatever they print from here.
 */
public final class Page {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Locale locale;
    private final String csrf;

    Page(Locale locale, String csrf) {
        this.locale = locale;
        this.csrf = csrf;
    }

    /** The localised text for {@code key} with its arguments filled in (not escaped: the template does). */
    public String t(String key, Object... args) {
        return Messages.format(locale, key, args);
    }

    /** The token Openfire expects in the {@code csrf} field of every POST. */
    public String csrf() {
        return csrf;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** {@code value} encoded for a URL query parameter. */
    public String url(String value) {
        return encode(value);
    }

    /** The one URL encoding of the pages (templates call {@link #url}, servlets this, for their redirects). */
    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
