package org.xmppfed.openfire.openfire;

import java.util.Map;
import java.util.UUID;

import org.jivesoftware.util.JiveGlobals;
import org.jivesoftware.util.PropertyEventDispatcher;
import org.jivesoftware.util.PropertyEventListener;
import org.xmppfed.openfire.email.EmailSettingsStore;

/**
 * The email switch as an Openfire system property, and a revision property bumped after every
 * change of the email domain list (which lives in the database). A change of either - on any
 * node, or by hand in System Properties - makes every node reload.
 */
final class JiveEmailSettings implements EmailSettingsStore, PropertyEventListener {
    static final String ENABLED = "plugin.federation.email.enabled";
    static final String REVISION = "plugin.federation.email.revision";

    private final Runnable reload;
    private volatile String ownRevision;

    JiveEmailSettings(Runnable reload) {
        this.reload = reload;
    }

    void start() {
        PropertyEventDispatcher.addListener(this);
    }

    void stop() {
        PropertyEventDispatcher.removeListener(this);
    }

    @Override
    public boolean enabled() {
        return JiveGlobals.getBooleanProperty(ENABLED, false);
    }

    @Override
    public void setEnabled(boolean enabled) {
        JiveGlobals.setProperty(ENABLED, Boolean.toString(enabled));
    }

    @Override
    public void announceChange() {
        String revision = UUID.randomUUID().toString();
        ownRevision = revision;
        JiveGlobals.setProperty(REVISION, revision);
    }

    private void changed(String property, Map<String, Object> params) {
        if (REVISION.equals(property)) {
            Object value = params == null ? null : params.get("value");
            if (value == null || !value.equals(ownRevision)) {
                reload.run();
            }
        } else if (ENABLED.equals(property)) {
            reload.run();
        }
    }

    @Override
    public void propertySet(String property, Map<String, Object> params) {
        changed(property, params);
    }

    @Override
    public void propertyDeleted(String property, Map<String, Object> params) {
        changed(property, params);
    }

    @Override
    public void xmlPropertySet(String property, Map<String, Object> params) {
    }

    @Override
    public void xmlPropertyDeleted(String property, Map<String, Object> params) {
    }
}
