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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the DevTools protocol (JDK WebSocket client, no browser
 * driver library): navigate, run JavaScript, take screenshots, collect uncaught page errors.
 */
final class Browser implements AutoCloseable {
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_WS = Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** Uncaught script errors on the plugin's own pages (Openfire's pages are not ours to judge). */
    final List<String> pageErrors = new CopyOnWriteArrayList<>();

    Browser(Path profile) throws Exception {
        String chromium = Tools.require("chromium", "chromium");
        process = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
            .redirectErrorStream(true).start();
        String browserWs = null;
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (browserWs == null && System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            Matcher m = DEVTOOLS.matcher(line);
            if (m.find()) {
                browserWs = m.group(1);
            }
        }
        if (browserWs == null) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not start its DevTools endpoint");
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep Chromium's output pipe flowing
                }
            } catch (IOException closed) {
                // Chromium has exited
            }
        }, "chromium-output");
        drain.setDaemon(true);
        drain.start();
        URI http = URI.create(browserWs.replace("ws://", "http://").replaceAll("/devtools/.*", "/json/list"));
        HttpClient client = HttpClient.newHttpClient();
        String list = client.send(HttpRequest.newBuilder(http).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher page = PAGE_WS.matcher(list);
        if (!page.find()) {
            throw new IllegalStateException("Chromium has no page target: " + list);
        }
        socket = client.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), new Listener()).get(10, TimeUnit.SECONDS);
        call("Page.enable", "{}");
        call("Runtime.enable", "{}");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frame = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                String message = frame.toString();
                frame.setLength(0);
                Matcher id = Pattern.compile("^\\{\"id\":(\\d+),").matcher(message);
                if (id.find()) {
                    CompletableFuture<String> f = pending.remove(Integer.parseInt(id.group(1)));
                    if (f != null) {
                        f.complete(message);
                    }
                } else {
                    events.add(message);
                    if (message.contains("\"Runtime.exceptionThrown\"") && message.contains("/plugins/federation/")) {
                        pageErrors.add(message);
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends one DevTools command and returns its raw JSON answer. */
    String call(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(10, TimeUnit.SECONDS);
        String result = answer.get(30, TimeUnit.SECONDS);
        if (result.contains("\"error\":{")) {
            throw new IllegalStateException(method + " failed: " + result);
        }
        return result;
    }

    /** Opens {@code url} and waits (bounded) until the page has loaded. */
    void open(String url) throws Exception {
        events.clear();
        call("Page.navigate", "{\"url\":" + quote(url) + "}");
        awaitLoad();
    }

    void awaitLoad() {
        Await.require(Duration.ofSeconds(30), "the page to load", () -> events.stream().anyMatch(e -> e.contains("\"Page.loadEventFired\"")));
        events.clear();
    }

    /** Evaluates a JavaScript expression whose value is a string and returns it. */
    String eval(String expression) throws Exception {
        String answer = call("Runtime.evaluate", "{\"expression\":" + quote("String(" + expression + ")") + ",\"returnByValue\":true}");
        int start = answer.indexOf("\"value\":\"");
        if (start < 0) {
            throw new IllegalStateException("No value for " + expression + ": " + answer);
        }
        int from = start + "\"value\":\"".length();
        int end = from;
        while (answer.charAt(end) != '"') {
            end += answer.charAt(end) == '\\' ? 2 : 1;
        }
        return unescape(answer.substring(from, end));
    }

    /** Runs an action that navigates (a click, a form submit) and waits for the new page. */
    void navigateBy(String script) throws Exception {
        events.clear();
        call("Runtime.evaluate", "{\"expression\":" + quote(script) + "}");
        awaitLoad();
    }

    void screenshot(Path file) throws Exception {
        String answer = call("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true}");
        Matcher m = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("No screenshot data");
        }
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(m.group(1)));
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
