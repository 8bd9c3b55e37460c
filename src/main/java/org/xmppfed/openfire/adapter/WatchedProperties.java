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

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jivesoftware.util.JiveGlobals;
import org.jivesoftware.util.PropertyEventDispatcher;
import org.jivesoftware.util.PropertyEventListener;

/**
 * Settings kept as Openfire system properties, which every cluster node shares and whose change
 * events reach every node: a change of a watched property - on this node, another node, or by hand
 * in System Properties - runs {@code reload}. Data that lives in the database is announced by
 * bumping a revision property; the node that bumped it already has the new state and skips it.
 */
abstract class WatchedProperties implements PropertyEventListener {
    private final String revisionKey;
    private final Set<String> watched;
    private final Runnable reload;
    private volatile String ownRevision;

    WatchedProperties(String revisionKey, Set<String> watched, Runnable reload) {
        this.revisionKey = revisionKey;
        this.watched = watched;
        this.reload = reload;
    }

    void start() {
        PropertyEventDispatcher.addListener(this);
    }

    void stop() {
        PropertyEventDispatcher.removeListener(this);
    }

    /** Tells every node (this one included) that the stored data changed and must be reloaded. */
    public void announceChange() {
        String revision = UUID.randomUUID().toString();
        ownRevision = revision;
        JiveGlobals.setProperty(revisionKey, revision);
    }

    private void changed(String property, Map<String, Object> params) {
        if (revisionKey.equals(property)) {
            Object value = params == null ? null : params.get("value");
            if (value == null || !value.equals(ownRevision)) {
                reload.run();
            }
        } else if (watched.contains(property)) {
            reload.run();
        }
    }

    @Override
    public void propertySet(String property, Map<String, Object> params) {
        changed(property, params);
    }

    @Override
    public void propertyDeleted(String property, Map<String, Object> params) {
        changed(property, params);
    }

    @Override
    public void xmlPropertySet(String property, Map<String, Object> params) {
    }

    @Override
    public void xmlPropertyDeleted(String property, Map<String, Object> params) {
    }
}
