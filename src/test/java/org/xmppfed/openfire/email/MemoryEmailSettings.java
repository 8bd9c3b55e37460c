package org.xmppfed.openfire.email;

/** The switch in memory, counting the change announcements. */
public final class MemoryEmailSettings implements EmailSettingsStore {
    public boolean enabled;
    public int announcements;

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void announceChange() {
        announcements++;
    }
}
