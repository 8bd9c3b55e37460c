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
package org.xmppfed.openfire.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin console driven over HTTP as an administrator's browser does: log in, load a page,
 * take its CSRF token, post the form.
 */
final class AdminConsole {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    /** One answer of the console. */
    record Page(int status, String body, String location) {
    }

    private final String base;
    private final HttpClient http;

    AdminConsole(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void login(String password) {
        Page form = get("login.jsp");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", "admin");
        fields.put("password", password);
        fields.put("login", "true");
        fields.put("csrf", csrf(form));
        Page result = send("login.jsp", fields);
        if (result.status() != 302 || result.location().contains("login.jsp")) {
            throw new AssertionError("Admin login failed: " + result.status() + " " + result.location());
        }
    }

    /** The admin console's address, e.g. http://127.0.0.5:9090. */
    String base() {
        return base;
    }

    Page get(String path) {
        return request(HttpRequest.newBuilder(URI.create(base + "/" + path)).GET());
    }

    /** Loads {@code page} for its CSRF token, then posts {@code fields} to it (as the page's form does). */
    Page post(String page, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf(get(page.contains("?") ? page : page)));
        return send(page.replaceAll("\\?.*", ""), all);
    }

    /**
     * Posts a form with a file as the page's multipart form does: the CSRF token and {@code query}
     * in the URL, {@code fields} and the file in a {@code multipart/form-data} body.
     */
    Page postFile(String page, String query, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String token = csrf(get(page));
        String boundary = "----federation-e2e-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(content.length + 1024);
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
            + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request(HttpRequest.newBuilder(URI.create(base + "/" + page + "?" + query + "&csrf=" + enc(token)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), Duration.ofSeconds(120));
    }

    /** Sets an Openfire system property through Server → System Properties. */
    void setSystemProperty(String key, String value) {
        Page r = post("server-properties.jsp", Map.of("action", "save", "key", key, "value", value, "encrypt", "false"));
        if (r.status() != 302) {
            throw new AssertionError("Could not set " + key + ": HTTP " + r.status());
        }
    }

    private Page send(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return request(HttpRequest.newBuilder(URI.create(base + "/" + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private Page request(HttpRequest.Builder b) {
        return request(b, Duration.ofSeconds(30));
    }

    private Page request(HttpRequest.Builder b, Duration timeout) {
        try {
            HttpResponse<String> r = http.send(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new AssertionError("Admin console request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String csrf(Page page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No CSRF token on the page (HTTP " + page.status() + ")");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
