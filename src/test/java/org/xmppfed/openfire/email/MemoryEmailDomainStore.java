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
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.xmppfed.openfire.store.EmailDomainStore;
import org.xmppfed.openfire.store.StoreException;

/** The email domain table in memory, counting writes; can be told to fail. */
public final class MemoryEmailDomainStore implements EmailDomainStore {
    public final Map<String, Instant> rows = new TreeMap<>();
    /** The approved ones among {@link #rows}. */
    public final java.util.Set<String> approved = new java.util.TreeSet<>();
    public int writes;
    public int loads;
    public boolean failing;

    private void check() {
        if (failing) {
            throw new StoreException("database down", new java.sql.SQLException("down"));
        }
    }

    @Override
    public Map<String, Recorded> loadAll() {
        check();
        loads++;
        Map<String, Recorded> result = new TreeMap<>();
        rows.forEach((d, created) -> result.put(d, new Recorded(created, approved.contains(d))));
        return result;
    }

    @Override
    public void setApproved(String domain, boolean approve) {
        check();
        if (!rows.containsKey(domain)) {
            throw new StoreException("not recorded " + domain, new java.sql.SQLException("missing"));
        }
        writes++;
        if (approve) {
            approved.add(domain);
        } else {
            approved.remove(domain);
        }
    }

    @Override
    public void insert(String domain, Instant created, boolean approve) {
        check();
        if (rows.containsKey(domain)) {
            throw new StoreException("duplicate " + domain, new java.sql.SQLException("duplicate"));
        }
        writes++;
        rows.put(domain, created);
        if (approve) {
            approved.add(domain);
        }
    }

    @Override
    public int insertMissing(Collection<String> domains, Instant created) {
        check();
        writes++;
        int added = 0;
        for (String d : domains) {
            if (rows.putIfAbsent(d, created) == null) {
                added++;
            }
        }
        return added;
    }

    @Override
    public void rename(String original, String replacement) {
        check();
        if (!rows.containsKey(original) || rows.containsKey(replacement)) {
            throw new StoreException("cannot rename " + original, new java.sql.SQLException("rename"));
        }
        writes++;
        rows.put(replacement, rows.remove(original));
        if (approved.remove(original)) {
            approved.add(replacement);
        }
    }

    @Override
    public void delete(String domain) {
        check();
        writes++;
        rows.remove(domain);
        approved.remove(domain);
    }

    /** What an administrator does on a new install: approve the domains of the users' addresses. */
    public static void approveUserDomains(EmailFederation email) {
        for (String domain : email.index().domains().keySet()) {
            if (!domain.equals(email.xmppDomain()) && !email.isEmailDomain(domain) && email.enabled()) {
                try {
                    email.approveDomain(domain);
                } catch (org.xmppfed.openfire.policy.InvalidInputException serverDomain) {
                    // a component's domain is never served
                }
            }
        }
    }
}
