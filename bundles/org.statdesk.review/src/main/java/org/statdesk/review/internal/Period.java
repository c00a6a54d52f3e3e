package org.statdesk.review.internal;

import java.util.regex.Pattern;

/** Report periods as {@code YYYY-MM}, with month arithmetic on a month index (year * 12 + month - 1). */
public final class Period {
    private static final Pattern FORMAT = Pattern.compile("(19|20)\\d\\d-(0[1-9]|1[0-2])");

    private Period() {
    }

    public static boolean valid(String p) {
        return p != null && FORMAT.matcher(p).matches();
    }

    public static int index(String p) {
        if (!valid(p)) {
            throw new IllegalArgumentException("period must be YYYY-MM, not '" + p + "'");
        }
        return Integer.parseInt(p.substring(0, 4)) * 12 + Integer.parseInt(p.substring(5, 7)) - 1;
    }

    public static String of(int index) {
        return String.format("%04d-%02d", index / 12, index % 12 + 1);
    }

    public static String shift(String p, int months) {
        return of(index(p) + months);
    }

    public static int month(String p) {
        return index(p) % 12 + 1;
    }
}
