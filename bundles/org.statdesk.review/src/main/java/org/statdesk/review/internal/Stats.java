package org.statdesk.review.internal;

import java.util.Arrays;

/** Order statistics on small double arrays: median and quantiles by linear interpolation (R type 7). */
public final class Stats {
    private Stats() {
    }

    /** Quantile p of values already sorted ascending (R's default type 7, DuckDB's quantile_cont). */
    public static double quantileSorted(double[] s, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    public static double median(double[] values, int n) {
        double[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        return quantileSorted(s, n, 0.5);
    }
}
