package org.xmppfed.openfire.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * An administrator's input that cannot be accepted. Carries a message key and its arguments, so
 * every page can show the reason in the administrator's language; {@link #getMessage()} is the
 * English text.
 */
public final class InvalidInputException extends RuntimeException {
    private final String key;
    private final Object[] args;

    public InvalidInputException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
        // Numbers are shown as entered (line 1201, not "1,201").
        for (int i = 0; i < this.args.length; i++) {
            if (this.args[i] instanceof Number) {
                this.args[i] = this.args[i].toString();
            }
        }
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public String message(Locale locale) {
        return Messages.format(locale, key, args);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return "InvalidInputException[" + key + Arrays.toString(args) + "]";
    }
}
