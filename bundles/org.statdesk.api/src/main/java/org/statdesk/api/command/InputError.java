package org.statdesk.api.command;

/** One error in imported or typed input (输入错误): the line (header is line 1; 0 when not from a file), field, value. */
public record InputError(int line, String field, String value, String message) {
    public static InputError of(String field, String value, String message) {
        return new InputError(0, field, value, message);
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + (field == null ? "" : field + " ") +
                (value == null ? "" : "'" + value + "' ") + "- " + message;
    }
}
