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

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void aSkippedStepNeverMakesAnythingWorseNorBetter() {
        assertEquals(Verdict.PASS, Verdict.PASS.worse(Verdict.SKIPPED));
        assertEquals(Verdict.WARN, Verdict.WARN.worse(Verdict.SKIPPED));
        assertEquals(Verdict.FAIL, Verdict.SKIPPED.worse(Verdict.FAIL));
        assertEquals(Verdict.WARN, Verdict.PASS.worse(Verdict.WARN));
    }

    @Test
    void exitCodesAreZeroOneTwoForPassWarnFail() {
        assertEquals(0, Verdict.PASS.exitCode());
        assertEquals(0, Verdict.SKIPPED.exitCode());
        assertEquals(1, Verdict.WARN.exitCode());
        assertEquals(2, Verdict.FAIL.exitCode());
    }
}
