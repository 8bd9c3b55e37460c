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
import java.util.Optional;

/**
 * Remote domains this server has exchanged federated traffic with (table {@code ofFedRemoteDomain}),
 * newest first, bounded: the memory that keeps a partner's domain from being claimed as an email
 * domain later.
 */
public interface RemoteDomainStore {
    /** Records {@code domains} as seen at {@code when}; keeps at most {@code limit} rows (the newest). */
    void recordSeen(Collection<String> domains, Instant when, int limit);

    /** When {@code domain} was last recorded, if ever. */
    Optional<Instant> lastSeen(String domain);
}
