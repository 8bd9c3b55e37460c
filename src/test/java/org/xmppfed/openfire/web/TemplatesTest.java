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

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

class TemplatesTest {
    /**
     * In Openfire a page is rendered on a request thread whose context class loader is the admin
     * console's, which cannot see the plugin's classes; the engine must still find the templates.
     */
    @Test
    void templatesLoadWhenTheThreadsContextLoaderCannotSeeThePlugin() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            TemplateEngine engine = Templates.create(Templates.class.getClassLoader());
            StringOutput out = new StringOutput();
            engine.render("settings.jte", Map.of("page", new Page(Locale.ENGLISH, "T"), "view",
                new SettingsServlet.View(null, "true", "DENY", new FieldErrors(), true, true, 0)), out);
            assertTrue(out.toString().contains("name=\"csrf\" value=\"T\""), out.toString());
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
