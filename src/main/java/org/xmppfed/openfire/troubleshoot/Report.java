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
package org.xmppfed.openfire.troubleshoot;

import java.time.Instant;
import java.util.List;

/** One run of the troubleshooter: when, how long, and its rows; the overall verdict is the worst row's. */
public record Report(Instant started, long millis, List<Check> checks) {
    public Report {
        checks = List.copyOf(checks);
    }

    public Verdict verdict() {
        Verdict v = Verdict.PASS;
        for (Check c : checks) {
            v = v.worse(c.verdict());
        }
        return v;
    }

    public long count(Verdict v) {
        return checks.stream().filter(c -> c.verdict() == v).count();
    }
}
