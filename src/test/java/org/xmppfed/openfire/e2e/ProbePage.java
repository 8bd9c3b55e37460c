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

    /** Probes {@code domains} (blank-separated); "domain step" → "VERDICT what the row says" (as the page escapes it). */
    static Map<String, String> probe(AdminConsole admin, String domains) {
        AdminConsole.Page page = admin.post("plugins/federation/troubleshooter.jsp", Map.of("action", "probe", "domains", domains));
        Map<String, String> steps = new LinkedHashMap<>();
        Matcher m = STEP.matcher(page.body());
        while (m.find()) {
            Matcher text = EVIDENCE.matcher(m.group(4));
            assertTrue(text.find(), m.group(4));
            steps.put(m.group(1) + " " + m.group(2), m.group(3) + " " + text.group(1).strip());
        }
        assertFalse(steps.isEmpty(), page.body());
        return steps;
    }
}
