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
package org.xmppfed.openfire.peer;

import java.time.Instant;
import java.util.Objects;

/**
 * Another Openfire deployment (one server or a cluster) running this plugin, registered by the
 * administrator: a name, the base URL of its plugin and the secret both sides share, and whether
 * this cluster accepts the peer's pushes of federation settings (off unless the administrator turns
 * it on: the secret alone lets a peer read the settings, never change them). The secret is used to
 * sign and check requests and is never shown back; {@link #toString()} leaves it out.
 */
public record PeerCluster(long id, String name, String baseUrl, String secret, Instant created, Instant changed, boolean acceptsPushes) {
    public PeerCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(secret, "secret");
    }

    /** A peer whose pushes are not accepted. */
    public PeerCluster(long id, String name, String baseUrl, String secret, Instant created, Instant changed) {
        this(id, name, baseUrl, secret, created, changed, false);
    }

    /** The URL of one of the peer's machine endpoints, e.g. {@code peer-api/snapshot}. */
    public String endpoint(String relative) {
        return baseUrl + (baseUrl.endsWith("/") ? "" : "/") + relative;
    }

    @Override
    public String toString() {
        return "PeerCluster[" + id + ", " + name + ", " + baseUrl + (acceptsPushes ? ", accepts pushes" : "") + "]";
    }
}
