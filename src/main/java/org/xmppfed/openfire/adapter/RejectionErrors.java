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
package org.xmppfed.openfire.adapter;

import java.lang.reflect.Method;

import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.xmpp.packet.PacketError;

/**
 * Adapter for Openfire 5.x API that the 4.2.0 compile API lacks: 
 * {@code PacketRejectedException.setRejectionError(PacketError)}. With it, Openfire's IQ router
 * answers a rejected IQ from a local client with our error (condition and text) instead of a bare
 * {@code not-allowed}. Looked up once by reflection; on a server without it the attach is a no-op
 * and the caller sends the error itself.
 */
final class RejectionErrors {
    private static final Method SET_REJECTION_ERROR = find();

    private RejectionErrors() {
    }

    private static Method find() {
        try {
            return PacketRejectedException.class.getMethod("setRejectionError", PacketError.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Attaches {@code error} to the exception; false when this Openfire cannot carry it. */
    static boolean attach(PacketRejectedException exception, PacketError error) {
        if (SET_REJECTION_ERROR == null) {
            return false;
        }
        try {
            SET_REJECTION_ERROR.invoke(exception, error);
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
