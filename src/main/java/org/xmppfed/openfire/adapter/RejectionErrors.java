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
