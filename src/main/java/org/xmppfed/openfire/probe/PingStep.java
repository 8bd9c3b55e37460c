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

import java.time.Duration;

import org.xmppfed.openfire.policy.Decision;
import org.xmppfed.openfire.policy.Direction;
import org.xmppfed.openfire.policy.FederationPolicy;
import org.xmppfed.openfire.troubleshoot.Text;
import org.xmppfed.openfire.troubleshoot.Verdict;

/**
 * The probe's last step, an XMPP ping over a real server-to-server stream of this server: whether the
 * policy lets it run at all (the ping goes out and its answer comes back, so both directions must be
 * allowed), and what its answer means. An error reply still proves the stream works both ways; only
 * the errors a server returns for a partner it could not reach, and no answer at all, fail.
 */
final class PingStep {
    static final String ID = "ping";

    private PingStep() {
    }

    /** Why the policy rules the ping out for {@code domain}, or null when it may run. */
    static Text skipReason(FederationPolicy policy, String domain) {
        Decision out = policy.decide(domain, Direction.OUTGOING);
        if (!out.allowed()) {
            return reason("out", out, policy, domain);
        }
        Decision in = policy.decide(domain, Direction.INCOMING);
        return in.allowed() ? null : reason("in", in, policy, domain);
    }

    private static Text reason(String direction, Decision d, FederationPolicy policy, String domain) {
        return switch (d.reason()) {
            case FEDERATION_OFF -> Text.of("probe.ping.skipped.off");
            case EXCEPTION -> Text.of("probe.ping.skipped." + direction + ".exception", domain,
                d.exception().pattern() + " (" + d.exception().direction().name() + ")");
            case DEFAULT_POLICY -> Text.of("probe.ping.skipped." + direction + ".default", domain, policy.defaultPolicy().name());
            default -> Text.of("probe.ping.skipped.invalid", domain);
        };
    }

    static S2sProbe.Step skipped(Text reason) {
        return new S2sProbe.Step(ID, Verdict.SKIPPED, reason, 0);
    }

    /** The step for {@code answer}; {@code timeout} is the bound the ping was sent with. */
    static S2sProbe.Step judge(XmppPing.Answer answer, Duration timeout) {
        return switch (answer.kind()) {
            case RESULT -> new S2sProbe.Step(ID, Verdict.PASS, Text.of("probe.ping.ok", answer.millis()), answer.millis());
            case ERROR -> error(answer);
            case TIMEOUT -> new S2sProbe.Step(ID, Verdict.FAIL, Text.of("probe.ping.timeout", timeout.toMillis()), answer.millis());
            case NOT_SENT -> new S2sProbe.Step(ID, Verdict.FAIL, Text.of("probe.ping.not-sent", answer.text()), 0);
        };
    }

    private static S2sProbe.Step error(XmppPing.Answer a) {
        String text = a.text().isBlank() ? "" : " (" + abbreviate(a.text()) + ")";
        return switch (a.condition()) {
            // what a server answers for a partner it could not reach: no stream was set up
            case "remote-server-not-found", "remote-server-timeout" ->
                new S2sProbe.Step(ID, Verdict.FAIL, Text.of("probe.ping.unreachable", a.condition(), text), a.millis());
            // XEP-0199: a server without ping answers service-unavailable; the answer itself came back over the stream
            case "service-unavailable", "feature-not-implemented" ->
                new S2sProbe.Step(ID, Verdict.PASS, Text.of("probe.ping.unsupported", a.condition(), a.millis()), a.millis());
            default -> new S2sProbe.Step(ID, Verdict.WARN, Text.of("probe.ping.error", a.condition().isEmpty() ? "?" : a.condition(), text,
                a.millis()), a.millis());
        };
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "\u2026" : t;
    }
}
