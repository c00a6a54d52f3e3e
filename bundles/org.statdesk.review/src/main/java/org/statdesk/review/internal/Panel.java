package org.statdesk.review.internal;

import java.util.Arrays;
import org.statdesk.api.registry.Unit;

/**
 * The figures a review of period t reads, as arrays: {@code x[offset][indicator][unit]} is the value of period
 * t - offset (NaN when not reported); offsets not needed are left null. Indicators are in form order.
 */
public final class Panel {
    /** Offsets a review reads: this month, the recent months (last month, 1-2月, own median), last year's. */
    public static final int[] OFFSETS = {0, 1, 2, 3, 4, 5, 6, 7, 12, 13};
    public static final int DEPTH = 14;

    public final String period;
    public final String[] units;
    public final Unit[] info;
    public final double[][][] x;

    public Panel(String period, String[] units, Unit[] info, int indicators) {
        this.period = period;
        this.units = units;
        this.info = info;
        this.x = new double[DEPTH][][];
        for (int off : OFFSETS) {
            x[off] = new double[indicators][units.length];
            for (double[] a : x[off]) {
                Arrays.fill(a, Double.NaN);
            }
        }
    }

    public int size() {
        return units.length;
    }

    public double get(int offset, int indicator, int unit) {
        double[][] o = x[offset];
        return o == null ? Double.NaN : o[indicator][unit];
    }

    /** Whether the unit reported anything for period t - offset. */
    public boolean reported(int offset, int unit) {
        double[][] o = x[offset];
        if (o == null) {
            return false;
        }
        for (double[] ind : o) {
            if (!Double.isNaN(ind[unit])) {
                return true;
            }
        }
        return false;
    }
}
