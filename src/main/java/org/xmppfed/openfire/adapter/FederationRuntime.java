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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.util.JiveGlobals;
import org.xmppfed.openfire.certs.RequiredName;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;
import org.xmppfed.openfire.web.FederationContext;

/**
 * Runs the plugin's modules: starts them in order, then registers the one interceptor with their
 * stanza steps in the same order and publishes what the admin pages need; {@link #stop()} undoes
 * exactly that, in reverse. The worker thread is the first thing made and the last thing ended.
 */
public final class FederationRuntime {
    private final List<FederationModule> modules;
    private final List<FederationModule> started = new CopyOnWriteArrayList<>(); // read by admin pages (useOf)
    private Worker worker;
    private FederationInterceptor interceptor;
    private ClusterRole clusterRole;
    private GatewayDomains gateway;

    public FederationRuntime(List<FederationModule> modules) {
        this.modules = List.copyOf(modules);
    }

    public void start() {
        XMPPServer server = XMPPServer.getInstance();
        String xmppDomain = server.getServerInfo().getXMPPDomain();
        LocalDomains openfireDomains = new OpenfireLocalDomains(server);
        worker = new Worker();
        gateway = new GatewayDomains();
        ModuleHost host = new ModuleHost(worker, openfireDomains, xmppDomain, server.getServerInfo().getHostname(),
            new OpenfireErrorSender(), gateway);
        host.nameUses(this::useOf);
        host.certificateNames(() -> certificateNames(xmppDomain));
        host.ownNameUses(domain -> openfireDomains.isLocal(domain) ? Optional.of(new Phrase("use.local-domain"))
            : ownUseOf(domain));
        host.capabilities(this::snapshotItems, () -> servedNames(xmppDomain));
        List<StanzaStep> steps = new ArrayList<>();
        try {
            for (FederationModule module : modules) {
                module.start(host);
                started.add(module);
                steps.addAll(module.steps());
            }
        } catch (RuntimeException e) {
            stop(); // leave nothing behind of a start that failed half-way
            throw e;
        }
        LocalDomains ourNames = domain -> openfireDomains.isLocal(domain) || servedByAModule(domain);
        interceptor = new FederationInterceptor(ourNames, xmppDomain, steps);
        InterceptorManager.getInstance().addInterceptor(interceptor);
        clusterRole = new ClusterRole(started);
        clusterRole.start();
        FederationContext.publish(new FederationContext(host.services(), new WebManagerAudit(EventModule.events(host)), JiveGlobals::getLocale,
            host.hostName(), worker::awaitQueued));
    }

    public void stop() {
        FederationContext.publish(null);
        if (clusterRole != null) {
            clusterRole.stop();
            clusterRole = null;
        }
        if (interceptor != null) {
            InterceptorManager.getInstance().removeInterceptor(interceptor);
            interceptor = null;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            FederationModule module = started.get(i);
            Worker.guarded("stopping " + module.getClass().getSimpleName(), module::stop);
        }
        started.clear();
        if (worker != null && gateway != null && ModuleHost.mayRestoreSharedSettings()) {
            worker.runAndWait("restoring Openfire's trunking settings", gateway::restore);
        }
        gateway = null;
        if (worker != null) {
            worker.shutdown();
            worker = null;
        }
    }

    private Optional<Phrase> useOf(String domain) {
        for (FederationModule module : started) {
            Optional<Phrase> use = module.useOf(domain);
            if (use.isPresent()) {
                return use;
            }
        }
        return Optional.empty();
    }

    private List<RequiredName> certificateNames(String xmppDomain) {
        Map<String, RequiredName> names = new LinkedHashMap<>();
        names.put(xmppDomain, new RequiredName(xmppDomain, "XMPP domain"));
        for (FederationModule module : started) {
            for (RequiredName n : module.certificateNames()) {
                names.putIfAbsent(n.name(), n);
            }
        }
        return List.copyOf(names.values());
    }

    /** The use of the module that serves {@code domain} as one of this server's names, or empty. */
    private Optional<Phrase> ownUseOf(String domain) {
        for (FederationModule module : started) {
            if (module.servesName(domain)) {
                return Optional.of(module.useOf(domain).orElse(new Phrase("use.served-name")));
            }
        }
        return Optional.empty();
    }

    private List<SnapshotItem> snapshotItems(SnapshotContext context) {
        List<SnapshotItem> items = new ArrayList<>();
        for (FederationModule module : started) {
            items.addAll(module.snapshotItems(context));
        }
        return items;
    }

    /** The names besides the XMPP domain that the capabilities make the server answer for: those the certificate must carry. */
    private List<String> servedNames(String xmppDomain) {
        return certificateNames(xmppDomain).stream().map(RequiredName::name).filter(n -> !n.equals(xmppDomain)).sorted().toList();
    }

    private boolean servedByAModule(String domain) {
        for (FederationModule module : modules) {
            if (module.servesName(domain)) {
                return true;
            }
        }
        return false;
    }
}
