package org.statdesk.api.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one place where a typed or imported value is judged (输入校验), so that every import and every option that
 * takes a number, a period, a date or free text refuses the same things with the same words. Each method returns the
 * value or throws {@link InvalidValueException} with a short message that never echoes a long value back; the
 * caller adds the line and field.
 */
public final class Inputs {
    /** Longest free text kept (a name, an address, a reason). */
    public static final int MAX_TEXT = 500;
    /** Earliest period StatDesk accepts. */
    public static final YearMonth FIRST_PERIOD = YearMonth.of(2000, 1);

    // A plain decimal: optional sign, digits, optional fraction, optional exponent. No hex, no suffixes (12f, 7d),
    // no separators (1,5), no NaN or Infinity: Double.parseDouble accepts all of those.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Pattern COUNT = Pattern.compile("\\+?\\d{1,12}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private Inputs() {
    }

    /** A finite decimal number; refuses what overflows or underflows a double (1e308 × anything, 1e-400). */
    public static double decimal(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            throw new InvalidValueException("empty: a number is needed");
        }
        if (!plainDecimal(t)) {
            throw new InvalidValueException("not a plain decimal number (digits, one '.', optional exponent): "
                    + shown(t));
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d) || Math.abs(d) > 1e15) {
            throw new InvalidValueException("out of range (at most 1e15 in absolute value): " + shown(t));
        }
        if (d == 0 && new BigDecimal(t).signum() != 0) {
            throw new InvalidValueException("too small to be kept (underflow): " + shown(t));
        }
        return d == 0 ? 0.0 : d; // no negative zero
    }

    /**
     * Whether {@code t} is {@link #DECIMAL}, scanned by hand: an import judges every figure of a province month
     * (700,000), and the regular expression cost five times the parse itself.
     */
    private static boolean plainDecimal(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int whole = 0;
        while (i < n && digit(t.charAt(i))) {
            i++;
            whole++;
        }
        int fraction = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && digit(t.charAt(i))) {
                i++;
                fraction++;
            }
        }
        if (whole == 0 && fraction == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && digit(t.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent < 1 || exponent > 4) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A whole, non-negative count (head counts, hours): no fraction, no sign but '+', at most 12 digits. */
    public static long count(String s) {
        String t = s == null ? "" : s.strip();
        if (!COUNT.matcher(t).matches()) {
            throw new InvalidValueException("not a whole non-negative number: " + shown(t));
        }
        return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
    }

    /**
     * A count given as a decimal number ({@code 12} or {@code 12.0}, as spreadsheets write whole numbers); a fraction
     * is refused.
     */
    public static double wholeNumber(String s) {
        double d = decimal(s);
        if (d != Math.rint(d)) {
            throw new InvalidValueException("must be a whole number (a head count has no fraction): " + shown(s));
        }
        return d;
    }

    /**
     * A report period {@code YYYY-MM} between 2000-01 and next month ({@code today}'s month + 1): a report for a
     * period that has not begun is a typing error.
     */
    public static YearMonth period(String s, LocalDate today) {
        String t = s == null ? "" : s.strip();
        if (!PERIOD.matcher(t).matches()) {
            throw new InvalidValueException("not a period YYYY-MM: " + shown(t));
        }
        YearMonth p;
        try {
            p = YearMonth.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("not a period YYYY-MM: " + shown(t));
        }
        YearMonth last = YearMonth.from(today).plusMonths(1);
        if (p.isBefore(FIRST_PERIOD) || p.isAfter(last)) {
            throw new InvalidValueException("period " + t + " is outside " + FIRST_PERIOD + " .. " + last);
        }
        return p;
    }

    /** A calendar date {@code YYYY-MM-DD}, not in the future. */
    public static LocalDate pastDate(String s, LocalDate today) {
        String t = s == null ? "" : s.strip();
        LocalDate d;
        try {
            d = LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("not a date YYYY-MM-DD: " + shown(t));
        }
        if (d.isAfter(today)) {
            throw new InvalidValueException("date " + t + " is in the future");
        }
        if (d.getYear() < 2000) {
            throw new InvalidValueException("date " + t + " is before 2000");
        }
        return d;
    }

    /** The day a report was filed: not before its period ends (the first day of the next month), not in the future. */
    public static LocalDate reportedOn(String s, YearMonth period, LocalDate today) {
        LocalDate d = pastDate(s, today);
        if (d.isBefore(period.plusMonths(1).atDay(1))) {
            throw new InvalidValueException("reported on " + d + ", before period " + period + " ended");
        }
        return d;
    }

    /**
     * Free text (a name, an address, a reason): at most {@code max} characters, no control characters (C0 but tab,
     * DEL, C1) and no bidirectional overrides (U+202A..U+202E, U+2066..U+2069), which make a name read differently
     * than it is stored. Text that looks like a formula ({@code =}, {@code +86 ...}) is accepted: it is neutralised on
     * output ({@link Cells#neutralise}).
     */
    public static String text(String s, int max) {
        if (s == null) {
            return null;
        }
        if (s.length() > max) {
            throw new InvalidValueException("too long: " + s.length() + " characters, at most " + max);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)) {
                throw new InvalidValueException(String.format("holds the control character U+%04X at position %d",
                        (int) c, i + 1));
            }
        }
        return s;
    }

    /** {@link #text(String, int)} with {@link #MAX_TEXT}. */
    public static String text(String s) {
        return text(s, MAX_TEXT);
    }

    /** A value as an error message may show it: at most 40 characters, control characters as '?'. */
    public static String shown(String s) {
        if (s == null) {
            return "";
        }
        String t = s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + " characters)" : s;
        StringBuilder b = new StringBuilder(t.length());
        t.chars().forEach(c -> b.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) ? '?' : (char) c));
        return b.toString();
    }

    /** Why a value was refused; the message is short and safe to print. */
    public static final class InvalidValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidValueException(String message) {
            super(message);
        }
    }
}
