package org.xmppfed.openfire.openfire;

/** Tells whether a domain is served by this Openfire (its XMPP domain or one of its components). */
@FunctionalInterface
public interface LocalDomains {
    boolean isLocal(String domain);
}
