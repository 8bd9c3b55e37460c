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
package org.xmppfed.openfire;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.xmppfed.openfire.adapter.AliasModule;
import org.xmppfed.openfire.adapter.ConnectionsModule;
import org.xmppfed.openfire.adapter.EmailModule;
import org.xmppfed.openfire.adapter.EventModule;
import org.xmppfed.openfire.adapter.FederationRuntime;
import org.xmppfed.openfire.adapter.PeerModule;
import org.xmppfed.openfire.adapter.PolicyModule;
import org.xmppfed.openfire.adapter.RouteModule;
import org.xmppfed.openfire.adapter.SecurityModule;

/**
 * The federation plugin's lifecycle: {@link #initializePlugin} starts the capabilities in the
 * order listed here (the event log first, so that every other capability can report to it; the
 * order is also that of their steps on every stanza: the policy decides first, address mapping
 * follows), {@link #destroyPlugin} stops them in reverse, so the plugin
 * can be unloaded and reloaded without restarting Openfire.
 */
public final class FederationPlugin implements Plugin {
    private volatile FederationRuntime runtime;
    private volatile EmailModule email;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        EmailModule emailModule = new EmailModule();
        runtime = new FederationRuntime(List.of(
            new EventModule(), // first: the others report to its event log from their start on, and it stops last
            new PolicyModule(),
            new RouteModule(), // after the policy: it tells the policy which domains its routes allow
            emailModule,
            new AliasModule(),
            new SecurityModule(),
            new ConnectionsModule(), // near the end: its reports read what the others publish
            new PeerModule(version(pluginDirectory)))); // last: its snapshot asks every other module
        runtime.start();
        email = emailModule;
    }

    /**
     * Entry point for {@code UserEmailChangedTask}, which other cluster nodes send when a user is
     * created, deleted or changes their email address. Public and with plain Java types because the
     * task may have been loaded by an earlier instance of this plugin.
     */
    public void userEmailChangedOnAnotherNode(String username, String email, boolean deleted) {
        EmailModule m = this.email;
        if (m != null) {
            m.userEmailChangedOnAnotherNode(username, email, deleted);
        }
    }

    /** The plugin's version as plugin.xml states it (the settings snapshot reports it to peers). */
    static String version(File pluginDirectory) {
        try {
            String xml = Files.readString(new File(pluginDirectory, "plugin.xml").toPath(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>").matcher(xml);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public void destroyPlugin() {
        email = null;
        if (runtime != null) {
            runtime.stop();
            runtime = null;
        }
    }
}
