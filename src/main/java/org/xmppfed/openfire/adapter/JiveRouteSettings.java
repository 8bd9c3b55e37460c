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
import org.xmppfed.openfire.route.RouteSettingsStore;

/**
 * The two switches of the static routes as Openfire system properties (shared by every cluster
 * node); a change of either, or of the revision bumped after every change of the routes in the
 * database, makes every node reload the routes.
 */
final class JiveRouteSettings extends WatchedProperties implements RouteSettingsStore {
    static final String ENABLED = "plugin.federation.routes.enabled";
    static final String AUTO_ALLOW = "plugin.federation.routes.auto-allow";
    static final String REVISION = "plugin.federation.routes.revision";

    JiveRouteSettings(Runnable reload) {
        super(REVISION, Set.of(ENABLED, AUTO_ALLOW), reload);
    }

    @Override
    public boolean routesEnabled() {
        return JiveGlobals.getBooleanProperty(ENABLED, true);
    }

    @Override
    public boolean routesAllowedAutomatically() {
        return JiveGlobals.getBooleanProperty(AUTO_ALLOW, true);
    }

    @Override
    public void save(boolean enabled, boolean allowedAutomatically) {
        JiveGlobals.setProperty(ENABLED, Boolean.toString(enabled));
        JiveGlobals.setProperty(AUTO_ALLOW, Boolean.toString(allowedAutomatically));
    }
}
