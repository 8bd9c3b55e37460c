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

/**
 * A checked change of one capability's settings that is not stored or in force yet, so that
 * changes of several capabilities can be stored in one transaction ({@link TransactionScope}) and
 * put in force only after it committed: {@link #store()} inside the transaction, {@link #publish()}
 * after it. A change whose transaction rolled back is never published.
 */
public interface StagedChange {
    /** Writes the change; called inside the transaction of the whole change. */
    void store();

    /** Puts the stored change in force on this node and tells the other cluster nodes; called after the commit. */
    void publish();

    /** The change that stores with {@code store} and publishes with {@code publish}. */
    static StagedChange of(Runnable store, Runnable publish) {
        return new StagedChange() {
            @Override
            public void store() {
                store.run();
            }

            @Override
            public void publish() {
                publish.run();
            }
        };
    }
}
