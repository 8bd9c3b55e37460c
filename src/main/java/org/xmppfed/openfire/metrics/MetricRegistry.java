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
package org.xmppfed.openfire.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of this node: every running capability registers a {@link MetricSource} (policy
 * decisions, sessions, email rewrites, and whatever later capabilities add), and a scrape collects
 * them all. A source that fails is left out of that scrape and logged; the others still answer.
 */
public final class MetricRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);
    private final List<MetricSource> sources = new CopyOnWriteArrayList<>();

    public void register(MetricSource source) {
        sources.add(source);
    }

    public void unregister(MetricSource source) {
        sources.remove(source);
    }

    /** Every family of every source; families of the same name from two sources are merged. */
    public List<MetricFamily> collect() {
        Map<String, MetricFamily> byName = new HashMap<>();
        List<MetricFamily> ordered = new ArrayList<>();
        for (MetricSource source : sources) {
            List<MetricFamily> families;
            try {
                families = source.collect();
            } catch (RuntimeException e) {
                LOG.warn("A federation metric source failed; its metrics are left out of this scrape", e);
                continue;
            }
            for (MetricFamily f : families) {
                MetricFamily known = byName.get(f.name());
                if (known == null) {
                    byName.put(f.name(), f);
                    ordered.add(f);
                } else {
                    f.samples().forEach(s -> known.add(s.domain(), s.direction(), s.value()));
                }
            }
        }
        return ordered;
    }
}
