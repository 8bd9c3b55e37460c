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
package org.xmppfed.openfire.alias;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.xmppfed.openfire.store.ChatAliasStore;
import org.xmppfed.openfire.store.StoreException;

/** The alias table in memory, counting writes; can be told to fail. */
final class MemoryChatAliasStore implements ChatAliasStore {
    final List<ChatNodeAlias> rows = new ArrayList<>();
    int writes;
    boolean failing;

    private void check() {
        if (failing) {
            throw new StoreException("database down", new java.sql.SQLException("down"));
        }
    }

    @Override
    public List<ChatNodeAlias> loadAll() {
        check();
        return List.copyOf(rows);
    }

    @Override
    public void insert(ChatNodeAlias alias, Instant created) {
        check();
        writes++;
        rows.add(alias);
    }

    @Override
    public void replace(String original, ChatNodeAlias replacement) {
        check();
        writes++;
        rows.replaceAll(a -> a.alias().equals(original) ? replacement : a);
    }

    @Override
    public boolean delete(String alias) {
        check();
        writes++;
        return rows.removeIf(a -> a.alias().equals(alias));
    }
}
