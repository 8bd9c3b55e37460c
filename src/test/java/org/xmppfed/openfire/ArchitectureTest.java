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
package org.xmppfed.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rules that keep the 4.2.0-vs-5.1 API risk in one place and the markup in the templates:
 * only the Openfire adapter (and the plugin class) imports Openfire; no Java source builds HTML.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/xmppfed/openfire");
    private static final Pattern OPENFIRE_IMPORT = Pattern.compile("^import (static )?org\\.jivesoftware\\.", Pattern.MULTILINE);
    private static final Pattern HTML_IN_STRING = Pattern.compile("\"[^\"\\n]*<(td|tr|th|div|table|form|input|span|select|textarea|ul|li|br|p|a|b|h\\d|pre|img|option)[ >/]");

    @Test
    void onlyTheAdapterAndThePluginClassImportOpenfire() throws IOException {
        List<Path> offenders = sources()
            .filter(p -> !p.startsWith(MAIN.resolve("adapter")) && !p.equals(MAIN.resolve("FederationPlugin.java")))
            .filter(p -> OPENFIRE_IMPORT.matcher(read(p)).find())
            .toList();
        assertEquals(List.of(), offenders);
        assertTrue(OPENFIRE_IMPORT.matcher(read(MAIN.resolve("adapter/FederationInterceptor.java"))).find(), "the check sees imports");
    }

    @Test
    void noJavaSourceBuildsHtml() throws IOException {
        List<Path> offenders = sources().filter(p -> HTML_IN_STRING.matcher(read(p)).find()).toList();
        assertEquals(List.of(), offenders);
        assertTrue(HTML_IN_STRING.matcher("x = \"<td>\";").find(), "the check sees markup");
    }

    private static Stream<Path> sources() throws IOException {
        return Files.walk(MAIN).filter(p -> p.toString().endsWith(".java"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
