package org.statdesk.charts.internal;

import java.util.Dictionary;
import java.util.Locale;

/**
 * The review's settings as the charts need them (审核参数): HB's U, A, C, the minimum stratum size before merging
 * upward and the month-on-month band factor. Read from the review's own configuration (ConfigAdmin pid
 * {@value #PID}, i.e. {@code etc/org.statdesk.review.cfg}) with the review's defaults, so that a chart draws the
 * very bounds the flags were raised against. {@code source} says where they came from, for the subtitle.
 */
record ReviewSettings(double hbU, double hbA, double hbC, int minStratum, double momBand, String source) {
    static final String PID = "org.statdesk.review";
    static final ReviewSettings DEFAULTS = new ReviewSettings(0.5, 0.05, 7, 10, 2.0, "defaults");

    /** Settings from a configuration's properties; a missing or unreadable value keeps the review's default. */
    static ReviewSettings of(Dictionary<String, ?> p) {
        if (p == null) {
            return DEFAULTS;
        }
        ReviewSettings d = DEFAULTS;
        return new ReviewSettings(number(p.get("hbU"), d.hbU()), number(p.get("hbA"), d.hbA()),
                number(p.get("hbC"), d.hbC()), (int) number(p.get("minStratum"), d.minStratum()),
                number(p.get("momBand"), d.momBand()), PID);
    }

    private static double number(Object o, double def) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return def;
            }
        }
        return def;
    }

    boolean fromConfiguration() {
        return PID.equals(source);
    }

    /** "U=0.5, A=0.05, C=7" as the subtitle shows it. */
    String hbText() {
        return String.format(Locale.ROOT, "U=%s, A=%s, C=%s", num(hbU), num(hbA), num(hbC));
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
