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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

/**
 * The fields of a form that may carry a large file. A {@code multipart/form-data} body is read
 * here, up to a limit, because the servlet container's own form parsing is capped (Jetty refuses
 * url-encoded forms above 200 000 bytes) and plugin servlets get no multipart configuration. The
 * CSRF token and the action travel in the query string, where Openfire's check reads them. Any
 * other request's fields are read the usual way.
 */
final class FormUpload {
    private final Map<String, String> fields;
    private final Map<String, byte[]> bytes;

    private FormUpload(Map<String, String> fields, Map<String, byte[]> bytes) {
        this.fields = fields;
        this.bytes = bytes;
    }

    /** A field's bytes as sent (a binary file stays intact); empty when absent. */
    byte[] bytes(String name) {
        byte[] b = bytes.get(name);
        return b == null ? fields.getOrDefault(name, "").getBytes(StandardCharsets.UTF_8) : b.clone();
    }

    /** Thrown when the body is larger than the limit; nothing of it is used. */
    static final class TooLarge extends Exception {
        final long bytes;

        TooLarge(long bytes) {
            super("request body of " + bytes + " bytes");
            this.bytes = bytes;
        }
    }

    String get(String name) {
        return fields.getOrDefault(name, "");
    }

    static FormUpload read(HttpServletRequest request, long maxBytes, String... names) throws IOException, TooLarge {
        String type = request.getContentType();
        Map<String, String> fields = new HashMap<>();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            for (String name : names) {
                String v = request.getParameter(name);
                if (v != null) {
                    fields.put(name, v);
                }
            }
            return new FormUpload(fields, Map.of());
        }
        String boundary = boundaryOf(type);
        byte[] body = readBody(request.getInputStream(), maxBytes);
        Map<String, byte[]> bytes = new HashMap<>();
        parse(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1), fields, bytes);
        return new FormUpload(fields, bytes);
    }

    private static String boundaryOf(String contentType) throws IOException {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase().startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        throw new IOException("multipart request without a boundary");
    }

    /** The whole body, or {@link TooLarge} after reading (and dropping) what the client still sends. */
    private static byte[] readBody(InputStream in, long maxBytes) throws IOException, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total <= maxBytes) {
                out.write(buffer, 0, n);
            } else if (total > 4 * maxBytes) {
                break; // stop reading; the answer says how large it was at least
            }
        }
        if (total > maxBytes) {
            throw new TooLarge(total);
        }
        return out.toByteArray();
    }

    /** RFC 7578: parts separated by the boundary, each with headers, a blank line and its content. */
    private static void parse(byte[] body, byte[] delimiter, Map<String, String> fields, Map<String, byte[]> bytes) {
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 2 <= body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                return; // closing delimiter
            }
            headersStart += 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return;
            }
            int next = indexOf(body, delimiter, headersEnd + 4);
            if (next < 0) {
                return;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            String name = dispositionParameter(headers, "name");
            if (name != null) {
                int contentEnd = Math.max(headersEnd + 4, next - 2); // CRLF before the delimiter
                fields.put(name, new String(body, headersEnd + 4, contentEnd - headersEnd - 4, StandardCharsets.UTF_8));
                bytes.put(name, Arrays.copyOfRange(body, headersEnd + 4, contentEnd));
                String file = dispositionParameter(headers, "filename");
                if (file != null) {
                    fields.put(name + ".filename", file);
                }
            }
            at = next;
        }
    }

    private static String dispositionParameter(String headers, String parameter) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase().startsWith("content-disposition:")) {
                continue;
            }
            String key = parameter + "=\"";
            int i = line.indexOf("; " + key);
            if (i < 0) {
                i = line.indexOf(";" + key);
                if (i < 0) {
                    return null;
                }
                i += 1;
            } else {
                i += 2;
            }
            int start = i + key.length();
            int end = line.indexOf('"', start);
            return end < 0 ? null : line.substring(start, end);
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
