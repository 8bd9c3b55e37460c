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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.xmppfed.openfire.policy.Direction;

/**
 * Writes metric families in the text formats monitoring systems scrape: Prometheus' text format
 * 0.0.4 or OpenMetrics 1.0.0 (same lines; OpenMetrics names a counter's family without
 * {@code _total} and ends with {@code # EOF}). The size is bounded: only the {@code topDomains}
 * remote domains with the most activity (the sum of all their samples) keep their own label; the
 * rest are added up under {@code domain="other"}, per family and direction.
 */
public final class MetricsText {
    public static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    public static final String OPENMETRICS_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private MetricsText() {
    }

    public static String write(List<MetricFamily> families, int topDomains, boolean openMetrics) {
        Set<String> kept = topDomains(families, topDomains);
        StringBuilder out = new StringBuilder(256 + 64 * families.size() * Math.min(topDomains + 1, 64));
        for (MetricFamily f : families) {
            String sampleName = f.type() == MetricFamily.Type.COUNTER ? f.name() + "_total" : f.name();
            String familyName = openMetrics ? f.name() : sampleName;
            out.append("# TYPE ").append(familyName).append(' ').append(f.type().name().toLowerCase(Locale.ROOT)).append('\n');
            out.append("# HELP ").append(familyName).append(' ').append(escapeHelp(f.help())).append('\n');
            Map<String, double[]> rows = new TreeMap<>();
            for (MetricFamily.Sample s : f.samples()) {
                String domain = kept.contains(s.domain()) ? s.domain() : DomainCounters.OTHER;
                rows.computeIfAbsent(domain, d -> new double[2])[s.direction() == Direction.INCOMING ? 0 : 1] += s.value();
            }
            rows.forEach((domain, v) -> {
                line(out, sampleName, domain, "incoming", v[0]);
                line(out, sampleName, domain, "outgoing", v[1]);
            });
        }
        if (openMetrics) {
            out.append("# EOF\n");
        }
        return out.toString();
    }

    /** The {@code n} domains with the largest sum over all samples (ties by name), never "other". */
    static Set<String> topDomains(List<MetricFamily> families, int n) {
        Map<String, Double> weight = new HashMap<>();
        for (MetricFamily f : families) {
            for (MetricFamily.Sample s : f.samples()) {
                weight.merge(s.domain(), s.value(), Double::sum);
            }
        }
        weight.remove(DomainCounters.OTHER);
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(weight.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < Math.min(n, ranked.size()); i++) {
            kept.add(ranked.get(i).getKey());
        }
        return kept;
    }

    private static void line(StringBuilder out, String name, String domain, String direction, double value) {
        out.append(name).append("{domain=\"").append(escapeLabel(domain)).append("\",direction=\"").append(direction)
            .append("\"} ").append(number(value)).append('\n');
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Label values escape backslash, double quote and line feed (both formats). */
    static String escapeLabel(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
