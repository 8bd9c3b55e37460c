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
 * The page templates ({@code src/main/jte}), compiled into the plugin at build time. Loaded with
 * the plugin's own class loader: jte would otherwise take the request thread's context class
 * loader, which is Openfire's and does not see the plugin's classes.
 */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
        Templates.class.getClassLoader(), "org.xmppfed.openfire.web.templates");

    private Templates() {
    }

    static void render(String template, Map<String, Object> params, Writer out) throws IOException {
        ENGINE.render(template, params, new WriterOutput(out));
        out.flush();
    }
}
