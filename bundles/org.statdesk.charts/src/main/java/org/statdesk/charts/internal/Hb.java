package org.statdesk.charts.internal;

import java.util.Arrays;

/**
 * Hidiroglou-Berthelot outlier bounds (HB 离群界限) of period-on-period ratios, as DOMAIN.md states them: units with
 * both values positive; r = x(t)/x(t-1); s centred on the median ratio; E = s·max(x(t), x(t-1))^U; bounds
 * E_M - C·d1 and E_M + C·d3. The review bundle flags; the charts draw the same bounds so reviewers see why.
 * Quartiles use linear interpolation between order statistics (R type 7).
 */
final class Hb {
    final double medianRatio;
    final double[] ratio;
    final double[] size;
    final double[] e;
    final double q1;
    final double eMedian;
    final double q3;
    final double lower;
    final double upper;
    final double u;

    private Hb(double medianRatio, double[] ratio, double[] size, double[] e, double q1, double eMedian, double q3,
            double lower, double upper, double u) {
        this.medianRatio = medianRatio;
        this.ratio = ratio;
        this.size = size;
        this.e = e;
        this.q1 = q1;
        this.eMedian = eMedian;
        this.q3 = q3;
        this.lower = lower;
        this.upper = upper;
        this.u = u;
    }

    /**
     * Computes HB over pairs whose values are both positive; the caller filters (arrays are aligned). Returns null
     * for fewer than 3 units: too few to have a median worth testing against.
     */
    static Hb compute(double[] current, double[] previous, double u, double a, double c) {
        int n = current.length;
        if (n < 3) {
            return null;
        }
        double[] r = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = current[i] / previous[i];
            size[i] = Math.max(current[i], previous[i]);
        }
        double rm = quantile(sorted(r), 0.5);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double s = r[i] < rm ? 1 - rm / r[i] : r[i] / rm - 1;
            e[i] = s * Math.pow(size[i], u);
        }
        double[] se = sorted(e);
        double q1 = quantile(se, 0.25);
        double em = quantile(se, 0.5);
        double q3 = quantile(se, 0.75);
        double d1 = Math.max(em - q1, Math.abs(a * em));
        double d3 = Math.max(q3 - em, Math.abs(a * em));
        return new Hb(rm, r, size, e, q1, em, q3, em - c * d1, em + c * d3, u);
    }

    boolean outlier(int i) {
        return e[i] < lower || e[i] > upper;
    }

    /**
     * Unit i's effect on a scale where the stratum's bounds are −1 and +1 and its median effect 0: strata with
     * different spreads share one picture, and a unit is an outlier exactly when it lies beyond ±1.
     */
    double scaled(int i) {
        double d = e[i] - eMedian;
        double span = d < 0 ? eMedian - lower : upper - eMedian;
        if (span > 0) {
            return d / span;
        }
        return d == 0 ? 0 : Math.signum(d) * Double.MAX_VALUE;
    }

    /**
     * The ratio bounds for a unit of the given size: the E bounds mapped back through s and the median ratio.
     * {@code [0]} is NaN when the lower E bound is not negative (no ratio below the median is then an outlier).
     */
    double[] ratioBounds(double unitSize) {
        double scale = Math.pow(unitSize, u);
        double sLow = lower / scale;
        double sHigh = upper / scale;
        double low = sLow < 0 ? medianRatio / (1 - sLow) : Double.NaN;
        double high = sHigh > 0 ? medianRatio * (1 + sHigh) : Double.NaN;
        return new double[] {low, high};
    }

    static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    /** Type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
