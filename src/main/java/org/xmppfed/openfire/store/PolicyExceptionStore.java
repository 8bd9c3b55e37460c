package org.xmppfed.openfire.store;

import java.util.Collection;
import java.util.List;

import org.xmppfed.openfire.policy.DomainPattern;
import org.xmppfed.openfire.policy.PolicyException;

/**
 * Where policy exceptions are kept. Every method is one transaction: it either happens whole or
 * not at all.
 */
public interface PolicyExceptionStore {
    List<PolicyException> loadAll();

    void insert(PolicyException exception);

    /** Replaces the exception stored under {@code original} (the pattern may change). */
    void replace(DomainPattern original, PolicyException updated);

    void delete(DomainPattern pattern);

    /** Makes the stored list exactly {@code exceptions}. */
    void replaceAll(Collection<PolicyException> exceptions);
}
