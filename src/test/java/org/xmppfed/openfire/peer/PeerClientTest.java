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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The client against a real HTTP server on loopback that answers the ways a wrong URL or a broken peer does. */
class PeerClientTest {
    private HttpServer server;
    private final AtomicReference<String> signaturePath = new AtomicReference<>();
    private final PeerClient client = new PeerClient(Clock.systemUTC(), 2 * 1024 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(4));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/json/peer-api/snapshot", x -> {
            signaturePath.set(x.getRequestHeaders().getFirst(RequestSignature.SIGNATURE) + " " + x.getRequestURI().getRawPath());
            answer(x, 200, "application/json", "{\"schema\":1}");
        });
        server.createContext("/html/peer-api/snapshot", x -> answer(x, 200, "text/html", "<html><body>Login</body></html>"));
        server.createContext("/sneaky-html/peer-api/snapshot", x -> answer(x, 200, "application/json", "  <!DOCTYPE html><html>"));
        server.createContext("/big/peer-api/snapshot", x -> {
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = x.getResponseBody()) {
                byte[] mb = new byte[1024 * 1024];
                java.util.Arrays.fill(mb, (byte) ' ');
                for (int i = 0; i < 20; i++) {
                    out.write(mb);
                }
            } catch (IOException closedByClient) {
                // the client stopped reading: what it should do
            }
        });
        server.createContext("/announced-big/peer-api/snapshot", x -> {
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, 20L * 1024 * 1024);
            x.close();
        });
        server.createContext("/refuse/peer-api/snapshot", x -> answer(x, 401, "application/json", "{\"error\":\"refused\"}"));
        server.createContext("/redirect/peer-api/snapshot", x -> {
            x.getResponseHeaders().set("Location", "https://elsewhere.example/login.jsp");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/text/peer-api/snapshot", x -> answer(x, 200, "text/plain", "hello"));
        server.createContext("/slow/peer-api/snapshot", x -> {
            try {
                Thread.sleep(6000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, "application/json", "{}");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private PeerClient.Reply ask(String base) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + base;
        return client.get(new PeerCluster(1, "p", url, "shared-secret-0123456789", Instant.now(), Instant.now()), "peer-api/snapshot");
    }

    @Test
    void aJsonAnswerComesBackWholeAndTheRequestIsSignedOverItsPath() {
        PeerClient.Reply r = ask("json");
        assertTrue(r.ok(), String.valueOf(r.problemKey()));
        assertArrayEquals("{\"schema\":1}".getBytes(StandardCharsets.UTF_8), r.body());
        assertTrue(signaturePath.get().matches("[0-9a-f]{64} /json/peer-api/snapshot"), signaturePath.get());
    }

    @Test
    void everyWrongAnswerIsAReasonNotAnException() {
        assertEquals("peers.link.html", ask("html").problemKey());
        assertEquals("peers.link.html", ask("sneaky-html").problemKey());
        assertEquals("peers.link.too-large", ask("big").problemKey());
        assertEquals("peers.link.too-large", ask("announced-big").problemKey());
        assertEquals("peers.link.refused", ask("refuse").problemKey());
        PeerClient.Reply redirect = ask("redirect");
        assertEquals("peers.link.redirect", redirect.problemKey());
        assertTrue(redirect.problemArgs().contains("https://elsewhere.example/login.jsp"));
        assertEquals("peers.link.not-json", ask("text").problemKey());
        assertEquals("peers.link.not-found", ask("missing").problemKey());
    }

    @Test
    void aPeerThatDoesNotAnswerInTimeIsATimeout() {
        assertEquals("peers.link.timeout", ask("slow").problemKey());
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        PeerClient.Reply r = client.get(new PeerCluster(1, "p", "http://127.0.0.1:" + closed + "/plugins/federation",
            "shared-secret-0123456789", Instant.now(), Instant.now()), "peer-api/snapshot");
        assertEquals("peers.link.unreachable", r.problemKey());
    }
}
