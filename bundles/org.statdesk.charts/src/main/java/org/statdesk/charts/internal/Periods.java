package org.statdesk.charts.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;

/** Report periods ({@code YYYY-MM}) and their arithmetic. */
final class Periods {
    private Periods() {
    }

    static YearMonth parse(String field, String period) {
        if (period == null || !period.matches("\\d{4}-\\d{2}")) {
            throw bad(field, period, "期间格式应为 YYYY-MM");
        }
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw bad(field, period, "不是有效的月份");
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
        return new BadInputException("--" + field + " '" + value + "': " + message,
                List.of(InputError.of(field, value, message)));
    }
}
