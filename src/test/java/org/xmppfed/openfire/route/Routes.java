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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.xmppfed.openfire.policy.Phrase;

/** A route service over memory for tests; this server's own names are openfire.example, its components, mail.example and alias.example. */
public final class Routes {
    public static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    public static final Map<String, Phrase> OWN_NAMES = Map.of(
        "openfire.example", new Phrase("use.local-domain"),
        "conference.openfire.example", new Phrase("use.local-domain"),
        "mail.example", new Phrase("use.email-domain"),
        "alias.example", new Phrase("use.chat-alias", "conference.openfire.example"));

    public final MemoryStaticRouteStore store = new MemoryStaticRouteStore();
    public final MemoryRouteSettings settings = new MemoryRouteSettings();
    public final RouteService service = new RouteService(store, settings, d -> Optional.ofNullable(OWN_NAMES.get(d)),
        Clock.fixed(T, ZoneOffset.UTC));

    public Routes() {
        service.reload();
    }
}
