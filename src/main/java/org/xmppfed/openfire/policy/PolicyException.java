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
package org.xmppfed.openfire.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * One exception to the default policy: traffic with domains matching {@code pattern}, in the
 * covered {@code direction}, gets the opposite of the default decision.
 */
public record PolicyException(DomainPattern pattern, Direction direction, Instant created, Instant lastChanged) {
    public PolicyException {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastChanged, "lastChanged");
    }

    public static PolicyException of(String pattern, Direction direction, Instant when) {
        return new PolicyException(DomainPattern.parse(pattern), direction, when, when);
    }
}
