package org.xmppfed.openfire.openfire;

import java.util.Map;
import java.util.UUID;

import org.jivesoftware.util.JiveGlobals;
import org.jivesoftware.util.PropertyEventDispatcher;
import org.jivesoftware.util.PropertyEventListener;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.PolicySettingsStore;

/**
 * The policy's scalar settings as Openfire system properties (visible and editable under System
 * Properties, shared by every cluster node). A change of any of them - made on this node, on
 * another node, or by hand in System Properties - makes every node reload the policy.
 */
final class JivePolicySettings implements PolicySettingsStore, PropertyEventListener {
    static final String ENABLED = "plugin.federation.enabled";
    static final String DEFAULT_POLICY = "plugin.federation.policy.default";
    /** Bumped after every change of the exception list, which lives in the database. */
    static final String REVISION = "plugin.federation.policy.revision";

    private final Runnable reload;
    private volatile String ownRevision;

    JivePolicySettings(Runnable reload) {
        this.reload = reload;
    }

    void start() {
        PropertyEventDispatcher.addListener(this);
    }

    void stop() {
        PropertyEventDispatcher.removeListener(this);
    }

    @Override
    public boolean federationEnabled() {
        return JiveGlobals.getBooleanProperty(ENABLED, true);
    }

    @Override
    public DefaultPolicy defaultPolicy() {
        try {
            return DefaultPolicy.parse(JiveGlobals.getProperty(DEFAULT_POLICY, DefaultPolicy.DENY.name()));
        } catch (InvalidInputException e) {
            return DefaultPolicy.DENY; // a hand-edited bad value fails closed
        }
    }

    @Override
    public void save(boolean federationEnabled, DefaultPolicy defaultPolicy) {
        // Two properties, two events: order them so that no node ever runs a mix that is more
        // permissive than both the old and the new settings (e.g. "on" with the old ALLOW).
        if (federationEnabled) {
            JiveGlobals.setProperty(DEFAULT_POLICY, defaultPolicy.name());
            JiveGlobals.setProperty(ENABLED, "true");
        } else {
            JiveGlobals.setProperty(ENABLED, "false");
            JiveGlobals.setProperty(DEFAULT_POLICY, defaultPolicy.name());
        }
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
            if (value != null && value.equals(ownRevision)) {
                return; // this node made the change and has the new policy already
            }
            reload.run();
        } else if (ENABLED.equals(property) || DEFAULT_POLICY.equals(property)) {
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
