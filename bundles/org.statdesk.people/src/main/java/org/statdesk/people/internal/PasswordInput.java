package org.statdesk.people.internal;

import java.io.Console;
import java.util.Arrays;
import org.statdesk.api.command.BadInputException;

/**
 * Where a new password comes from: the environment variable {@code STATDESK_NEW_PASSWORD} (scripts), or asked twice
 * without echo on a terminal. Never an option on the command line, where it would show in the process list and the
 * shell's history.
 */
final class PasswordInput {
    static final String ENV = "STATDESK_NEW_PASSWORD";

    private PasswordInput() {
    }

    static char[] newPassword(String login) {
        String env = System.getenv(ENV);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new BadInputException("no password for " + login + ": set " + ENV + " or run on a terminal");
        }
        char[] first = console.readPassword("新密码 (new password for %s): ", login);
        char[] second = console.readPassword("再输入一次 (again): ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            Passwords.wipe(first);
            Passwords.wipe(second);
            throw new BadInputException("the two passwords differ; nothing changed");
        }
        Passwords.wipe(second);
        return first;
    }
}
