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

/**
 * The outcome of the policy for one remote domain and one direction of traffic, with the rule
 * that decided it ({@code exception} is null unless {@code reason} is {@link DecisionReason#EXCEPTION}).
 */
public record Decision(boolean allowed, Direction direction, DecisionReason reason, PolicyException exception) {

    /** A short English description of the deciding rule, for logs and error texts. */
    public String ruleDescription(DefaultPolicy defaultPolicy) {
        return switch (reason) {
            case FEDERATION_OFF -> "federation is switched off";
            case EXCEPTION -> "policy exception " + exception.pattern() + " (" + exception.direction() + ")";
            case DEFAULT_POLICY -> "default policy " + defaultPolicy;
            case STATIC_ROUTE -> "static route (domains with static routes are allowed automatically)";
            case INVALID_DOMAIN -> "the remote domain is not a valid domain name";
        };
    }
}
