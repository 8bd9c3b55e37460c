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

/**
 * What to do with a federated stanza's recipient while email addresses are in use.
 *
 * @param username the local user it belongs to ({@link Kind#DELIVER}, {@link Kind#NATIVE_HIDDEN})
 */
public record InboundAddress(Kind kind, String username) {
    public enum Kind {
        /** Not an email address nor a hidden native one: route as usual. */
        UNCHANGED,
        /** An email address: deliver to this user's native JID. */
        DELIVER,
        /** The native JID of a user who federates by email: drop and log. */
        NATIVE_HIDDEN,
        /** An address in an email domain that belongs to nobody: answer with an error, never relay. */
        UNKNOWN,
        /** The email domain itself (no user part): answer for it, never relay. */
        DOMAIN
    }

    static final InboundAddress UNCHANGED = new InboundAddress(Kind.UNCHANGED, null);
    static final InboundAddress UNKNOWN = new InboundAddress(Kind.UNKNOWN, null);
    static final InboundAddress DOMAIN = new InboundAddress(Kind.DOMAIN, null);
}
