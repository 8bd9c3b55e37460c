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
