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

/** What decided a federation policy decision. */
public enum DecisionReason {
    /** The federation switch is off: nothing crosses. */
    FEDERATION_OFF,
    /** A policy exception covered the domain and direction. */
    EXCEPTION,
    /** No exception covered the domain and direction; the default policy applied. */
    DEFAULT_POLICY,
    /** The domain has static routes and routed domains are allowed automatically: allowed both ways. */
    STATIC_ROUTE,
    /** The remote domain could not be read as a domain name; denied (fail closed). */
    INVALID_DOMAIN
}
