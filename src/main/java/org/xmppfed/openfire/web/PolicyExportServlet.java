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

import org.xmppfed.openfire.policy.ExceptionListFormat;
import org.xmppfed.openfire.policy.PolicyException;

/** Downloads the exception list as CSV or JSON (the formats the import reads). */
public final class PolicyExportServlet extends HttpServlet {
    private final Supplier<FederationContext> context;

    public PolicyExportServlet() {
        this(FederationContext::current);
    }

    PolicyExportServlet(Supplier<FederationContext> context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<PolicyException> exceptions = context.get().policy().current().exceptions();
        ListExport.send(request, response, ExceptionListFormat.FORMAT, exceptions, "federation-policy-exceptions");
    }
}
