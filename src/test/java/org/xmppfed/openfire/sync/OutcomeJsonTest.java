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
package org.xmppfed.openfire.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.policy.InvalidInputException;

/** A push's answer: written and read back the same; anything else refused with what was wrong. */
class OutcomeJsonTest {
    @Test
    void anAppliedAnswerReadsBackTheSame() throws Exception {
        TransferOutcome o = TransferOutcome.applied(List.of(new TransferOutcome.PartCount(SyncPart.POLICY, 3, 5, 2, 1, 0),
            new TransferOutcome.PartCount(SyncPart.EMAIL_DOMAINS, 1, 0, 0, 0, 1)), "DENY", "ALLOW");
        assertEquals(o, OutcomeJson.read(OutcomeJson.write(o)));
    }

    @Test
    void aRefusalReadsBackWithEveryReasonAndItsEnglishText() throws Exception {
        TransferOutcome o = TransferOutcome.refused(List.of(
            SyncProblem.of(SyncPart.ROUTES, "a.example,x:1", new InvalidInputException("route.error.port-range", "x:1", "1")),
            SyncProblem.general("sync.refused.not-accepted", "west")));
        TransferOutcome read = OutcomeJson.read(OutcomeJson.write(o));
        assertEquals(o, read);
        assertEquals(o.problemLines(Locale.GERMAN), read.problemLines(Locale.GERMAN), "rendered in the reader's language");
    }

    @Test
    void aReasonThisVersionHasNoTextForShowsTheSendersEnglish() throws Exception {
        String json = "{\"applied\":false,\"problemCount\":1,\"problems\":[{\"part\":\"policy\",\"entry\":\"x.example,BOTH\","
            + "\"key\":\"some.future.key\",\"args\":[],\"text\":\"a reason from a newer plugin\"}],\"future\":{\"a\":[1,2]}}";
        TransferOutcome o = OutcomeJson.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("Policy x.example,BOTH: a reason from a newer plugin"), o.problemLines(Locale.ENGLISH));
    }

    @Test
    void onlyTheFirstThousandReasonsTravelAndTheCountSaysHowManyThereWere() throws Exception {
        List<SyncProblem> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add(SyncProblem.of(SyncPart.POLICY, "p" + i + ".example,UP", new InvalidInputException("policy.error.direction", "UP")));
        }
        TransferOutcome read = OutcomeJson.read(OutcomeJson.write(TransferOutcome.refused(many)));
        assertEquals(1500, read.problemCount());
        assertEquals(TransferOutcome.PROBLEMS_KEPT, read.problems().size());
        List<String> lines = read.problemLines(Locale.ENGLISH);
        assertEquals("... and 500 more reasons.", lines.get(lines.size() - 1));
    }

    @Test
    void whatIsNotAPushAnswerIsRefusedWithWhatWasWrong() {
        for (String bad : List.of("", "<html></html>", "[]", "{\"applied\":\"yes\"}", "{}", "{\"applied\":false}",
            "{\"applied\":true,\"parts\":[{\"part\":\"nonsense\"}]}", "{\"applied\":true} trailing", "{\"applied\":true,\"parts\":[{\"part\":\"policy\",\"before\":\"1\"}]}")) {
            OutcomeJson.Unreadable e = assertThrows(OutcomeJson.Unreadable.class, () -> OutcomeJson.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), bad);
        }
    }
}
