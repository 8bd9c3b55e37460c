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
package org.xmppfed.openfire.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppfed.openfire.policy.DefaultPolicy;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.policy.PolicyException;
import org.xmppfed.openfire.troubleshoot.Verdict;

/** What each answer to the probe's ping means, and when the policy rules the ping out. */
class PingStepTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static List<Arguments> answers() {
        return List.of(
            Arguments.of(XmppPing.Answer.result(42), Verdict.PASS, "answered in 42 ms: a ping from this server reached the partner"),
            Arguments.of(XmppPing.Answer.error("service-unavailable", "", 17), Verdict.PASS,
                "answered with the error service-unavailable after 17 ms: the partner does not support XMPP ping (XEP-0199)"),
            Arguments.of(XmppPing.Answer.error("feature-not-implemented", "", 9), Verdict.PASS,
                "answered with the error feature-not-implemented after 9 ms: the partner does not support XMPP ping"),
            Arguments.of(XmppPing.Answer.error("not-allowed", "blocked here", 30), Verdict.WARN,
                "answered with the error not-allowed (blocked here) after 30 ms: server-to-server traffic works both ways, but the partner refused"),
            Arguments.of(XmppPing.Answer.error("remote-server-not-found", "Openfire: Exception: connection refused", 12), Verdict.FAIL,
                "Openfire could not set up a server-to-server session to the partner (remote-server-not-found) (Openfire: Exception: connection refused)"),
            Arguments.of(XmppPing.Answer.error("remote-server-timeout", "", 5000), Verdict.FAIL,
                "Openfire could not set up a server-to-server session to the partner (remote-server-timeout);"),
            Arguments.of(XmppPing.Answer.timeout(10_000), Verdict.FAIL, "no answer within 10000 ms"),
            Arguments.of(XmppPing.Answer.notSent("IllegalStateException: no router"), Verdict.FAIL,
                "the ping could not be sent: IllegalStateException: no router"));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void eachAnswerHasItsVerdictAndSaysWhatItMeans(XmppPing.Answer answer, Verdict verdict, String text) {
        S2sProbe.Step step = PingStep.judge(answer, TIMEOUT);
        assertEquals("ping", step.id());
        assertEquals(verdict, step.verdict(), step.what().render(Locale.ENGLISH));
        String shown = step.what().render(Locale.ENGLISH);
        assertEquals(true, shown.startsWith(text), shown);
    }

    private static FederationPolicy policy(boolean enabled, DefaultPolicy d, Object... patternDirection) {
        List<PolicyException> list = new ArrayList<>();
        for (int i = 0; i < patternDirection.length; i += 2) {
            list.add(PolicyException.of((String) patternDirection[i], (Direction) patternDirection[i + 1], Instant.EPOCH));
        }
        return FederationPolicy.of(enabled, d, list);
    }

    static List<Arguments> policies() {
        return List.of(
            Arguments.of(policy(true, DefaultPolicy.ALLOW), null),
            Arguments.of(policy(true, DefaultPolicy.DENY, "partner.example", Direction.BOTH), null),
            Arguments.of(policy(true, DefaultPolicy.DENY, "*.example", Direction.BOTH), null),
            Arguments.of(policy(true, DefaultPolicy.DENY),
                "not run: the default policy (DENY) denies traffic to partner.example, so this server sends it nothing"),
            Arguments.of(policy(true, DefaultPolicy.DENY, "partner.example", Direction.INCOMING),
                "not run: the default policy (DENY) denies traffic to partner.example, so this server sends it nothing"),
            Arguments.of(policy(true, DefaultPolicy.DENY, "partner.example", Direction.OUTGOING),
                "not run: the default policy (DENY) denies traffic from partner.example, so its answer would be dropped"),
            Arguments.of(policy(true, DefaultPolicy.ALLOW, "partner.example", Direction.OUTGOING),
                "not run: the policy exception partner.example (OUTGOING) denies traffic to partner.example, so this server sends it nothing"),
            Arguments.of(policy(true, DefaultPolicy.ALLOW, "*.example", Direction.INCOMING),
                "not run: the policy exception *.example (INCOMING) denies traffic from partner.example, so its answer would be dropped"),
            Arguments.of(policy(false, DefaultPolicy.ALLOW), "not run: federation is switched off"),
            // a routed domain while routes are allowed automatically: allowed both ways whatever the default says
            Arguments.of(FederationPolicy.of(true, DefaultPolicy.DENY, List.of(), java.util.Set.of("partner.example")), null));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void thePingRunsOnlyWhereThePolicyAllowsTrafficBothWays(FederationPolicy policy, String reason) {
        if (reason == null) {
            assertNull(PingStep.skipReason(policy, "partner.example"));
        } else {
            assertEquals(reason, PingStep.skipReason(policy, "partner.example").render(Locale.ENGLISH));
            assertEquals(Verdict.SKIPPED, PingStep.skipped(PingStep.skipReason(policy, "partner.example")).verdict());
        }
    }
}
