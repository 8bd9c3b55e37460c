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

/**
 * One static route: traffic to the federated {@code domain} (or a partner's chat node alias) goes
 * to {@code target}. A domain may have several, all of equal priority.
 */
public record StaticRoute(String domain, RouteTarget target, Instant created) {

    /** Two routes are the same when domain and target are; the time is not part of the identity. */
    public boolean sameAs(StaticRoute other) {
        return domain.equals(other.domain) && target.equals(other.target);
    }

    /** "domain → host:port", for messages and the import preview. */
    public String describe() {
        return domain + " \u2192 " + target;
    }
}
