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
 * (as administrator-managed) when its last user goes away.
 */
public interface EmailDomainStore {
    /** Domain to the time it was first recorded. */
    Map<String, Instant> loadAll();

    void insert(String domain, Instant created);

    /** Adds those of {@code domains} that are not recorded yet; returns how many were added. */
    int insertMissing(Collection<String> domains, Instant created);

    void rename(String original, String replacement);

    void delete(String domain);
}
