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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xmppfed.openfire.policy.Messages;

/**
 * What became of a transfer (a push as the receiving cluster answers it, or a pull): applied, with
 * the number of entries of each part before and after and what was added, changed and removed (and
 * the default policy before and after); or refused, with the reasons - then nothing was changed.
 * At most {@link #PROBLEMS_KEPT} reasons are kept; {@code problemCount} counts them all.
 */
public record TransferOutcome(boolean applied, List<PartCount> counts, String defaultBefore, String defaultAfter,
                              List<SyncProblem> problems, int problemCount) {
    /** Reasons kept (and sent back to a pushing peer); a list of 100 000 bad entries is summed up, not sent. */
    public static final int PROBLEMS_KEPT = 1000;

    /** One part's entries before and after, and the changes between. */
    public record PartCount(SyncPart part, int before, int after, int added, int changed, int removed) {
    }

    public TransferOutcome {
        counts = List.copyOf(counts);
        problemCount = Math.max(problemCount, problems.size());
        problems = List.copyOf(problems.subList(0, Math.min(PROBLEMS_KEPT, problems.size())));
    }

    public static TransferOutcome applied(List<PartCount> counts, String defaultBefore, String defaultAfter) {
        return new TransferOutcome(true, counts, defaultBefore, defaultAfter, List.of(), 0);
    }

    public static TransferOutcome refused(List<SyncProblem> problems) {
        return new TransferOutcome(false, List.of(), null, null, problems, problems.size());
    }

    public static TransferOutcome refused(SyncProblem problem) {
        return refused(List.of(problem));
    }

    /** The counts in {@code locale}, one line per part (and one for the default policy), for pages. */
    public List<String> countLines(Locale locale) {
        List<String> lines = new ArrayList<>();
        if (defaultBefore != null) {
            lines.add(defaultBefore.equals(defaultAfter) ? Messages.format(locale, "sync.count.default.same", defaultBefore)
                : Messages.format(locale, "sync.count.default", defaultBefore, defaultAfter));
        }
        for (PartCount c : counts) {
            lines.add(Messages.format(locale, "sync.count", Messages.format(locale, c.part().messageKey()), c.before(), c.after(),
                c.added(), c.changed(), c.removed()));
        }
        return lines;
    }

    /** The reasons in {@code locale}, one per line, and a last line with how many more there are. */
    public List<String> problemLines(Locale locale) {
        List<String> lines = new ArrayList<>(problems.stream().map(p -> p.render(locale)).toList());
        if (problemCount > problems.size()) {
            lines.add(Messages.format(locale, "sync.problems.more", problemCount - problems.size()));
        }
        return lines;
    }

    /** English, for the event log and Openfire's log: the counts, or the first {@code reasons} reasons and how many in all. */
    public String english(int reasons) {
        if (applied) {
            return String.join("; ", countLines(Locale.ENGLISH));
        }
        List<String> first = new ArrayList<>();
        for (SyncProblem p : problems.subList(0, Math.min(reasons, problems.size()))) {
            first.add(p.render(Locale.ENGLISH));
        }
        return (problemCount > 1 ? problemCount + " reasons: " : "") + String.join("; ", first)
            + (problemCount > first.size() ? "; ..." : "");
    }
}
