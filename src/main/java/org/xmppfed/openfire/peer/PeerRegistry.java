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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.store.PeerStore;

/**
 * The registered peer clusters and every change to them: validated whole first (name unique,
 * URL, secret), then stored; a refused change stores nothing. Read from the database on every
 * call, so every cluster node sees the same peers without announcements.
 */
public final class PeerRegistry {
    private final PeerStore store;
    private final Clock clock;

    public PeerRegistry(PeerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<PeerCluster> peers() {
        return store.loadAll();
    }

    public Optional<PeerCluster> find(long id) {
        return store.find(id);
    }

    /** Adds a peer whose pushes are not accepted. */
    public PeerCluster add(String name, String baseUrl, String secret) {
        return add(name, baseUrl, secret, false);
    }

    public synchronized PeerCluster add(String name, String baseUrl, String secret, boolean acceptsPushes) {
        PeerCluster candidate = validated(0, name, baseUrl, PeerRules.secret(secret), null, acceptsPushes);
        return store.insert(candidate);
    }

    /** Changes a peer's name and URL, and its secret unless {@code secret} is blank; whether it may push stays. */
    public PeerCluster update(long id, String name, String baseUrl, String secret) {
        PeerCluster existing = store.find(id).orElseThrow(() -> new InvalidInputException("peers.error.not-found", Long.toString(id)));
        return update(id, name, baseUrl, secret, existing.acceptsPushes());
    }

    /** Changes a peer; a blank {@code secret} keeps the stored one. */
    public synchronized PeerCluster update(long id, String name, String baseUrl, String secret, boolean acceptsPushes) {
        PeerCluster existing = store.find(id).orElseThrow(() -> new InvalidInputException("peers.error.not-found", Long.toString(id)));
        String keptOrNew = secret == null || secret.isEmpty() ? existing.secret() : PeerRules.secret(secret);
        PeerCluster updated = validated(id, name, baseUrl, keptOrNew, existing.created(), acceptsPushes);
        store.update(updated);
        return updated;
    }

    public synchronized PeerCluster delete(long id) {
        PeerCluster existing = store.find(id).orElseThrow(() -> new InvalidInputException("peers.error.not-found", Long.toString(id)));
        store.delete(id);
        return existing;
    }

    private PeerCluster validated(long id, String name, String baseUrl, String secret, Instant created, boolean acceptsPushes) {
        String n = PeerRules.name(name);
        String url = PeerRules.baseUrl(baseUrl);
        for (PeerCluster p : store.loadAll()) {
            if (p.id() != id && p.name().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("peers.error.name.exists", n);
            }
        }
        Instant now = clock.instant();
        return new PeerCluster(id, n, url, secret, created == null ? now : created, now, acceptsPushes);
    }
}
