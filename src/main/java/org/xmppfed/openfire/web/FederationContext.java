package org.xmppfed.openfire.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.xmppfed.openfire.email.EmailFederation;

import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyService;

/**
 * What the admin pages work with; the plugin builds it when it starts. {@code awaitEnforcement}
 * returns once this node has applied every change made so far to Openfire's own connection
 * settings (which happens off the request thread), bounded.
 */
public record FederationContext(PolicyService policy, PolicyCounters counters, AuditLog audit, Supplier<Locale> locale,
                                EmailFederation email, Runnable rereadUsers, String hostName,
                                Runnable awaitEnforcement) {

    private static volatile FederationContext current;

    /** Published by the plugin on start, withdrawn on stop. */
    public static void publish(FederationContext context) {
        current = context;
    }

    public static FederationContext current() {
        FederationContext c = current;
        if (c == null) {
            throw new IllegalStateException("The federation plugin is not running");
        }
        return c;
    }
}
