package org.xmppfed.openfire.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * One exception to the default policy: traffic with domains matching {@code pattern}, in the
 * covered {@code direction}, gets the opposite of the default decision.
 */
public record PolicyException(DomainPattern pattern, Direction direction, Instant created, Instant lastChanged) {
    public PolicyException {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastChanged, "lastChanged");
    }

    public static PolicyException of(String pattern, Direction direction, Instant when) {
        return new PolicyException(DomainPattern.parse(pattern), direction, when, when);
    }
}
