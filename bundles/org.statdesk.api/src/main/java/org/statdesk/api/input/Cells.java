package org.statdesk.api.input;

import java.util.regex.Pattern;

/**
 * Cells of a list that a user opens in a spreadsheet (CSV, and later .xlsx): text that a spreadsheet would run as a
 * formula is neutralised (OWASP's CSV-injection rule), numbers stay numbers.
 */
public final class Cells {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Cells() {
    }

    /**
     * {@code s} prefixed with an apostrophe when it begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
     * carriage return and is not a plain number ({@code -12.5} stays a number; {@code +86 931 ...} and
     * {@code =SUM(A1)} become text).
     */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (!risky || NUMBER.matcher(s).matches()) {
            return s;
        }
        return "'" + s;
    }

    /** One CSV field: neutralised, then quoted when it holds a comma, a quote or a line break. */
    public static String csv(String s) {
        String t = neutralise(s == null ? "" : s);
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }
}
