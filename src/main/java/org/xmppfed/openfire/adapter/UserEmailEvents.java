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

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.jivesoftware.openfire.cluster.ClusterManager;
import org.jivesoftware.openfire.event.UserEventDispatcher;
import org.jivesoftware.openfire.event.UserEventListener;
import org.jivesoftware.openfire.user.User;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.util.cache.CacheFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppfed.openfire.email.EmailIndex;

/**
 * Keeps the {@link EmailIndex} right as users come, go and change their email address: Openfire
 * tells the node where the change happened; that node passes it to the other cluster nodes as a
 * {@link UserEmailChangedTask}. Users are read through Openfire's user API, so any user provider
 * (database, LDAP...) works; changes made directly in a directory are picked up by the periodic
 * full read.
 */
final class UserEmailEvents implements UserEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(UserEmailEvents.class);

    private final EmailIndex index;
    private final Consumer<String> afterChange;

    UserEmailEvents(EmailIndex index, Consumer<String> afterChange) {
        this.index = index;
        this.afterChange = afterChange;
    }

    void start() {
        UserEventDispatcher.addListener(this);
    }

    void stop() {
        UserEventDispatcher.removeListener(this);
    }

    /** Reads every user's address through Openfire's user API and replaces the index with it. */
    void loadAll() {
        Map<String, String> emails = new HashMap<>();
        for (User user : UserManager.getInstance().getUsers()) {
            emails.put(user.getUsername(), user.getEmail());
        }
        index.replaceAll(emails);
        LOG.info("Email address for federation: read {} users", emails.size());
    }

    @Override
    public void userCreated(User user, Map<String, Object> params) {
        changed(user.getUsername(), user.getEmail(), false);
    }

    @Override
    public void userDeleting(User user, Map<String, Object> params) {
        changed(user.getUsername(), null, true);
    }

    @Override
    public void userModified(User user, Map<String, Object> params) {
        if (params != null && "emailModified".equals(params.get("type"))) {
            changed(user.getUsername(), user.getEmail(), false);
        }
    }

    private void changed(String username, String email, boolean deleted) {
        apply(username, email, deleted);
        if (ClusterManager.isClusteringStarted()) {
            CacheFactory.doClusterTask(new UserEmailChangedTask(username, email, deleted));
        }
    }

    /** A change made on another cluster node (see {@link UserEmailChangedTask}). */
    void applyFromOtherNode(String username, String email, boolean deleted) {
        apply(username, email, deleted);
    }

    private void apply(String username, String email, boolean deleted) {
        if (deleted) {
            index.remove(username);
        } else {
            index.put(username, email);
        }
        afterChange.accept(username);
    }
}
