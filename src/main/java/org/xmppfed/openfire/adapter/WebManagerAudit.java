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
package org.xmppfed.openfire.adapter;

import javax.servlet.http.HttpServletRequest;

import org.jivesoftware.openfire.auth.AuthToken;
import org.jivesoftware.util.WebManager;
import org.xmppfed.openfire.events.EventKind;
import org.xmppfed.openfire.events.EventLog;
import org.xmppfed.openfire.web.AuditLog;

/**
 * Admin changes go to Openfire's admin audit log, attributed to the logged-in administrator, and
 * to the federation event log as {@link EventKind#SETTINGS_CHANGED} with the administrator's user
 * name and the pages' own summary and before/after details (which never carry a secret).
 */
public final class WebManagerAudit implements AuditLog {
    /** Openfire's admin audit log: records the change and says who is logged in (or {@code null}). */
    @FunctionalInterface
    interface OpenfireAudit {
        String logAndName(HttpServletRequest request, String summary, String details);
    }

    private final OpenfireAudit openfire;
    private final EventLog events;

    public WebManagerAudit(EventLog events) {
        this(WebManagerAudit::throughWebManager, events);
    }

    WebManagerAudit(OpenfireAudit openfire, EventLog events) {
        this.openfire = openfire;
        this.events = events;
    }

    @Override
    public void record(HttpServletRequest request, String summary, String details) {
        String admin = openfire.logAndName(request, summary, details);
        events.record(EventKind.SETTINGS_CHANGED, null, summary, details, admin);
    }

    @Override
    public void record(HttpServletRequest request, EventKind kind, String remoteDomain, String summary, String details) {
        String admin = openfire.logAndName(request, summary, details);
        events.record(kind, remoteDomain, summary, details, admin);
    }

    private static String throughWebManager(HttpServletRequest request, String summary, String details) {
        WebManager web = new WebManager();
        web.init(request, null, request.getSession(), request.getServletContext());
        web.logEvent(summary, details);
        AuthToken admin = web.getAuthToken();
        return admin == null ? null : admin.getUsername();
    }
}
