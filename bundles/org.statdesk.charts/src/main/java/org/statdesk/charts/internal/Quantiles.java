package org.statdesk.charts.internal;

import java.util.Arrays;

/**
 * Quantiles of what a chart draws, for its axis range and its overall median line: drawing only, no verdict rests on
 * them (the review's medians and bounds come with its {@link org.statdesk.api.review.Comparison}s).
 */
final class Quantiles {
    private Quantiles() {
    }

    /** Quantile {@code q} (0..1) of the non-NaN values, interpolating between order statistics; NaN for none. */
    static double of(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double at = q * (v.length - 1);
        int below = (int) at;
        double above = below + 1 < v.length ? v[below + 1] : v[below];
        return v[below] + (at - below) * (above - v[below]);
    }

    static double median(double[] values) {
        return of(values, 0.5);
    }
}
