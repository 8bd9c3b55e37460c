package org.xmppfed.openfire.email;

/** Reads every user's email address again (Federation → Email addresses, "read the user list again"). */
@FunctionalInterface
public interface EmailUsers {
    /** Returns once the list has been read and the email domains updated (bounded). */
    void rereadAll();
}
