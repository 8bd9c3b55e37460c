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
package org.xmppfed.openfire.route;

/**
 * Where the two switches of the static routes live (Openfire system properties in the server), and
 * how the other cluster nodes learn that the routes changed.
 */
public interface RouteSettingsStore {
    boolean routesEnabled();

    boolean routesAllowedAutomatically();

    void save(boolean enabled, boolean allowedAutomatically);

    /** Tells every node (this one included) that the stored routes changed and must be reloaded. */
    void announceChange();
}
