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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.xmppfed.openfire.store.StaticRouteStore;

/** Routes kept in memory for tests, counting the writes (a refused change must make none). */
public final class MemoryStaticRouteStore implements StaticRouteStore {
    public final List<StaticRoute> routes = new ArrayList<>();
    public int writes;

    @Override
    public List<StaticRoute> loadAll() {
        return List.copyOf(routes);
    }

    @Override
    public void insert(StaticRoute route) {
        writes++;
        routes.add(route);
    }

    @Override
    public void replace(StaticRoute original, StaticRoute updated) {
        writes++;
        routes.removeIf(r -> r.sameAs(original));
        routes.add(updated);
    }

    @Override
    public void delete(StaticRoute route) {
        writes++;
        routes.removeIf(r -> r.sameAs(route));
    }

    @Override
    public void replaceAll(Collection<StaticRoute> all) {
        writes++;
        routes.clear();
        routes.addAll(all);
    }
}
