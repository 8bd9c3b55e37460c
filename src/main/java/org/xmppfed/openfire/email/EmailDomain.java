package org.xmppfed.openfire.email;

import java.time.Instant;

/**
 * One email domain as the administrator sees it: system-managed while users have addresses in it
 * (read only), administrator-managed otherwise.
 *
 * @param users how many users have a well-formed address in the domain
 * @param recorded when the plugin first recorded the domain, or {@code null} if not yet
 */
public record EmailDomain(String name, Kind kind, int users, Instant recorded) {
    public enum Kind { SYSTEM, ADMINISTRATOR }
}
