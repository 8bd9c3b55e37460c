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
package org.xmppfed.openfire.probe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends an XMPP ping (XEP-0199) from one of this server's domains to a partner domain through the
 * server's own routing, so that it travels over a real server-to-server stream set up as the server
 * sets up every other (DNS or static route, TLS, dialback or SASL EXTERNAL), and reports the answer.
 * The plugin implements it on Openfire's IQ router; the probe only sees this interface.
 */
public interface XmppPing {

    /** What came back, and how long after sending. */
    record Answer(Kind kind, String condition, String text, long millis) {
        public static Answer result(long millis) {
            return new Answer(Kind.RESULT, "", "", millis);
        }

        public static Answer error(String condition, String text, long millis) {
            return new Answer(Kind.ERROR, condition == null ? "" : condition, text == null ? "" : text, millis);
        }

        public static Answer timeout(long millis) {
            return new Answer(Kind.TIMEOUT, "", "", millis);
        }

        /** The ping could not be handed to the server at all ({@code text} says why). */
        public static Answer notSent(String text) {
            return new Answer(Kind.NOT_SENT, "", text == null ? "" : text, 0);
        }
    }

    /** The kinds of answer. */
    enum Kind { RESULT, ERROR, TIMEOUT, NOT_SENT }

    /**
     * Sends the ping and returns at once; the answer completes the future, a {@link Kind#TIMEOUT}
     * answer at the latest after {@code timeout}. Never completes exceptionally.
     */
    CompletableFuture<Answer> send(String from, String to, Duration timeout);
}
