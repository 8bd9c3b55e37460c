package org.xmppfed.openfire.store;

/** A persistence failure; the operation that raised it changed nothing. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
