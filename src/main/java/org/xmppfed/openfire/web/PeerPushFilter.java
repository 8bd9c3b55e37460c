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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.peer.RequestSignature;
import org.xmppfed.openfire.sync.PushEndpoint;

/**
 * {@code peer-api/push}: a registered peer cluster's push of federation settings (see
 * {@link PushEndpoint}). A filter rather than a servlet: Openfire's plugin servlet demands the admin
 * console's CSRF token on every POST to a plugin, which a peer cannot have; every push is signed with
 * the peer's secret instead (body included). Not behind the admin login either (the plugin excludes
 * the path). Only POST; anything else gets 405. The body is read up to {@link PushEndpoint#MAX_BODY}.
 */
public final class PeerPushFilter implements Filter {
    private final Supplier<FederationContext> context;

    public PeerPushFilter() {
        this(FederationContext::current);
    }

    PeerPushFilter(Supplier<FederationContext> context) {
        this.context = context;
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("Cache-Control", "no-store");
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        PushEndpoint endpoint;
        try {
            endpoint = context.get().service(PushEndpoint.class);
        } catch (IllegalStateException notRunning) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        byte[] body = request.getContentLengthLong() > PushEndpoint.MAX_BODY ? null : readBounded(request.getInputStream());
        PushEndpoint.Answer answer = body == null ? PushEndpoint.tooLarge()
            : endpoint.post(request.getRemoteAddr(), request.getRequestURI(), request.getHeader(RequestSignature.TIMESTAMP),
                request.getHeader(RequestSignature.NONCE), request.getHeader(RequestSignature.SIGNATURE), body);
        response.setStatus(answer.status());
        response.setContentType("application/json; charset=UTF-8");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** The whole body, or {@code null} when it is larger than a push may be. */
    static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > PushEndpoint.MAX_BODY) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
