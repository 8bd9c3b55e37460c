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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every translation has exactly the English keys, with the same message arguments. */
class TranslationsTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @Test
    void germanHasTheEnglishKeysAndArguments() throws IOException {
        Properties en = load("federation_i18n.properties");
        Properties de = load("federation_i18n_de.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(de.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(arguments(en.getProperty(key)), arguments(de.getProperty(key)), "arguments of " + key);
        }
        assertTrue(en.size() > 100, "the English file was read");
    }

    private static Set<String> arguments(String message) {
        Set<String> result = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(message);
        while (m.find()) {
            result.add(m.group(1));
        }
        return result;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the test class path");
            }
            p.load(in);
        }
        return p;
    }
}
