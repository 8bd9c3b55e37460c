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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small helpers for the suite's files and the programs it needs. */
final class Tools {
    private Tools() {
    }

    /** The path of a program the suite needs, or a failure that says which Debian package has it. */
    static String require(String program, String debianPackage) {
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin"}) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException(program + " not found: install Debian's " + debianPackage + " (apt-get install " + debianPackage + ")");
    }

    static boolean logContains(Path log, String text) {
        return count(log, text) > 0;
    }

    static int count(Path log, String text) {
        if (!Files.exists(log)) {
            return 0;
        }
        try {
            String content = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            int n = 0;
            for (int i = content.indexOf(text); i >= 0; i = content.indexOf(text, i + text.length())) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code log} in which {@code regex} is found. */
    static java.util.List<String> lines(Path log, String regex) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            return all.filter(l -> p.matcher(l).find()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
