package org.xmppfed.openfire.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out JDBC connections (Openfire's pool in the server, a plain driver in tests). */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
