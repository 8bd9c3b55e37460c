package org.xmppfed.openfire.policy;

/** What happens to federated traffic that no policy exception covers. */
public enum DefaultPolicy {
    /** Everything is allowed except what an exception denies. */
    ALLOW,
    /** Nothing is allowed except what an exception allows ("lockdown"). */
    DENY;

    public boolean allows() {
        return this == ALLOW;
    }

    /** Parses the administrator's spelling; unknown text is rejected with a message. */
    public static DefaultPolicy parse(String text) {
        if (text != null) {
            String t = text.trim();
            for (DefaultPolicy p : values()) {
                if (t.matches("[A-Za-z]+") && p.name().equalsIgnoreCase(t)) {
                    return p;
                }
            }
        }
        throw new InvalidInputException("settings.error.default-policy", text == null ? "" : text.trim());
    }
}
