package org.xmppfed.openfire.policy;

/**
 * Which traffic a policy exception covers, and, for a single stanza, which way it travels.
 * A stanza is always {@link #INCOMING} (from a federated domain) or {@link #OUTGOING} (to one);
 * an exception may cover one of those or {@link #BOTH}.
 */
public enum Direction {
    BOTH, INCOMING, OUTGOING;

    /** The two directions a single stanza can travel in. */
    public static final Direction[] TRAFFIC = {INCOMING, OUTGOING};

    /** Whether an exception with this direction applies to a stanza travelling {@code traffic}. */
    public boolean covers(Direction traffic) {
        return this == BOTH || this == traffic;
    }

    /** Parses the administrator's spelling (case-insensitive, surrounding blanks ignored). */
    public static Direction parse(String text) {
        if (text != null) {
            String t = text.trim();
            for (Direction d : values()) {
                if (t.matches("[A-Za-z]+") && d.name().equalsIgnoreCase(t)) {
                    return d;
                }
            }
        }
        throw new InvalidInputException("policy.error.direction", text == null ? "" : text.trim());
    }
}
