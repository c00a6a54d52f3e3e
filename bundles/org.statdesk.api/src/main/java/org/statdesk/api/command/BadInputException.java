package org.statdesk.api.command;

import java.util.List;

/** Bad input: the command changed nothing. {@code statdesk run} exits 2 and prints {@code {"errors": [...]}}. */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<InputError> errors;

    public BadInputException(String message) {
        this(message, List.of(InputError.of(null, null, message)));
    }

    public BadInputException(String message, List<InputError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
