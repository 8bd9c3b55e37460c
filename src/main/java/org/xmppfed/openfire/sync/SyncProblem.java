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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.xmppfed.openfire.policy.InvalidInputException;
import org.xmppfed.openfire.policy.Messages;

/**
 * Why a transfer was refused: about one entry of one part (the entry as the peer sent it, the reason
 * as a message key of the cluster that checked it), or about the transfer as a whole ({@code part}
 * and {@code entry} null). The English text travels with the key, so a peer with another plugin
 * version - which may not know the key - still shows the reason.
 */
public record SyncProblem(SyncPart part, String entry, String key, List<String> args, String text) {
    public SyncProblem {
        args = List.copyOf(args);
    }

    static SyncProblem of(SyncPart part, String entry, InvalidInputException e) {
        List<String> args = Arrays.stream(e.args()).map(String::valueOf).toList();
        return new SyncProblem(part, entry, e.key(), args, e.getMessage());
    }

    /** A reason about the whole transfer. */
    public static SyncProblem general(String key, Object... args) {
        List<String> a = Arrays.stream(args).map(String::valueOf).toList();
        return new SyncProblem(null, null, key, a, Messages.english(key, a.toArray()));
    }

    /** The reason in {@code locale}, with the part and entry it is about. */
    public String render(Locale locale) {
        String reason = Messages.format(locale, key, args.toArray());
        if (reason.equals(key)) {
            reason = text; // a key this plugin version does not know
        }
        return part == null ? reason : Messages.format(locale, "sync.problem." + part.param(), entry, reason);
    }
}
