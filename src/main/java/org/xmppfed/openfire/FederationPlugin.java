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
    private FederationRuntime runtime;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        runtime = new FederationRuntime();
        runtime.start();
    }

    @Override
    public void destroyPlugin() {
        if (runtime != null) {
            runtime.stop();
            runtime = null;
        }
    }
}
