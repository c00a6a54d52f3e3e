package org.statdesk.api.command;

/**
 * What a command produced: a JSON-serialisable value (records, maps, lists; field names are written in
 * snake_case), a human-readable text, and the exit code for {@code statdesk run}: 0 done (also when it found
 * problems in the data), 1 a check that does not hold or a failure, 2 bad input with nothing changed, 3 not signed in,
 * sign-in failed or not permitted (nothing changed).
 */
public record CommandResult(int exitCode, Object json, String text) {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int NOT_PERMITTED = 3;

    public static CommandResult ok(Object json, String text) {
        return new CommandResult(OK, json, text);
    }

    public static CommandResult checkFailed(Object json, String text) {
        return new CommandResult(CHECK_FAILED, json, text);
    }

    public static CommandResult badInput(Object json, String text) {
        return new CommandResult(BAD_INPUT, json, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
