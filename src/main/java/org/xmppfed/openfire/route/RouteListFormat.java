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

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.xmppfed.openfire.policy.DomainNames;
import org.xmppfed.openfire.policy.EntryListFormat;

/**
 * The static routes in import and export files ({@link EntryListFormat}): CSV {@code domain,address}
 * lines, or JSON objects {@code {"domain": …, "address": …}} in an array, alone or under
 * {@code "routes"}. A domain with several routes has one line per route.
 */
public final class RouteListFormat {
    /** Reads and writes route lists; the domains only checked to be domain names (for export, and tests). */
    public static final EntryListFormat<StaticRoute> FORMAT = checking(DomainNames::normalise);

    private RouteListFormat() {
    }

    /**
     * The route list format whose reading checks every domain with {@code checkedDomain} (which
     * normalises it, or throws with the reason), so that an import names the line of a route for
     * one of this server's own names.
     */
    public static EntryListFormat<StaticRoute> checking(UnaryOperator<String> checkedDomain) {
        return new EntryListFormat<>(new EntryListFormat.Schema<>() {
        @Override
        public String listName() {
            return "routes";
        }

        @Override
        public String firstField() {
            return "domain";
        }

        @Override
        public String secondField() {
            return "address";
        }

        @Override
        public StaticRoute read(String domain, String address, Instant now) {
            return new StaticRoute(checkedDomain.apply(domain), RouteTarget.parse(address), now);
        }

        @Override
        public String key(StaticRoute route) {
            return route.describe();
        }

        @Override
        public String first(StaticRoute route) {
            return route.domain();
        }

        @Override
        public String second(StaticRoute route) {
            return route.target().toString();
        }
        });
    }
}
