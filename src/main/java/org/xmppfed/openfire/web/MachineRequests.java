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
package org.xmppfed.openfire.web;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * For the plugin's URLs that machines call outside the admin login (metrics scrapes, peer
 * clusters). Openfire's plugin servlet opens an HTTP session for every request to a plugin servlet
 * (it stores a CSRF token there), so each scrape would leave one behind until the admin console's
 * session time-out; these requests never come back with its cookie, so the session is dropped at once.
 */
final class MachineRequests {
    private MachineRequests() {
    }

    /** Ends the session this request opened, if it opened one; a session the caller already had stays. */
    static void forgetNewSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.isNew()) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing left to forget
            }
        }
    }
}
