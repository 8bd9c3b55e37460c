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
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.route.RouteListFormat;
import org.xmppfed.openfire.route.RouteService;
import org.xmppfed.openfire.route.StaticRoute;

/** Downloads the static routes as CSV or JSON (the formats the import reads). */
public final class RoutesExportServlet extends HttpServlet {
    private final Supplier<FederationContext> context;

    public RoutesExportServlet() {
        this(FederationContext::current);
    }

    RoutesExportServlet(Supplier<FederationContext> context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<StaticRoute> routes = context.get().service(RouteService.class).current().routes();
        ListExport.send(request, response, RouteListFormat.FORMAT, routes, "federation-static-routes");
    }
}
