package org.statdesk.charts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HbTest {
    private static final double EPS = 1e-9;

    @Test
    void boundsFollowTheFormulaOnAHandWorkedExample() {
        // r = 1.1, 1.0, 1.2, 0.9, 3.0 → r_M = 1.1; E = 0, -1, 0.99586, -2.22222, 29.91724 (U = 0.5)
        Hb hb = Hb.compute(new double[] {110, 100, 120, 90, 300}, new double[] {100, 100, 100, 100, 100}, 0.5,
                0.05, 7);
        assertEquals(1.1, hb.medianRatio, EPS);
        assertArrayEquals(new double[] {0, -1, 0.9958591954639375, -2.222222222222223, 29.917241221644243}, hb.e,
                1e-9);
        assertEquals(-1, hb.q1, EPS);
        assertEquals(0, hb.eMedian, EPS);
        assertEquals(0.9958591954639375, hb.q3, EPS);
        // d1 = max(E_M - Q1, |A E_M|) = 1, d3 = 0.99586
        assertEquals(-7, hb.lower, EPS);
        assertEquals(6.9710143682475625, hb.upper, EPS);
        assertTrue(hb.outlier(4), "the tripled unit is an outlier");
        for (int i = 0; i < 4; i++) {
            assertFalse(hb.outlier(i), "unit " + i);
        }
    }

    @Test
    void ratioBoundsMapTheEBoundsBackForAUnitOfAGivenSize() {
        Hb hb = Hb.compute(new double[] {110, 100, 120, 90, 300}, new double[] {100, 100, 100, 100, 100}, 0.5,
                0.05, 7);
        double[] b = hb.ratioBounds(100);
        // upper: r_M (1 + 6.97101/10); lower: r_M / (1 + 7/10)
        assertEquals(1.866811580507232, b[1], 1e-9);
        assertEquals(0.6470588235294118, b[0], 1e-9);
    }

    @Test
    void tooFewUnitsAreNotTested() {
        assertNull(Hb.compute(new double[] {1, 2}, new double[] {1, 1}, 0.5, 0.05, 7));
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] s = {1, 2, 3, 4};
        assertEquals(1.75, Hb.quantile(s, 0.25), EPS);
        assertEquals(2.5, Hb.quantile(s, 0.5), EPS);
        assertEquals(3.25, Hb.quantile(s, 0.75), EPS);
    }
}
