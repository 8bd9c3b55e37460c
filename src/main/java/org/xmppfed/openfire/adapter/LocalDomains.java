package org.xmppfed.openfire.adapter;

/** Tells whether a domain is served by this Openfire (its XMPP domain or one of its components). */
@FunctionalInterface
public interface LocalDomains {
    boolean isLocal(String domain);
}
