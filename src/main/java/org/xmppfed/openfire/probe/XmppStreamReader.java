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
package org.xmppfed.openfire.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a server sends at the start of an XMPP stream, byte by byte (so nothing is read past
 * the features, where a TLS handshake may follow): the stream header and the stream features, or
 * a stream error. Bounded in size and, through the socket's read time-out, in time.
 */
final class XmppStreamReader {
    static final int MAX = 64 * 1024;
    private static final Pattern HEADER = Pattern.compile("<(?:stream:)?stream\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern FROM = Pattern.compile("\\sfrom\\s*=\\s*['\"]([^'\"]*)['\"]");

    /** What the server sent up to and including its features (or its error, or the end). */
    record Opening(String header, String features, String error) {
        Optional<String> from() {
            Matcher m = FROM.matcher(header == null ? "" : header);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        boolean offers(String text) {
            return features != null && features.contains(text);
        }
    }

    private XmppStreamReader() {
    }

    /** Reads the header and features of a (re)started stream. */
    static Opening opening(InputStream in) throws IOException {
        String text = readUntil(in, s -> s.contains("</stream:features>") || s.contains("<stream:features/>")
            || s.contains("</stream:error>") || s.contains("</stream:stream>"));
        Matcher h = HEADER.matcher(text);
        String header = h.find() ? h.group() : null;
        int f = text.indexOf("<stream:features");
        String features = f < 0 ? null : text.substring(f);
        int e = text.indexOf("<stream:error");
        return new Opening(header, features, e < 0 ? null : text.substring(e));
    }

    /** Reads until the server answers a STARTTLS request: true for proceed, false for failure. */
    static boolean proceed(InputStream in) throws IOException {
        String text = readUntil(in, s -> s.contains("<proceed") || s.contains("<failure") || s.contains("</stream:stream>"));
        return text.contains("<proceed");
    }

    private static String readUntil(InputStream in, java.util.function.Predicate<String> done) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        while (buffer.size() < MAX) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no complete answer within the time-out");
            }
            if (b < 0) {
                break;
            }
            buffer.write(b);
            if (b == '>' && done.test(buffer.toString(StandardCharsets.UTF_8))) {
                break;
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
