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
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.policy.EntryListFormat;

/** A list downloaded as a file, CSV or JSON ({@code ?format=json}), in the format its import reads. */
final class ListExport {
    private ListExport() {
    }

    static <T> void send(HttpServletRequest request, HttpServletResponse response, EntryListFormat<T> format, List<T> entries,
                         String fileName) throws IOException {
        boolean json = "json".equalsIgnoreCase(request.getParameter("format"));
        response.setCharacterEncoding("UTF-8");
        response.setContentType(json ? "application/json" : "text/csv");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "." + (json ? "json" : "csv") + "\"");
        response.getWriter().write(json ? format.toJson(entries) : format.toCsv(entries));
    }
}
