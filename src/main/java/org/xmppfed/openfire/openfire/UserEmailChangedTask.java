package org.xmppfed.openfire.openfire;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.function.Consumer;

import org.jivesoftware.util.cache.ClusterTask;

/**
 * Tells the other cluster nodes that a user was created, deleted or changed their email address,
 * carrying the new address (a deleted user is announced before Openfire removes it, so the other
 * nodes must not read it back).
 */
public final class UserEmailChangedTask implements ClusterTask<Void> {
    /** Where a node that runs the plugin takes the change; {@code null} while the plugin is stopped. */
    static volatile Consumer<UserEmailChangedTask> receiver;

    private String username;
    private String email;
    private boolean deleted;

    /** For deserialisation. */
    public UserEmailChangedTask() {
    }

    UserEmailChangedTask(String username, String email, boolean deleted) {
        this.username = username;
        this.email = email;
        this.deleted = deleted;
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    boolean deleted() {
        return deleted;
    }

    @Override
    public void run() {
        Consumer<UserEmailChangedTask> r = receiver;
        if (r != null) {
            r.accept(this);
        }
    }

    @Override
    public Void getResult() {
        return null;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeUTF(username);
        out.writeBoolean(email != null);
        if (email != null) {
            out.writeUTF(email);
        }
        out.writeBoolean(deleted);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        username = in.readUTF();
        email = in.readBoolean() ? in.readUTF() : null;
        deleted = in.readBoolean();
    }
}
