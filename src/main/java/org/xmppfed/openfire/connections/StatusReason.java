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
package org.xmppfed.openfire.connections;

import java.io.Serializable;
import java.util.List;

/**
 * One reason why federation is not (fully) working, in the administrator's words: a message key
 * with its arguments, and the admin page that fixes it (a path relative to Openfire's admin
 * console, e.g. {@code plugins/federation/settings.jsp} or Openfire's own
 * {@code connection-settings-socket-s2s.jsp}). {@code blocking} reasons make federation inactive;
 * the others are warnings. Serializable because cluster nodes send their reasons to the node that asks.
 */
public record StatusReason(String key, List<String> args, String fixPage, boolean blocking) implements Serializable {
    private static final long serialVersionUID = 1L;

    public StatusReason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static StatusReason blocking(String key, String fixPage, String... args) {
        return new StatusReason(key, List.of(args), fixPage, true);
    }

    public static StatusReason warning(String key, String fixPage, String... args) {
        return new StatusReason(key, List.of(args), fixPage, false);
    }

    /** The arguments as the message formatting takes them. */
    public Object[] arguments() {
        return args.toArray();
    }
}
