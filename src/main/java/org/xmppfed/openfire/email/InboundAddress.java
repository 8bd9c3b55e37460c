package org.xmppfed.openfire.email;

/**
 * What to do with a federated stanza's recipient while email addresses are in use.
 *
 * @param username the local user it belongs to ({@link Kind#DELIVER}, {@link Kind#NATIVE_HIDDEN})
 */
public record InboundAddress(Kind kind, String username) {
    public enum Kind {
        /** Not an email address nor a hidden native one: route as usual. */
        UNCHANGED,
        /** An email address: deliver to this user's native JID. */
        DELIVER,
        /** The native JID of a user who federates by email: drop and log. */
        NATIVE_HIDDEN,
        /** An address in an email domain that belongs to nobody: answer with an error, never relay. */
        UNKNOWN,
        /** The email domain itself (no user part): answer for it, never relay. */
        DOMAIN
    }

    static final InboundAddress UNCHANGED = new InboundAddress(Kind.UNCHANGED, null);
    static final InboundAddress UNKNOWN = new InboundAddress(Kind.UNKNOWN, null);
    static final InboundAddress DOMAIN = new InboundAddress(Kind.DOMAIN, null);
}
