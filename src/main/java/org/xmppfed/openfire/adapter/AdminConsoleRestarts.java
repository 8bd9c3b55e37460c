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

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.PluginManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Openfire 5.1 restarts its admin console whenever a certificate store changes (its
 * {@code AdminConsolePlugin} listens to every store), which cuts off the request that made the
 * change and logs the administrator out. Openfire's own certificate pages pause that restart for a
 * few minutes first; so does the plugin, through this class. The calls
 * ({@code PluginManager.getPluginByCanonicalName}, {@code AdminConsolePlugin.pauseAutoRestartEnabled})
 * do not exist in the 4.2.0 API, hence reflection; where they are missing nothing is paused.
 */
final class AdminConsoleRestarts {
    private static final Logger LOG = LoggerFactory.getLogger(AdminConsoleRestarts.class);

    private AdminConsoleRestarts() {
    }

    static void pause(Duration duration) {
        try {
            PluginManager plugins = XMPPServer.getInstance().getPluginManager();
            Method byName = plugins.getClass().getMethod("getPluginByCanonicalName", String.class);
            Object admin = ((Optional<?>) byName.invoke(plugins, "admin")).orElse(null);
            if (admin != null) {
                admin.getClass().getMethod("pauseAutoRestartEnabled", Duration.class).invoke(admin, duration);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("The admin console's restart on certificate changes could not be paused", e);
        }
    }
}
