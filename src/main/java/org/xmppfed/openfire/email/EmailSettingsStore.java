package org.xmppfed.openfire.email;

/**
 * The switch "Use email address when federating" (an Openfire system property in the server), and
 * how the other cluster nodes learn that the email domain list changed.
 */
public interface EmailSettingsStore {
    boolean enabled();

    void setEnabled(boolean enabled);

    /** Tells every node (this one included) that the stored email domains changed. */
    void announceChange();
}
