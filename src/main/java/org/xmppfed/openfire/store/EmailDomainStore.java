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
