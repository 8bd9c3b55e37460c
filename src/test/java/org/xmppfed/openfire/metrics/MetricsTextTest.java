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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.policy.Direction;

class MetricsTextTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private static MetricRegistry registry(int domains) {
        DomainCounters denied = new DomainCounters();
        DomainCounters allowed = new DomainCounters();
        for (int d = 0; d < domains; d++) {
            for (int i = 0; i <= d; i++) {
                allowed.increment("d" + d + ".example", Direction.INCOMING);
            }
            denied.increment("d" + d + ".example", Direction.OUTGOING);
        }
        allowed.increment("evil\"\\\n.example", Direction.OUTGOING);
        MetricRegistry r = new MetricRegistry();
        r.register(() -> List.of(allowed.family("xmppfed_stanzas_allowed", "Allowed"), denied.family("xmppfed_stanzas_denied", "Denied")));
        r.register(() -> List.of(new MetricFamily("xmppfed_sessions_open", "Open now", MetricFamily.Type.GAUGE)
            .add("d1.example", Direction.INCOMING, 2)));
        r.register(() -> {
            throw new IllegalStateException("a broken source is left out");
        });
        return r;
    }

    @Test
    void onlyTheTopDomainsKeepTheirNameTheRestAreAddedUpAsOther() {
        String text = MetricsText.write(registry(100).collect(), 5, false);
        assertTrue(text.contains("xmppfed_stanzas_allowed_total{domain=\"d99.example\",direction=\"incoming\"} 100\n"), text);
        assertFalse(text.contains("d10.example"), "a small domain is not named");
        // d0..d94 (sum 1..95 = 4560) plus the odd domain's 1 outgoing are "other".
        assertTrue(text.contains("xmppfed_stanzas_allowed_total{domain=\"other\",direction=\"incoming\"} 4560\n"), text);
        assertTrue(text.contains("xmppfed_stanzas_allowed_total{domain=\"other\",direction=\"outgoing\"} 1\n"), text);
        assertTrue(text.contains("xmppfed_stanzas_denied_total{domain=\"other\",direction=\"outgoing\"} 95\n"), text);
        long lines = text.lines().filter(l -> !l.startsWith("#")).count();
        assertEquals(2 * 6 * 2 + 2, lines, "bounded: (5 domains + other) x 2 directions per counter family, the gauge's small domain as other");
    }

    @Test
    void labelValuesAreEscaped() {
        String text = MetricsText.write(registry(1).collect(), 10, false);
        assertTrue(text.contains("domain=\"evil\\\"\\\\\\n.example\""), text);
    }

    @Test
    void openMetricsNamesCounterFamiliesWithoutTotalAndEnds() {
        String text = MetricsText.write(registry(3).collect(), 10, true);
        assertTrue(text.contains("# TYPE xmppfed_stanzas_allowed counter\n"), text);
        assertTrue(text.contains("# TYPE xmppfed_sessions_open gauge\n"), text);
        assertTrue(text.endsWith("# EOF\n"));
    }

    @Test
    void promtoolAcceptsThePrometheusTextFormat() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL), "Debian's prometheus package (promtool) is not installed");
        for (boolean open : new boolean[] {false}) { // promtool reads the Prometheus format, not OpenMetrics' family names
            String text = MetricsText.write(registry(60).collect(), 50, open);
            Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "promtool finished");
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "promtool check metrics (openMetrics=" + open + "): " + said);
            assertFalse(said.contains("error"), said);
        }
    }
}
