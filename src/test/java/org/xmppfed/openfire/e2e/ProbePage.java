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
package org.xmppfed.openfire.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The partner probe of Federation → Troubleshooter, used as an administrator uses it. */
final class ProbePage {
    private static final Pattern STEP = Pattern.compile(
        "<tr data-probe=\"([^\"]*)\" data-step=\"([^\"]*)\" data-verdict=\"([A-Z]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern EVIDENCE = Pattern.compile("<td style=\"text-align:left\">(.*?)</td>", Pattern.DOTALL);

    private ProbePage() {
    }

    private static final Pattern MILLIS = Pattern.compile("<td>(\\d+) ms</td>\\s*$");

    /** Probes {@code domains} (blank-separated); "domain step" → "VERDICT what the row says" (as the page escapes it). */
    static Map<String, String> probe(AdminConsole admin, String domains) {
        return probeTimed(admin, domains, new LinkedHashMap<>());
    }

    /** As {@link #probe}, and each step's time as the page shows it into {@code millis} ("domain step" → ms). */
    static Map<String, String> probeTimed(AdminConsole admin, String domains, Map<String, Long> millis) {
        AdminConsole.Page page = admin.post("plugins/federation/troubleshooter.jsp", Map.of("action", "probe", "domains", domains));
        Map<String, String> steps = new LinkedHashMap<>();
        Matcher m = STEP.matcher(page.body());
        while (m.find()) {
            Matcher text = EVIDENCE.matcher(m.group(4));
            assertTrue(text.find(), m.group(4));
            steps.put(m.group(1) + " " + m.group(2), m.group(3) + " " + text.group(1).strip());
            Matcher ms = MILLIS.matcher(m.group(4));
            if (ms.find()) {
                millis.put(m.group(1) + " " + m.group(2), Long.parseLong(ms.group(1)));
            }
        }
        assertFalse(steps.isEmpty(), page.body());
        return steps;
    }

    /** Per step: the sum and the largest of its times over all partners, for the run's log. */
    static String stepTimes(Map<String, Long> millis) {
        Map<String, long[]> sums = new java.util.TreeMap<>();
        millis.forEach((k, v) -> {
            long[] s = sums.computeIfAbsent(k.substring(k.indexOf(' ') + 1), x -> new long[2]);
            s[0] += v;
            s[1] = Math.max(s[1], v);
        });
        StringBuilder sb = new StringBuilder();
        sums.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v[0]).append('/').append(v[1]));
        return sb + " (ms, sum/max)";
    }
}
