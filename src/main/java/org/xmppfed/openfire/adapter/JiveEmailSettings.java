package org.xmppfed.openfire.adapter;

import java.util.Set;

import org.jivesoftware.util.JiveGlobals;
import org.xmppfed.openfire.email.EmailSettingsStore;

/**
 * The email switch as an Openfire system property, and a revision property bumped after every
 * change of the email domain list (which lives in the database). A change of either - on any
 * node, or by hand in System Properties - makes every node reload.
 */
final class JiveEmailSettings extends WatchedProperties implements EmailSettingsStore {
    static final String ENABLED = "plugin.federation.email.enabled";
    static final String REVISION = "plugin.federation.email.revision";

    JiveEmailSettings(Runnable reload) {
        super(REVISION, Set.of(ENABLED), reload);
    }

    @Override
    public boolean enabled() {
        return JiveGlobals.getBooleanProperty(ENABLED, false);
    }

    @Override
    public void setEnabled(boolean enabled) {
        JiveGlobals.setProperty(ENABLED, Boolean.toString(enabled));
    }
}
