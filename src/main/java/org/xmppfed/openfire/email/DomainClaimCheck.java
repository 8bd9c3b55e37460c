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

/**
 * Whether this server may claim a domain as an email domain: it must not be a domain we federate
 * with (a policy exception names it, a session with it is open or was seen, DNS points it at
 * another server). Implemented where those facts live (the Openfire adapter, DNS).
 */
@FunctionalInterface
public interface DomainClaimCheck {
    /** Never refuses: for tests and setups without the facts. */
    DomainClaimCheck NONE = domain -> ClaimVerdict.OK;

    ClaimVerdict check(String domain);
}
