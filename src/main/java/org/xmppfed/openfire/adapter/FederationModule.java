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

import java.util.List;
import java.util.Optional;

import org.xmppfed.openfire.certs.RequiredName;
import org.xmppfed.openfire.policy.Phrase;
import org.xmppfed.openfire.troubleshoot.SnapshotContext;
import org.xmppfed.openfire.troubleshoot.SnapshotItem;

/**
 * One capability of the plugin (policy, email addresses, …) as a unit: {@link #start} registers
 * everything the capability adds to Openfire - settings listener, cluster tasks, scheduled work -
 * and {@link #stop} removes exactly that again, in reverse. The plugin starts its modules in order
 * and stops them in reverse order; their {@link #steps()} run on every stanza in the same order.
 */
public interface FederationModule {
    /** Starts the capability. Called once, before the interceptor sees any stanza. */
    void start(ModuleHost host);

    /** Undoes {@link #start}. Called after the interceptor has been removed. */
    void stop();

    /** This capability's part of the per-stanza path, in the order it must run. */
    default List<StanzaStep> steps() {
        return List.of();
    }

    /**
     * This node now looks after Openfire's settings that the cluster shares (see {@link ClusterRole}):
     * apply this capability's part of them. Called on a cluster event thread; hand work to the worker.
     */
    default void becameSettingsKeeper() {
    }

    /** Whether this capability makes the server answer for {@code domain} (e.g. an email domain). */
    default boolean servesName(String domain) {
        return false;
    }

    /**
     * How this capability already uses {@code domain}, so that another capability can refuse it as a
     * new name and say why (an alias that is already an email domain, a static route for an alias):
     * a short phrase such as "an email domain" (rendered in the language of the message it goes into),
     * or empty when this capability does not use it.
     */
    default Optional<Phrase> useOf(String domain) {
        return Optional.empty();
    }

    /**
     * The names this capability makes the server answer for, which the federation certificate must
     * therefore carry (email domains, chat node aliases), each with the reason in a few words.
     */
    default List<RequiredName> certificateNames() {
        return List.of();
    }

    /**
     * This capability's part of the settings snapshot that peer clusters compare (see the
     * troubleshooter): one item per setting that must be the same on every cluster. A capability
     * that adds an item gets its comparison row without any change to the comparison.
     */
    default List<SnapshotItem> snapshotItems(SnapshotContext context) {
        return List.of();
    }

}
