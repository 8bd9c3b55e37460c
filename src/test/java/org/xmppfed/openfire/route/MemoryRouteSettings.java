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

/** The route switches kept in memory for tests, counting the change announcements. */
public final class MemoryRouteSettings implements RouteSettingsStore {
    public boolean enabled = true;
    public boolean auto = true;
    public int announcements;

    @Override
    public boolean routesEnabled() {
        return enabled;
    }

    @Override
    public boolean routesAllowedAutomatically() {
        return auto;
    }

    @Override
    public void save(boolean e, boolean a) {
        enabled = e;
        auto = a;
    }

    @Override
    public void announceChange() {
        announcements++;
    }
}
