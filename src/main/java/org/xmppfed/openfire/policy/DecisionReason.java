package org.xmppfed.openfire.policy;

/** What decided a federation policy decision. */
public enum DecisionReason {
    /** The federation switch is off: nothing crosses. */
    FEDERATION_OFF,
    /** A policy exception covered the domain and direction. */
    EXCEPTION,
    /** No exception covered the domain and direction; the default policy applied. */
    DEFAULT_POLICY,
    /** The remote domain could not be read as a domain name; denied (fail closed). */
    INVALID_DOMAIN
}
