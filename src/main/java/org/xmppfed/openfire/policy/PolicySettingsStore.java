package org.xmppfed.openfire.policy;

/**
 * Where the scalar policy settings live (Openfire system properties in the server), and how the
 * other cluster nodes learn that the policy changed.
 */
public interface PolicySettingsStore {
    boolean federationEnabled();

    DefaultPolicy defaultPolicy();

    void save(boolean federationEnabled, DefaultPolicy defaultPolicy);

    /** Tells every node (this one included) that the stored policy changed and must be reloaded. */
    void announceChange();
}
