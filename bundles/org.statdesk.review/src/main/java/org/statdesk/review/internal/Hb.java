package org.statdesk.review.internal;

import java.util.Arrays;

/**
 * Hidiroglou-Berthelot bounds of period-on-period ratios in one stratum, as Banff and univOutl compute them:
 * r = x(t)/x(t-1) for units with both positive; s = 1 - r_M/r below the median ratio r_M, r/r_M - 1 above;
 * E = s * max(x(t), x(t-1))^U; d1 = max(E_M - Q1, |A E_M|), d3 = max(Q3 - E_M, |A E_M|); outliers outside
 * [E_M - C d1, E_M + C d3]. Quartiles are R's type 7.
 */
public final class Hb {
    /** The stratum's median ratio and the bounds on E; {@code effect} holds E per input unit. */
    public record Result(double medianRatio, double eMedian, double lower, double upper, double[] effect) {
        public boolean outlier(int i) {
            return effect[i] < lower || effect[i] > upper;
        }
    }

    private Hb() {
    }

    /**
     * Bounds for units with current values {@code cur} and previous values {@code prev} (all positive), n of
     * them, n >= 1.
     */
    public static Result compute(double[] cur, double[] prev, int n, double u, double a, double c) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = cur[i] / prev[i];
        }
        double rm = Stats.median(r, n);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double s = r[i] < rm ? 1 - rm / r[i] : r[i] / rm - 1;
            e[i] = s * Math.pow(Math.max(cur[i], prev[i]), u);
        }
        double[] sorted = Arrays.copyOf(e, n);
        Arrays.sort(sorted);
        double q1 = Stats.quantileSorted(sorted, n, 0.25);
        double em = Stats.quantileSorted(sorted, n, 0.5);
        double q3 = Stats.quantileSorted(sorted, n, 0.75);
        double d1 = Math.max(em - q1, Math.abs(a * em));
        double d3 = Math.max(q3 - em, Math.abs(a * em));
        return new Result(rm, em, em - c * d1, em + c * d3, e);
    }

    /**
     * The ratio bounds of a unit of the given size: the E bounds mapped back through s and the median ratio.
     * {@code [0]} is NaN when the lower E bound is not negative (no ratio below the median is then an outlier),
     * {@code [1]} when the upper one is not positive.
     */
    public static double[] ratioBounds(double medianRatio, double lower, double upper, double size, double u) {
        double scale = Math.pow(size, u);
        double sLow = lower / scale;
        double sHigh = upper / scale;
        double low = sLow < 0 ? medianRatio / (1 - sLow) : Double.NaN;
        double high = sHigh > 0 ? medianRatio * (1 + sHigh) : Double.NaN;
        return new double[] {low, high};
    }
}
