package org.xmppfed.openfire.web;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.xmppfed.openfire.email.EmailFederation;
import org.xmppfed.openfire.policy.PolicyCounters;
import org.xmppfed.openfire.policy.PolicyService;

/**
 * What the admin pages work with; the plugin builds it when it starts. {@code services} holds
 * what each running capability publishes for its pages, by type. {@code awaitEnforcement}
 * returns once this node has applied every change made so far to Openfire's own connection
 * settings (which happens off the request thread), bounded.
 */
public record FederationContext(Map<Class<?>, Object> services, AuditLog audit, Supplier<Locale> locale, String hostName,
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

    /** The service a capability published under {@code type}. */
    public <T> T service(Class<T> type) {
        Object s = services.get(type);
        if (s == null) {
            throw new IllegalStateException("The federation capability behind " + type.getSimpleName() + " is not running");
        }
        return type.cast(s);
    }

    public PolicyService policy() {
        return service(PolicyService.class);
    }

    public PolicyCounters counters() {
        return service(PolicyCounters.class);
    }

    public EmailFederation email() {
        return service(EmailFederation.class);
    }
}
