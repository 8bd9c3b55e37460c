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
package org.xmppfed.openfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The command against a stand-in admin console over real HTTP: login with CSRF and cookie, report, exit code. */
class TroubleshootCommandTest {
    private HttpServer server;
    private final AtomicReference<String> verdict = new AtomicReference<>("WARN");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login.jsp", x -> {
            if (x.getRequestMethod().equals("GET")) {
                x.getResponseHeaders().add("Set-Cookie", "JSESSIONID=s1; Path=/");
                answer(x, 200, "<form><input type=\"hidden\" name=\"csrf\" value=\"tok\"/></form>");
                return;
            }
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = body.contains("password=right") && body.contains("csrf=tok")
                && String.valueOf(x.getRequestHeaders().getFirst("Cookie")).contains("JSESSIONID=s1");
            x.getResponseHeaders().add("Location", ok ? "index.jsp" : "login.jsp?login=failed");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/plugins/federation/troubleshooter-report.jsp", x -> {
            x.getResponseHeaders().add("X-Federation-Verdict", verdict.get());
            answer(x, 200, verdict.get() + " dns.xmpp-server.example.org - record\n" + x.getRequestURI().getQuery());
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    private int run(String password, String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "--url";
        args[1] = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return TroubleshootCommand.run(args, password, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theExitCodeIsTheReportsVerdict() {
        assertEquals(1, run("right"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("WARN dns.xmpp-server.example.org"), out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("run=true&format=text"));
        verdict.set("PASS");
        assertEquals(0, run("right"));
        verdict.set("FAIL");
        assertEquals(2, run("right", "--json"));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("run=true"), "JSON asked without format=text");
    }

    @Test
    void aWrongPasswordNoPasswordOrNoServerIsUnknownWithTheReason() throws IOException {
        assertEquals(TroubleshootCommand.UNKNOWN, run("wrong"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Login to"), err.toString(StandardCharsets.UTF_8));
        assertEquals(TroubleshootCommand.UNKNOWN, run(null));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No password"));
        assertEquals(TroubleshootCommand.UNKNOWN, run("right", "--bogus"));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pw", ".txt");
        java.nio.file.Files.writeString(file, "right\n");
        assertEquals(1, run(null, "--password-file", file.toString()), "the password file's trailing newline is ignored");
        java.nio.file.Files.delete(file);
        server.stop(0);
        assertEquals(TroubleshootCommand.UNKNOWN, run("right"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Could not reach"));
    }
}
