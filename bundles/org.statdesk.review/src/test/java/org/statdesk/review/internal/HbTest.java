package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statdesk.api.registry.Unit;

class HbTest {
    /**
     * By hand: r = 1.1, 0.9, 1.0, 2.0, 0.5; r_M = 1; s = 0.1, 1-1/0.9, 0, 1, -1; max(x)^0.5 = sqrt(110), 10, 10,
     * sqrt(200), 10; E = 1.048809, -1.111111, 0, 14.142136, -10; sorted -10, -1.111, 0, 1.0488, 14.142: Q1 =
     * -1.111111, E_M = 0, Q3 = 1.048809; d1 = 1.111111, d3 = 1.048809; C = 7: bounds -7.777778, 7.341662.
     */
    @Test
    void handComputedStratum() {
        double[] cur = {110, 90, 100, 200, 50};
        double[] prev = {100, 100, 100, 100, 100};
        Hb.Result r = Hb.compute(cur, prev, 5, 0.5, 0.05, 7);
        assertEquals(1.0, r.medianRatio(), 1e-12);
        assertEquals(Math.sqrt(110) * 0.1, r.effect()[0], 1e-9);
        assertEquals(-1.0 / 9 * 10, r.effect()[1], 1e-9);
        assertEquals(0, r.eMedian(), 1e-12);
        assertEquals(-7 * 10.0 / 9, r.lower(), 1e-9);
        assertEquals(7 * Math.sqrt(110) * 0.1, r.upper(), 1e-9);
        assertFalse(r.outlier(0));
        assertFalse(r.outlier(1));
        assertFalse(r.outlier(2));
        assertTrue(r.outlier(3));
        assertTrue(r.outlier(4));
    }

    /**
     * The bounds as ratios for a unit of size 100 (what a chart draws): r = 1.1, 1.0, 1.2, 0.9, 3.0 → r_M = 1.1,
     * bounds on E -7 and 6.97101; upper r_M (1 + 6.97101 / 10), lower r_M / (1 + 7 / 10).
     */
    @Test
    void ratioBoundsMapTheEBoundsBackForAUnitOfAGivenSize() {
        Hb.Result r = Hb.compute(new double[] {110, 100, 120, 90, 300}, new double[] {100, 100, 100, 100, 100}, 5,
                0.5, 0.05, 7);
        assertEquals(-7, r.lower(), 1e-9);
        assertEquals(6.9710143682475625, r.upper(), 1e-9);
        double[] b = Hb.ratioBounds(r.medianRatio(), r.lower(), r.upper(), 100, 0.5);
        assertEquals(0.6470588235294118, b[0], 1e-9);
        assertEquals(1.866811580507232, b[1], 1e-9);
        assertTrue(Double.isNaN(Hb.ratioBounds(1.1, 0.5, 2, 100, 0.5)[0]), "no lower bound above the median");
    }

    @Test
    void quartilesInterpolateAsRType7() {
        double[] s = {1, 2, 3, 4};
        assertEquals(1.75, Stats.quantileSorted(s, 4, 0.25), 1e-12);
        assertEquals(2.5, Stats.quantileSorted(s, 4, 0.5), 1e-12);
        assertEquals(3.25, Stats.quantileSorted(s, 4, 0.75), 1e-12);
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}, 4), 1e-12);
    }

    @Test
    void tiedRatiosFlagNobody() {
        double[] cur = {120, 240, 360, 1200};
        double[] prev = {100, 200, 300, 1000};
        Hb.Result r = Hb.compute(cur, prev, 4, 0.5, 0.05, 7);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, r.effect()[i], 1e-12);
            assertFalse(r.outlier(i));
        }
    }

    /**
     * Ties at the median: r = 2, 2, 2, 1; r_M = 2; E = 0, 0, 0, (1 - 2/1) * sqrt(100) = -10; sorted -10, 0, 0, 0:
     * Q1 = -10 + 0.75 * 10 = -2.5, E_M = Q3 = 0; d1 = 2.5, d3 = max(0, |0.05 * 0|) = 0: bounds -17.5 and 0.
     */
    @Test
    void tiesAtTheMedian() {
        double[] cur = {200, 200, 200, 100};
        double[] prev = {100, 100, 100, 100};
        Hb.Result r = Hb.compute(cur, prev, 4, 0.5, 0.05, 7);
        assertEquals(2, r.medianRatio(), 1e-12);
        assertEquals(-10, r.effect()[3], 1e-12);
        assertEquals(-17.5, r.lower(), 1e-12);
        assertEquals(0, r.upper(), 1e-12);
        assertFalse(r.outlier(3));
        assertFalse(r.outlier(0));
    }

    private static Unit unit(String code, String industry, String county) {
        return new Unit(code, code, county + "100", county, industry, "industrial", "above", 0, "", "", "", "",
                "in_register", null, null);
    }

    private static Panel panel(List<Unit> units, double[] prev, double[] cur) {
        String[] codes = units.stream().map(Unit::creditCode).toArray(String[]::new);
        Panel p = new Panel("2024-05", codes, units.toArray(new Unit[0]), 7);
        for (int u = 0; u < codes.length; u++) {
            p.x[0][0][u] = cur[u];
            p.x[1][0][u] = prev[u];
        }
        return p;
    }

    private static List<org.statdesk.api.review.Flag> hbFlags(Panel p) {
        FormSpec f = TestForms.spec(TestForms.industrial());
        return new Engine(f, p, Settings.defaults()).run().flags().stream().filter(x -> x.kind().equals("hb"))
                .toList();
    }

    @Test
    void strataOfTwoAreNotTestedAndZerosAreLeftOut() {
        List<Unit> two = List.of(unit("A", "C1311", "620602"), unit("B", "C1311", "620602"));
        assertTrue(hbFlags(panel(two, new double[] {100, 100}, new double[] {100, 5000})).isEmpty());
        // three units with a zero: the zero unit is left out, two remain: no test, and no failure
        List<Unit> three = List.of(unit("A", "C1311", "620602"), unit("B", "C1311", "620602"),
                unit("C", "C1311", "620602"));
        assertTrue(hbFlags(panel(three, new double[] {100, 0, 100}, new double[] {100, 100, 5000})).isEmpty());
    }

    @Test
    void smallStrataMergeUpwardToDivisionSectionAndAll() {
        // 12 units of C13 in 620602, 4 of C13 in 620621: the 4 are tested among all 16 of division C13;
        // one unit of D44 alone is tested among all 17 units
        java.util.ArrayList<Unit> us = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            us.add(unit("L" + i, "C1311", "620602"));
        }
        for (int i = 0; i < 4; i++) {
            us.add(unit("M" + i, "C1392", "620621"));
        }
        us.add(unit("D", "D4411", "620621"));
        double[] prev = new double[us.size()];
        double[] cur = new double[us.size()];
        for (int i = 0; i < us.size(); i++) {
            prev[i] = 1000;
            cur[i] = 1000 * (1 + 0.01 * (i % 5));
        }
        cur[13] = 9000; // M1
        cur[16] = 20000; // D
        List<org.statdesk.api.review.Flag> f = hbFlags(panel(us, prev, cur));
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.stream().anyMatch(x -> x.creditCode().equals("M1") && x.message().contains("（C13，16家）")),
                f.toString());
        assertTrue(f.stream().anyMatch(x -> x.creditCode().equals("D") && x.message().contains("（全部，17家）")),
                f.toString());
    }

    @Test
    void mergeLevels() {
        assertEquals(List.of(List.of("industry_division", "county"), List.of("industry_division"),
                List.of("industry_section"), List.of()), Strata.levels(List.of("industry_division", "county")));
    }
}
