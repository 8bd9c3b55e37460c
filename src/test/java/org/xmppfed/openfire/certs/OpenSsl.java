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
package org.xmppfed.openfire.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * OpenSSL (Debian's {@code openssl}) as a second, independent parser of what the plugin makes.
 * Tests that need it are skipped, with a message saying so, where it is not installed.
 */
final class OpenSsl {
    private OpenSsl() {
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || onPath(),
            "OpenSSL is not installed: the second-parser checks of CSRs and certificates are SKIPPED (apt-get install openssl)");
    }

    private static boolean onPath() {
        try {
            return run(List.of("openssl", "version"), null).startsWith("OpenSSL");
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code openssl req -verify -text} of a PEM request: its output (stdout and stderr), or a failure when it refuses it. */
    static String request(String pem) throws IOException {
        return onFile(pem, "req", "-noout", "-verify", "-text");
    }

    /** {@code openssl x509 -text} of a PEM certificate. */
    static String certificate(String pem) throws IOException {
        return onFile(pem, "x509", "-noout", "-text");
    }

    private static String onFile(String pem, String... args) throws IOException {
        Path file = Files.createTempFile("federation-openssl", ".pem");
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            List<String> command = new ArrayList<>(List.of("openssl"));
            command.addAll(List.of(args));
            command.addAll(List.of("-in", file.toString()));
            return run(command, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String run(List<String> command, Path file) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl did not finish in 30 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("openssl refused it (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }
}
