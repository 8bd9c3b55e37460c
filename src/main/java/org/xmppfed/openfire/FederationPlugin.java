package org.xmppfed.openfire;

import java.io.File;

import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.xmppfed.openfire.openfire.FederationRuntime;

/**
 * The federation plugin's lifecycle: {@link #initializePlugin} starts everything the plugin adds
 * to Openfire, {@link #destroyPlugin} removes all of it again, so the plugin can be unloaded and
 * reloaded without restarting Openfire.
 */
public final class FederationPlugin implements Plugin {
    private volatile FederationRuntime runtime;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        runtime = new FederationRuntime();
        runtime.start();
    }

    /**
     * Entry point for {@code UserEmailChangedTask}, which other cluster nodes send when a user is
     * created, deleted or changes their email address. Public and with plain Java types because the
     * task may have been loaded by an earlier instance of this plugin.
     */
    public void userEmailChangedOnAnotherNode(String username, String email, boolean deleted) {
        FederationRuntime r = runtime;
        if (r != null) {
            r.userEmailChangedOnAnotherNode(username, email, deleted);
        }
    }

    @Override
    public void destroyPlugin() {
        if (runtime != null) {
            runtime.stop();
            runtime = null;
        }
    }
}
