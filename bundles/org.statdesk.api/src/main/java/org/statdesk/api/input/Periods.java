package org.statdesk.api.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways a report period is written (报告期的写法) read as {@code YYYY-MM}: {@code 2024-06}, {@code 202406},
 * {@code 2024.06}, {@code 2024/06}, {@code 2024年6月}, {@code 2024年06月}, a date ({@code 2024-06-01}, what an Excel
 * date cell reads as), and the combined January-February report {@code 2024年1-2月} (period {@code 2024-02}).
 * Anything else is returned as written, for {@link Inputs#period} to refuse with the line.
 */
public final class Periods {
    private static final Pattern FORMS = Pattern.compile(
            "(\\d{4})(?:[-./]?(\\d{2})|[-./](\\d{1,2})[-./]\\d{1,2}|年(?:1[-~—–至]|01[-~—–至])?(\\d{1,2})月(?:份)?)");

    private Periods() {
    }

    /** {@code s} as {@code YYYY-MM} when it is one of the accepted forms, else {@code s} stripped. */
    public static String normalise(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() == 7 && s.charAt(4) == '-') {
            return s; // YYYY-MM already, as nearly every value of a province month is (or for Inputs.period to refuse)
        }
        String t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).strip();
        Matcher m = FORMS.matcher(t);
        if (!m.matches()) {
            return t;
        }
        String month = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        int mm = Integer.parseInt(month);
        if (mm < 1 || mm > 12) {
            return t;
        }
        return m.group(1) + "-" + (mm < 10 ? "0" : "") + mm;
    }
}
