package org.statdesk.review.internal;

import java.time.LocalDate;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.input.Inputs;

/** Typed options of the review commands judged as every input is ({@link Inputs}), bad input when they fail. */
public final class Checks {
    private Checks() {
    }

    /** A report period YYYY-MM from 2000-01 to next month. */
    public static String period(String p) {
        if (!Period.valid(p)) {
            throw new BadInputException("period must be YYYY-MM, not '" + Inputs.shown(p) + "'");
        }
        try {
            return Inputs.period(p, LocalDate.now()).toString();
        } catch (Inputs.InvalidValueException e) {
            throw new BadInputException("period: " + e.getMessage());
        }
    }

    /** A figure typed in an option: a plain decimal, finite, neither overflowing nor underflowing. */
    public static double value(String option, String text) {
        try {
            return Inputs.decimal(text);
        } catch (Inputs.InvalidValueException e) {
            throw new BadInputException("option --" + option + ": " + e.getMessage());
        }
    }
}
