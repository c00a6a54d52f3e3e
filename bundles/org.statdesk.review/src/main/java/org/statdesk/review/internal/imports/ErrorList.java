package org.statdesk.review.internal.imports;

import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;

/**
 * The errors of one file: the first {@link #LISTED} are kept, the rest only counted, so that a large file of bad
 * rows gives a short answer (enough to fix the file) rather than one as large as the file.
 */
public final class ErrorList {
    public static final int LISTED = 200;
    private final List<InputError> listed = new ArrayList<>();
    private int count;

    public void add(InputError e) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(e);
        }
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int count() {
        return count;
    }

    /** The last error listed, null when none. */
    public InputError last() {
        return listed.isEmpty() ? null : listed.get(listed.size() - 1);
    }

    /** The errors listed, and one more line that counts those not listed. */
    public List<InputError> listed() {
        if (count <= listed.size()) {
            return List.copyOf(listed);
        }
        List<InputError> out = new ArrayList<>(listed);
        out.add(new InputError(0, null, null, "另有 " + (count - listed.size()) + " 处错误未列出（共 " + count
                + " 处）"));
        return out;
    }

    /** Bad input: {@code what} after the count of errors, with the errors listed. */
    public BadInputException failure(String what) {
        return new BadInputException(count + " error(s) in the file; " + what, listed());
    }
}
