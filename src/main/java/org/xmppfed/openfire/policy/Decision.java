package org.xmppfed.openfire.policy;

/**
 * The outcome of the policy for one remote domain and one direction of traffic, with the rule
 * that decided it ({@code exception} is null unless {@code reason} is {@link DecisionReason#EXCEPTION}).
 */
public record Decision(boolean allowed, Direction direction, DecisionReason reason, PolicyException exception) {

    /** A short English description of the deciding rule, for logs and error texts. */
    public String ruleDescription(DefaultPolicy defaultPolicy) {
        return switch (reason) {
            case FEDERATION_OFF -> "federation is switched off";
            case EXCEPTION -> "policy exception " + exception.pattern() + " (" + exception.direction() + ")";
            case DEFAULT_POLICY -> "default policy " + defaultPolicy;
            case INVALID_DOMAIN -> "the remote domain is not a valid domain name";
        };
    }
}
