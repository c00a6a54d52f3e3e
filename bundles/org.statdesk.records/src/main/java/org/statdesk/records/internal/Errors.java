package org.statdesk.records.internal;

import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;

/** The errors of one file: the first {@link #LISTED} kept with their lines, the rest counted (a bad million-row file). */
final class Errors {
    static final int LISTED = 200;
    private final List<InputError> listed = new ArrayList<>();
    private long total;

    void add(int line, String field, String value, String message) {
        total++;
        if (listed.size() < LISTED) {
            listed.add(new InputError(line, field, value == null ? null : Inputs.shown(value), message));
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    long total() {
        return total;
    }

    /** The listed errors, and a last one saying how many more there were. */
    List<InputError> report() {
        List<InputError> out = new ArrayList<>(listed);
        if (total > listed.size()) {
            out.add(new InputError(0, null, null, "另有 " + (total - listed.size()) + " 处错误未列出"));
        }
        return out;
    }
}
