package org.statdesk.charts.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;

/** Report periods ({@code YYYY-MM}) and their arithmetic. */
final class Periods {
    private Periods() {
    }

    /** A period as every StatDesk input takes it ({@link Inputs#period}): YYYY-MM, 2000-01 up to next month. */
    static YearMonth parse(String field, String period) {
        try {
            return Inputs.period(period, LocalDate.now());
        } catch (Inputs.InvalidValueException e) {
            throw bad(field, period, "期间应为 YYYY-MM (" + e.getMessage() + ")");
        }
    }

    static String shift(String period, int months) {
        return YearMonth.parse(period).plusMonths(months).toString();
    }

    /** {@code count} periods ending with {@code last}, oldest first. */
    static List<String> window(String last, int count) {
        List<String> out = new ArrayList<>(count);
        YearMonth end = YearMonth.parse(last);
        for (int i = count - 1; i >= 0; i--) {
            out.add(end.minusMonths(i).toString());
        }
        return out;
    }

    static BadInputException bad(String field, String value, String message) {
        return new BadInputException("--" + field + " '" + Inputs.shown(value) + "': " + message,
                List.of(InputError.of(field, value, message)));
    }
}
