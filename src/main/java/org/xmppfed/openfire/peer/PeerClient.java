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
package org.xmppfed.openfire.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLException;

/**
 * Asks a peer cluster's plugin over HTTP(S), signed with the shared secret, and never waits or reads
 * without bound: connect and read time-outs, a deadline for the whole answer, a size limit, no
 * redirects. Whatever goes wrong comes back as a {@link Reply} with a message key that says what
 * happened and what to do, never as an exception.
 */
public final class PeerClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    /** The largest answer read: 100 000 exceptions are about 4 MB of JSON. */
    public static final int MAX_BODY = 8 * 1024 * 1024;

    /** A peer's answer: the body of a 200 JSON answer, or what went wrong (key and arguments). */
    public record Reply(byte[] body, String problemKey, List<String> problemArgs) {
        public boolean ok() {
            return problemKey == null;
        }

        static Reply problem(String key, String... args) {
            return new Reply(null, key, List.of(args));
        }
    }

    private final Clock clock;
    private final int maxBody;
    private final Duration readTimeout;
    private final Duration deadline;

    public PeerClient(Clock clock) {
        this(clock, MAX_BODY, READ_TIMEOUT, DEADLINE);
    }

    /** A client that waits longer for each answer (a peer applying a large push of settings), still bounded. */
    public static PeerClient withTimeouts(Clock clock, Duration readTimeout, Duration deadline) {
        return new PeerClient(clock, MAX_BODY, readTimeout, deadline);
    }

    PeerClient(Clock clock, int maxBody, Duration readTimeout, Duration deadline) {
        this.clock = clock;
        this.maxBody = maxBody;
        this.readTimeout = readTimeout;
        this.deadline = deadline;
    }

    public Reply get(PeerCluster peer, String endpoint) {
        return exchange(peer, "GET", endpoint, null, Map.of());
    }

    /** A GET with extra request headers (not signed: they may only choose how the answer is encoded). */
    public Reply get(PeerCluster peer, String endpoint, Map<String, String> headers) {
        return exchange(peer, "GET", endpoint, null, headers);
    }

    public Reply post(PeerCluster peer, String endpoint, byte[] body) {
        return exchange(peer, "POST", endpoint, body, Map.of());
    }

    private Reply exchange(PeerCluster peer, String method, String endpoint, byte[] body, Map<String, String> headers) {
        String url = peer.endpoint(endpoint);
        long until = System.nanoTime() + deadline.toNanos();
        HttpURLConnection c = null;
        try {
            URI uri = URI.create(url);
            c = (HttpURLConnection) uri.toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            c.setReadTimeout((int) readTimeout.toMillis());
            c.setRequestMethod(method);
            long time = clock.instant().getEpochSecond();
            String nonce = RequestSignature.nonce();
            c.setRequestProperty(RequestSignature.TIMESTAMP, Long.toString(time));
            c.setRequestProperty(RequestSignature.NONCE, nonce);
            c.setRequestProperty(RequestSignature.SIGNATURE,
                RequestSignature.sign(peer.secret(), method, uri.getRawPath(), time, nonce, body));
            c.setRequestProperty("Accept", "application/json");
            headers.forEach(c::setRequestProperty);
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            if (status >= 300 && status < 400) {
                String location = c.getHeaderField("Location");
                return Reply.problem("peers.link.redirect", url, location == null ? "" : location);
            }
            if (status == 401 || status == 403) {
                return Reply.problem("peers.link.refused", url);
            }
            if (status == 404) {
                return Reply.problem("peers.link.not-found", url);
            }
            if (status != 200) {
                return Reply.problem("peers.link.status", url, Integer.toString(status));
            }
            String type = c.getContentType() == null ? "" : c.getContentType().toLowerCase(Locale.ROOT);
            if (type.contains("html")) {
                return Reply.problem("peers.link.html", url);
            }
            if (c.getContentLengthLong() > maxBody) {
                return Reply.problem("peers.link.too-large", url, Long.toString(maxBody / (1024 * 1024)));
            }
            byte[] read;
            try (InputStream in = c.getInputStream()) {
                read = readBounded(in, until);
            }
            if (read == null) {
                return Reply.problem("peers.link.too-large", url, Long.toString(maxBody / (1024 * 1024)));
            }
            if (startsLikeHtml(read)) {
                return Reply.problem("peers.link.html", url);
            }
            if (!type.contains("json")) {
                return Reply.problem("peers.link.not-json", url, type.isEmpty() ? "-" : type);
            }
            return new Reply(read, null, List.of());
        } catch (DeadlineException e) {
            return Reply.problem("peers.link.timeout", url, Long.toString(deadline.getSeconds()));
        } catch (SocketTimeoutException e) {
            return Reply.problem("peers.link.timeout", url, Long.toString(readTimeout.getSeconds()));
        } catch (UnknownHostException e) {
            return Reply.problem("peers.link.unknown-host", url, String.valueOf(e.getMessage()));
        } catch (ConnectException | NoRouteToHostException e) {
            return Reply.problem("peers.link.unreachable", url, String.valueOf(e.getMessage()));
        } catch (SSLException e) {
            return Reply.problem("peers.link.tls", url, String.valueOf(e.getMessage()));
        } catch (IOException | IllegalArgumentException e) {
            return Reply.problem("peers.link.failed", url, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static final class DeadlineException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The whole body, or {@code null} when it is larger than allowed. */
    private byte[] readBounded(InputStream in, long until) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > maxBody) {
                return null;
            }
            out.write(buffer, 0, n);
            if (System.nanoTime() > until) {
                throw new DeadlineException();
            }
        }
        return out.toByteArray();
    }

    private static boolean startsLikeHtml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }
}
