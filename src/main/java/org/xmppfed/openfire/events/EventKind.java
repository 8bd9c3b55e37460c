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
package org.xmppfed.openfire.events;

import java.util.Locale;

/**
 * What kind of thing happened, in the administrator's words. The constant's name is what the
 * database stores and what the CSV download and Openfire's log show, so names are never reused.
 *
 * <p>Emitted today: {@link #CONNECTION_CLOSED} (the policy sweep closing sessions),
 * {@link #STANZA_DENIED} (the policy step), {@link #NATIVE_ADDRESS_DROPPED},
 * {@link #EMAIL_ADDRESS_REFUSED} and {@link #EMAIL_NOT_READY} (the email step),
 * {@link #SETTINGS_CHANGED} (every change saved on an admin page), {@link #PLUGIN_STARTED},
 * {@link #PLUGIN_STOPPED} and {@link #EVENTS_DROPPED} (the event writer itself), {@link #CERTIFICATE_EXPIRING}
 * (the daily certificate check), {@link #SETTINGS_PUSHED} and {@link #PUSH_REFUSED} (pushes of settings
 * between peer clusters; an applied push is a {@link #SETTINGS_CHANGED} on the receiving cluster, by the
 * pushing peer). Defined for the
 * capabilities that will emit them, not emitted yet: {@link #CONNECTION_OPENED},
 * {@link #CONNECTION_REFUSED}, {@link #ROUTE_FAILURE}, {@link #CERTIFICATE_PROBLEM}.
 */
public enum EventKind {
    CONNECTION_OPENED(true, false),
    CONNECTION_CLOSED(true, false),
    CONNECTION_REFUSED(true, true),
    /** A federated stanza the policy does not allow. */
    STANZA_DENIED(true, false),
    /** A federated stanza to the XMPP address of a user who federates by email address. */
    NATIVE_ADDRESS_DROPPED(true, false),
    /** A federated stanza to an address of an email domain that no user has. */
    EMAIL_ADDRESS_REFUSED(true, false),
    /** A stanza held back because the users' email addresses have not been read yet. */
    EMAIL_NOT_READY(true, true),
    ROUTE_FAILURE(true, true),
    /** A certificate problem seen when a server-to-server connection was set up. */
    CERTIFICATE_PROBLEM(true, true),
    /** An administrator's change, with the administrator's user name and what changed. */
    SETTINGS_CHANGED(false, false),
    PLUGIN_STARTED(false, false),
    PLUGIN_STOPPED(false, false),
    /** Events that the writer could not keep (its queue was full, or the database failed). */
    EVENTS_DROPPED(false, true),
    /** A federation or trusted certificate that expires within 30 days, has expired or is not valid yet (checked daily). */
    CERTIFICATE_EXPIRING(false, true),
    /** An administrator pushed this cluster's settings to a peer cluster (with what the peer answered). */
    SETTINGS_PUSHED(false, false),
    /** A peer cluster's push of settings that this cluster refused (pushes not accepted from it, or entries it cannot take). */
    PUSH_REFUSED(false, true);

    private final boolean perStanza;
    private final boolean warning;

    EventKind(boolean perStanza, boolean warning) {
        this.perStanza = perStanza;
        this.warning = warning;
    }

    /**
     * Whether traffic can raise this kind in floods: such events are coalesced (identical ones
     * within a minute become one row with a count) and their log lines are rate-limited. An
     * administrator's change is never merged with another one.
     */
    public boolean perStanza() {
        return perStanza;
    }

    /** Whether Openfire's log shows it as a warning rather than as information. */
    public boolean warning() {
        return warning;
    }

    /** The message key of the kind's name on the pages. */
    public String messageKey() {
        return "events.kind." + name();
    }

    /** The kind named {@code text} (any case), or {@code null}. */
    public static EventKind parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
