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

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.lang.reflect.Method;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.util.cache.ClusterTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other cluster nodes that a user was created, deleted or changed their email address,
 * carrying the new address (a deleted user is announced before Openfire removes it, so the other
 * nodes must not read it back).
 *
 * <p>The cluster may run this class as loaded by an earlier instance of the plugin (Hazelcast keeps
 * resolved classes after a plugin reload), so {@link #run()} reaches the plugin that is running now
 * through Openfire's plugin manager and plain Java types, never through this class's own state.
 */
public final class UserEmailChangedTask implements ClusterTask<Void> {
    private static final Logger LOG = LoggerFactory.getLogger(UserEmailChangedTask.class);
    /** The running plugin's public entry point for changes from other nodes. */
    static final String RECEIVER = "userEmailChangedOnAnotherNode";

    private String username;
    private String email;
    private boolean deleted;

    /** For deserialisation. */
    public UserEmailChangedTask() {
    }

    UserEmailChangedTask(String username, String email, boolean deleted) {
        this.username = username;
        this.email = email;
        this.deleted = deleted;
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    boolean deleted() {
        return deleted;
    }

    @Override
    public void run() {
        for (Plugin plugin : XMPPServer.getInstance().getPluginManager().getPlugins()) {
            if (plugin.getClass().getName().equals("org.xmppfed.openfire.FederationPlugin")) {
                try {
                    Method receiver = plugin.getClass().getMethod(RECEIVER, String.class, String.class, boolean.class);
                    receiver.invoke(plugin, username, email, deleted);
                } catch (ReflectiveOperationException e) {
                    LOG.error("Could not pass the email change of user {} to the federation plugin", username, e);
                }
            }
        }
    }

    @Override
    public Void getResult() {
        return null;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeUTF(username);
        out.writeBoolean(email != null);
        if (email != null) {
            out.writeUTF(email);
        }
        out.writeBoolean(deleted);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        username = in.readUTF();
        email = in.readBoolean() ? in.readUTF() : null;
        deleted = in.readBoolean();
    }
}
