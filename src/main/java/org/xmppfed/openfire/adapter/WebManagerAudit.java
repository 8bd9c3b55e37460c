package org.xmppfed.openfire.adapter;

import javax.servlet.http.HttpServletRequest;

import org.jivesoftware.util.WebManager;
import org.xmppfed.openfire.web.AuditLog;

/** Admin changes go to Openfire's admin audit log, attributed to the logged-in administrator. */
public final class WebManagerAudit implements AuditLog {
    @Override
    public void record(HttpServletRequest request, String summary, String details) {
        WebManager web = new WebManager();
        web.init(request, null, request.getSession(), request.getServletContext());
        web.logEvent(summary, details);
    }
}
