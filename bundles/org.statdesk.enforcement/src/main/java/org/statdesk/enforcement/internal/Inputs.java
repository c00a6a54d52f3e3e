package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs.InvalidValueException;

/**
 * Typed options and imported values of the enforcement commands, judged strictly with field-naming errors; what is
 * general (free text, past dates, how a value is shown) comes from {@link org.statdesk.api.input.Inputs}.
 */
final class Inputs {
    /** At most this many errors are listed; the rest are counted in one more entry. */
    static final int MAX_ERRORS = 200;
    /** Longest reason kept for a journaled change (the journal's reason column holds more). */
    static final int REASON = 1000;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern SEED = Pattern.compile("-?\\d{1,19}");

    private Inputs() {
    }

    /** A date {@code YYYY-MM-DD}, or null with an error added. */
    private static LocalDate date(String field, String text, int line, List<InputError> errors) {
        if (text == null || !ISO_DATE.matcher(text.strip()).matches()) {
            errors.add(new InputError(line, field, shownOrNull(text), "日期应为 YYYY-MM-DD 格式"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InputError(line, field, shownOrNull(text), "不存在的日期"));
            return null;
        }
    }

    /** A date option, or bad input. */
    static LocalDate date(String field, String text) {
        List<InputError> errors = new ArrayList<>();
        LocalDate d = date(field, text, 0, errors);
        fail(errors);
        return d;
    }

    /** A quarter {@code YYYYQn}: its year and number. */
    static int[] quarter(String text) {
        var m = text == null ? null : QUARTER.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new BadInputException("季度应为 YYYYQn 格式（如 2021Q2）",
                    List.of(InputError.of("quarter", shownOrNull(text), "季度应为 YYYYQn 格式（如 2021Q2），n 为 1-4")));
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static String quarterOf(LocalDate d) {
        return d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    /** A year 2000-2100, four digits and nothing else ({@code +2021}, {@code 2021.0} are typing errors). */
    static int year(String text) {
        String t = text == null ? "" : text.strip();
        if (YEAR.matcher(t).matches()) {
            int y = Integer.parseInt(t);
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        }
        throw bad(InputError.of("year", shownOrNull(text), "年份应为 2000-2100 之间的四位数"));
    }

    /** A record number: digits only. */
    static long id(String what, String text) {
        String t = text == null ? "" : text.strip();
        if (!ID.matcher(t).matches()) {
            throw new BadInputException(what, List.of(InputError.of(what, shownOrNull(text), "编号应为整数")));
        }
        return Long.parseLong(t);
    }

    /** A draw's seed: any 64-bit whole number, as the draw showed it (secure seeds are often negative). */
    static long seed(String text) {
        String t = text == null ? "" : text.strip();
        if (SEED.matcher(t).matches()) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        throw bad(InputError.of("seed", shownOrNull(text), "种子应为 64 位整数（-9223372036854775808 至 "
                + Long.MAX_VALUE + "）"));
    }

    /**
     * Free text typed into an option (facts, a note, a reason): no control characters or bidi overrides, at most
     * {@code max} characters (the column's width), else bad input with a short message that does not echo it back.
     */
    static String text(String field, String value, int max) {
        try {
            return org.statdesk.api.input.Inputs.text(value, max);
        } catch (InvalidValueException e) {
            throw bad(InputError.of(field, shownOrNull(value), e.getMessage()));
        }
    }

    /** A value as an error may show it (short, no control characters); null stays null. */
    static String shownOrNull(String s) {
        return s == null ? null : org.statdesk.api.input.Inputs.shown(s);
    }

    /** Bad input with one error; the message is the error itself, so text output names field and value too. */
    static BadInputException bad(InputError error) {
        return new BadInputException(error.toString(), List.of(error));
    }

    /** Bad input listing the errors (a handful, from one command line; files collect theirs in {@link Errors}). */
    static void fail(List<InputError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        throw new BadInputException(errors.get(0).toString(), errors);
    }
}
