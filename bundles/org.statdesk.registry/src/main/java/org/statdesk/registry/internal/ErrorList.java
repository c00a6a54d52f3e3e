package org.statdesk.registry.internal;

import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.command.InputError;

/**
 * Errors of an import, capped: the first {@link #LISTED} are kept, the rest only counted, so that a file of a
 * million bad rows gives a short answer (and little memory) rather than an error document larger than the file.
 */
public final class ErrorList {
    /** Errors listed at most; the rest are counted in one last entry. */
    public static final int LISTED = 200;
    private final List<InputError> listed = new ArrayList<>();
    private long total;

    public void add(InputError e) {
        total++;
        if (listed.size() < LISTED) {
            listed.add(e);
        }
    }

    public void addAll(List<InputError> errors) {
        errors.forEach(this::add);
    }

    public long total() {
        return total;
    }

    List<InputError> listed() {
        return List.copyOf(listed);
    }

    /**
     * What an import answers: the errors of {@code first}, then of {@code second}, at most {@link #LISTED} of them,
     * then (when there were more) one entry that counts those not listed.
     */
    public static List<InputError> report(ErrorList first, ErrorList second) {
        List<InputError> out = new ArrayList<>(first.listed);
        for (InputError e : second.listed) {
            if (out.size() < LISTED) {
                out.add(e);
            }
        }
        long all = first.total + second.total;
        if (all > out.size()) {
            out.add(new InputError(0, null, null, "另有 " + (all - out.size()) + " 处错误未列出（共 " + all
                    + " 处，只列出前 " + LISTED + " 处）"));
        }
        return out;
    }
}
