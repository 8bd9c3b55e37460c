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
package org.xmppfed.openfire.security;

/**
 * What the S2S trust store holds, as far as strict validation cares: how many certificates, and
 * how many of them are certificate authorities (not self-signed end-entity certificates).
 */
public record TrustStoreSummary(int certificates, int authorities) {
    /** Whether strict validation could accept any federated server at all with this store. */
    public boolean canValidatePartners() {
        return authorities > 0;
    }
}
