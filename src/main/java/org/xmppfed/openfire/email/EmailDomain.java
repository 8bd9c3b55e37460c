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

import java.time.Instant;

/**
 * One email domain as the administrator sees it: system-managed while users have addresses in it
 * (read only), administrator-managed otherwise; served only once approved.
 *
 * @param users how many users have a well-formed address in the domain
 * @param recorded when the plugin first recorded the domain, or {@code null} if not yet
 * @param status whether the server answers for the domain
 */
public record EmailDomain(String name, Kind kind, int users, Instant recorded, Status status) {
    public enum Kind { SYSTEM, ADMINISTRATOR }

    /**
     * {@code SERVED}: approved - accepted over S2S and used for addresses. {@code PROPOSED}: only
     * users' addresses brought it in; waiting for an administrator.
     */
    public enum Status { SERVED, PROPOSED }

    public boolean served() {
        return status == Status.SERVED;
    }
}
