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
package org.xmppfed.openfire.email;

import java.util.List;

/**
 * The answer of a {@link DomainClaimCheck}: the domain may be claimed ({@code OK}), must not be
 * ({@code CONFLICT}, with the reason), or the check could not decide ({@code UNDECIDED}, with why;
 * the administrator chooses). The reason is a message key of the plugin's bundle and its arguments.
 */
public record ClaimVerdict(Kind kind, String reasonKey, List<String> args) {
    public enum Kind { OK, CONFLICT, UNDECIDED }

    public static final ClaimVerdict OK = new ClaimVerdict(Kind.OK, null, List.of());

    public static ClaimVerdict conflict(String reasonKey, String... args) {
        return new ClaimVerdict(Kind.CONFLICT, reasonKey, List.of(args));
    }

    public static ClaimVerdict undecided(String reasonKey, String... args) {
        return new ClaimVerdict(Kind.UNDECIDED, reasonKey, List.of(args));
    }

    public boolean conflicts() {
        return kind == Kind.CONFLICT;
    }

    /** The reason in the administrator's words (English), for logs. */
    public String english() {
        return reasonKey == null ? "" : org.xmppfed.openfire.policy.Messages.english(reasonKey, args.toArray());
    }
}
