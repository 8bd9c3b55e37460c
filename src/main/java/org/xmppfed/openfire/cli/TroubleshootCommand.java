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

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The troubleshooter from a shell, for scripts and monitoring: logs in to a running Openfire's admin
 * console as an administrator, has the plugin run every check, prints the report (text, or JSON with
 * {@code --json}) and exits 0, 1 or 2 for PASS, WARN or FAIL; 3 when no report could be had (the
 * reason on standard error). Only the JDK is used, so it runs from the plugin's library jar:
 * <pre>java -cp plugins/federation/lib/federation-lib.jar org.xmppfed.openfire.cli.TroubleshootCommand
 *     --url http://127.0.0.1:9090 --user admin --password-file /root/of-admin-password</pre>
 * The password comes from a file or the environment variable {@value #PASSWORD_VARIABLE}, never from
 * the command line (where every user of the machine could read it).
 */
public final class TroubleshootCommand {
    static final String PASSWORD_VARIABLE = "FEDERATION_ADMIN_PASSWORD";
    static final int UNKNOWN = 3;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private TroubleshootCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(PASSWORD_VARIABLE), System.out, System.err));
    }

    static int run(String[] args, String passwordFromEnvironment, PrintStream out, PrintStream err) {
        String url = "http://127.0.0.1:9090";
        String user = "admin";
        String password = passwordFromEnvironment;
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i].replaceAll("/+$", "");
                    case "--user" -> user = args[++i];
                    case "--password-file" -> password = Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8).strip();
                    case "--json" -> json = true;
                    default -> {
                        err.println("Unknown option " + args[i] + ". Options: --url <admin console URL> --user <admin> "
                            + "--password-file <file> (or " + PASSWORD_VARIABLE + ") [--json]");
                        return UNKNOWN;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            err.println("Option " + args[args.length - 1] + " needs a value.");
            return UNKNOWN;
        } catch (IOException e) {
            err.println("Could not read the password file: " + e.getMessage());
            return UNKNOWN;
        }
        if (password == null || password.isEmpty()) {
            err.println("No password: give --password-file <file> or set " + PASSWORD_VARIABLE + ".");
            return UNKNOWN;
        }
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> form = http.send(get(url + "/login.jsp"), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(form.body());
            String body = form(Map.of("username", user, "password", password, "login", "true", "csrf", m.find() ? m.group(1) : ""));
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/login.jsp")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("login.jsp")) {
                err.println("Login to " + url + " as " + user + " failed (HTTP " + login.statusCode() + "): check the user name and password.");
                return UNKNOWN;
            }
            HttpResponse<String> report = http.send(get(url + "/plugins/federation/troubleshooter-report.jsp?run=true"
                + (json ? "" : "&format=text")), HttpResponse.BodyHandlers.ofString());
            String verdict = report.headers().firstValue("X-Federation-Verdict").orElse("");
            if (report.statusCode() != 200 || verdict.isEmpty()) {
                err.println("No report from " + url + " (HTTP " + report.statusCode() + "): is the federation plugin 1.3.0 or later installed?");
                return UNKNOWN;
            }
            out.print(report.body());
            out.flush();
            return switch (verdict) {
                case "PASS" -> 0;
                case "WARN" -> 1;
                case "FAIL" -> 2;
                default -> UNKNOWN;
            };
        } catch (IOException | IllegalArgumentException e) {
            err.println("Could not reach " + url + ": " + e.getMessage());
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
            .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }
}
