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
