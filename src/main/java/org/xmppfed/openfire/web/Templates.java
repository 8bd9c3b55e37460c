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

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;

/**
 * The page templates ({@code src/main/jte}), compiled into the plugin at build time and loaded
 * with the plugin's own class loader. jte's precompiled engine takes the thread's context class
 * loader at creation, whatever loader it is given; on a request thread that is Openfire's admin
 * console loader, which does not see the plugin's classes - so the engine is created with the
 * plugin's loader as the context loader.
 */
final class Templates {
    static final String PACKAGE = "org.xmppfed.openfire.web.templates";
    private static final TemplateEngine ENGINE = create(Templates.class.getClassLoader());

    private Templates() {
    }

    static TemplateEngine create(ClassLoader pluginLoader) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, pluginLoader, PACKAGE);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    static void render(String template, Map<String, Object> params, Writer out) throws IOException {
        ENGINE.render(template, params, new WriterOutput(out));
        out.flush();
    }
}
