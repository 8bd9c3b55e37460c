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
import java.util.List;

import org.xmppfed.openfire.alias.ChatNodeAlias;

/** Where chat node aliases are kept (table {@code ofFedChatAlias}); every change is one transaction. */
public interface ChatAliasStore {
    /** Every alias, ordered by alias name. */
    List<ChatNodeAlias> loadAll();

    void insert(ChatNodeAlias alias, Instant created);

    /** Replaces {@code original} by {@code replacement} (a new name, another service, or both). */
    void replace(String original, ChatNodeAlias replacement);

    /** Removes {@code alias}; returns whether it was there. */
    boolean delete(String alias);
}
