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
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.peer.RequestSignature;
import org.xmppfed.openfire.troubleshoot.SnapshotEndpoint;
import org.xmppfed.openfire.troubleshoot.SnapshotJson;

/**
 * {@code peer-api/snapshot}: this cluster's settings snapshot for a registered peer cluster. Not behind
 * the admin login (the plugin excludes the path from it); every request must be signed with a peer's
 * secret instead. Only GET; anything else, or a request that fails the check, gets the same refusal.
 */
public final class PeerSnapshotServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<FederationContext> context;

    public PeerSnapshotServlet() {
        this(FederationContext::current);
    }

    PeerSnapshotServlet(Supplier<FederationContext> context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            answer(request, response);
        } finally {
            MachineRequests.forgetNewSession(request);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SnapshotEndpoint endpoint;
        try {
            endpoint = context.get().service(SnapshotEndpoint.class);
        } catch (IllegalStateException notRunning) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        SnapshotEndpoint.Answer answer = endpoint.get(request.getRemoteAddr(), request.getRequestURI(),
            request.getHeader(RequestSignature.TIMESTAMP), request.getHeader(RequestSignature.NONCE),
            request.getHeader(RequestSignature.SIGNATURE), request.getHeader(SnapshotJson.SCHEMA_HEADER));
        response.setStatus(answer.status());
        response.setContentType("application/json; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
