package org.xmppfed.openfire.web;

import javax.servlet.http.HttpServletRequest;

/** Records an administrator's change in Openfire's admin audit log. */
@FunctionalInterface
public interface AuditLog {
    void record(HttpServletRequest request, String summary, String details);
}
