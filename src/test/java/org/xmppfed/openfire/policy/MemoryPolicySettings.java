package org.xmppfed.openfire.policy;

/** Policy settings kept in memory for tests, counting the change announcements. */
public final class MemoryPolicySettings implements PolicySettingsStore {
    public boolean enabled = true;
    public DefaultPolicy defaultPolicy = DefaultPolicy.DENY;
    public int announcements;

    @Override
    public boolean federationEnabled() {
        return enabled;
    }

    @Override
    public DefaultPolicy defaultPolicy() {
        return defaultPolicy;
    }

    @Override
    public void save(boolean e, DefaultPolicy d) {
        enabled = e;
        defaultPolicy = d;
    }

    @Override
    public void announceChange() {
        announcements++;
    }
}
