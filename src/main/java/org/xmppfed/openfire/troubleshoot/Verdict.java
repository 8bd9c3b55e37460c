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

/**
 * The outcome of one check or probe step, ordered from good to bad. {@link #SKIPPED} is a step that
 * was deliberately not run (the policy rules it out), with the reason as its evidence: it never makes
 * a result worse than {@link #PASS}.
 */
public enum Verdict {
    SKIPPED, PASS, WARN, FAIL;

    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The command line's exit code for a report with this overall verdict. */
    public int exitCode() {
        return this == FAIL ? 2 : this == WARN ? 1 : 0;
    }
}
