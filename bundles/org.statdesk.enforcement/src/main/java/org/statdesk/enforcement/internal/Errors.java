package org.statdesk.enforcement.internal;

import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.command.InputError;

/**
 * The errors found in an imported file: the first {@link Inputs#MAX_ERRORS} are kept, the rest only counted, so
 * that a large file of bad rows costs neither memory nor a reply larger than the file.
 */
final class Errors {
    private final List<InputError> kept = new ArrayList<>();
    private int total;

    void add(InputError e) {
        total++;
        if (kept.size() < Inputs.MAX_ERRORS) {
            kept.add(e);
        }
    }

    void add(int line, String field, String value, String message) {
        add(new InputError(line, field, Inputs.shownOrNull(value), message));
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** Bad input (exit 2) listing the kept errors and, when some were only counted, one entry saying how many. */
    void throwIfAny() {
        if (total == 0) {
            return;
        }
        List<InputError> all = new ArrayList<>(kept);
        if (total > kept.size()) {
            all.add(new InputError(0, null, String.valueOf(total), "共 " + total + " 处错误，只列出前 " + kept.size()
                    + " 处；另有 " + (total - kept.size()) + " 处未列出"));
        }
        throw new org.statdesk.api.command.BadInputException(kept.get(0).toString(), all);
    }
}
