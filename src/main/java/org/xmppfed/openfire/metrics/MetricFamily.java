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
import java.util.List;

import org.xmppfed.openfire.policy.Direction;

/**
 * One metric (name, help text, counter or gauge) with its samples, each labelled with a remote
 * domain and a direction. Built fresh for every scrape.
 */
public final class MetricFamily {
    /** Counters only go up (while the node runs); gauges say how many there are now. */
    public enum Type { COUNTER, GAUGE }

    /** One value: a remote domain, a direction and the number. */
    public record Sample(String domain, Direction direction, double value) {
    }

    private final String name;
    private final String help;
    private final Type type;
    private final List<Sample> samples = new ArrayList<>();

    /** @param name the metric's name without the {@code _total} of counters, e.g. {@code xmppfed_stanzas_denied} */
    public MetricFamily(String name, String help, Type type) {
        if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*") || name.endsWith("_total")) {
            throw new IllegalArgumentException("Not a metric name (or ends in _total): " + name);
        }
        this.name = name;
        this.help = help;
        this.type = type;
    }

    public MetricFamily add(String domain, Direction direction, double value) {
        samples.add(new Sample(domain, direction, value));
        return this;
    }

    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    public Type type() {
        return type;
    }

    public List<Sample> samples() {
        return samples;
    }
}
