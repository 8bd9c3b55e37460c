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
package org.xmppfed.openfire.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Email domains known to the plugin (table {@code ofFedEmailDomain}): every domain an
 * administrator added, and every domain that users' addresses have had, so that a domain stays
 * (as administrator-managed) when its last user goes away. A domain is served (accepted over S2S,
 * used for addresses) only once approved: one that appears because of users' addresses is
 * recorded as proposed.
 */
public interface EmailDomainStore {
    /** One recorded domain: when it was first recorded, and whether an administrator approved it. */
    record Recorded(Instant created, boolean approved) {
    }

    /** Domain to what is recorded about it. */
    Map<String, Recorded> loadAll();

    void insert(String domain, Instant created, boolean approved);

    /** Adds those of {@code domains} that are not recorded yet, as proposed; returns how many were added. */
    int insertMissing(Collection<String> domains, Instant created);

    /** Approves a recorded domain, or takes the approval back. */
    void setApproved(String domain, boolean approved);

    void rename(String original, String replacement);

    void delete(String domain);
}
