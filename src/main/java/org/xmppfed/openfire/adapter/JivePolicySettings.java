/*
 * Copyright 2026 The federation plugin team
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.xmppfed.openfire.adapter;

import java.util.Set;

import org.jivesoftware.util.JiveGlobals;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.PolicySettingsStore;

/**
 * The policy's scalar settings as Openfire system properties (visible and editable under System
 * Properties, shared by every cluster node). A change of any of them - made on this node, on
 * another node, or by hand in System Properties - makes every node reload the policy.
 */
final class JivePolicySettings extends WatchedProperties implements PolicySettingsStore {
    static final String ENABLED = "plugin.federation.enabled";
    static final String DEFAULT_POLICY = "plugin.federation.policy.default";
    /** Bumped after every change of the exception list, which lives in the database. */
    static final String REVISION = "plugin.federation.policy.revision";

    JivePolicySettings(Runnable reload) {
        super(REVISION, Set.of(ENABLED, DEFAULT_POLICY), reload);
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
}
