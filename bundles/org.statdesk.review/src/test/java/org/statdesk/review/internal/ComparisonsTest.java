package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Comparison;
import org.statdesk.api.review.Comparisons;
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.compare.ComparisonsImpl;
import org.statdesk.review.internal.run.ReviewRunImpl;

/**
 * The review's comparisons unit by unit: the strata, bands and HB bounds its engine tests a unit against, with the
 * settings the run uses.
 */
class ComparisonsTest {
    private static final FormSpec FORM = TestForms.spec(TestForms.industrial());
    private static final String[] COUNTIES = {"620602", "620621", "620622"};
    private static final String TOP = code(0);

    static String code(int i) {
        return String.format("91620602MA%08d", i);
    }

    /**
     * 30 units of division C13, ten in each of three counties; output month on month spread evenly from -20% to
     * +20%, unit 0 planted at +400%; {@code extra} more units with the given current and previous output.
     */
    static Panel panel(String period, double[][] extra) {
        int n = 30 + extra.length;
        String[] codes = new String[n];
        Unit[] info = new Unit[n];
        for (int i = 0; i < n; i++) {
            codes[i] = code(i);
            String county = COUNTIES[i % 3];
            info[i] = new Unit(codes[i], "单位" + i, county + "100", county, "C1391", "industrial", "above", 0, "", "",
                    "", "", "in_register", "2020-01-01", null);
        }
        Panel p = new Panel(period, codes, info, FORM.indicators().size());
        for (int i = 0; i < 30; i++) {
            double prev = 1000 + 37 * i;
            p.x[1][0][i] = prev;
            p.x[0][0][i] = prev * (1 + (i == 0 ? 4.0 : -0.2 + 0.4 * i / 30));
        }
        for (int k = 0; k < extra.length; k++) {
            p.x[0][0][30 + k] = extra[k][0];
            p.x[1][0][30 + k] = extra[k][1];
        }
        return p;
    }

    private static Map<String, Comparison> byCode(List<Comparison> cs) {
        Map<String, Comparison> out = new HashMap<>();
        cs.forEach(c -> out.put(c.creditCode(), c));
        return out;
    }

    @Test
    void eachUnitIsTestedInTheFinestStratumOfTheMinimumSizeWithItsMedianBandAndBounds() {
        List<Comparison> cs = ComparisonsImpl.of(FORM, panel("2024-06", new double[0][]), Settings.defaults(),
                "output_value", List.of());
        assertEquals(30, cs.size());
        Comparison top = byCode(cs).get(TOP);
        // ten units per county: exactly the minimum, so division × county
        assertEquals("C13×620602", top.stratum());
        assertEquals(10, top.stratumSize());
        assertEquals("2024-05", top.previousPeriod());
        assertFalse(top.combined());
        assertEquals(5, top.ratio(), 1e-12);
        double[] ratios = cs.stream().filter(c -> "C13×620602".equals(c.stratum())).mapToDouble(Comparison::ratio)
                .sorted().toArray();
        assertEquals(10, ratios.length);
        double rm = (ratios[4] + ratios[5]) / 2;
        assertEquals(rm, top.medianRatio(), 1e-12);
        assertEquals(rm * 2, top.bandHigh(), 1e-12, "the review's momBand");
        assertEquals(rm / 2, top.bandLow(), 1e-12);
        assertTrue(top.outlier(), "a fivefold jump is an HB outlier");
        assertTrue(top.effect() > top.effectUpper());
        assertTrue(top.ratio() > top.ratioUpper(), "beyond the HB bound mapped to a ratio for its size");
        assertEquals(Math.max(top.current(), top.previous()), top.size(), 1e-12);
        for (Comparison c : cs) {
            assertEquals(c.outlier(), c.effect() < c.effectLower() || c.effect() > c.effectUpper(), c.creditCode());
            // the ratio bounds say the same as the E bounds
            boolean outside = c.ratio() > c.ratioUpper() || !Double.isNaN(c.ratioLower()) && c.ratio() < c.ratioLower();
            assertEquals(c.outlier(), outside, c.creditCode());
        }
        Comparison other = cs.stream().filter(c -> "C13×620621".equals(c.stratum())).findFirst().orElseThrow();
        assertTrue(Math.abs(other.medianRatio() - rm) > 1e-6, "strata differ in their medians");
    }

    @Test
    void theReviewsSettingsDecideStrataAndBounds() {
        Panel p = panel("2024-06", new double[0][]);
        Settings d = Settings.defaults();
        // an eleven-unit minimum merges the counties: one stratum, the division
        Settings merged = new Settings(d.hbU(), d.hbA(), d.hbC(), 11, d.momBand(), d.yoyBand(), d.slipTolerance(),
                d.slipHistory());
        Comparison c = byCode(ComparisonsImpl.of(FORM, p, merged, "output_value", List.of())).get(TOP);
        assertEquals("C13", c.stratum());
        assertEquals(30, c.stratumSize());
        // a C wide enough lets even the fivefold jump pass; a band factor of 10 widens the band
        Settings lax = new Settings(d.hbU(), d.hbA(), 500, d.minStratum(), 10, d.yoyBand(), d.slipTolerance(),
                d.slipHistory());
        Comparison l = byCode(ComparisonsImpl.of(FORM, p, lax, "output_value", List.of())).get(TOP);
        assertFalse(l.outlier(), "C=500");
        assertEquals(l.medianRatio() * 10, l.bandHigh(), 1e-12);
        // a minimum of 100: 30 units still make the top stratum (3 or more)
        Settings big = new Settings(d.hbU(), d.hbA(), d.hbC(), 100, d.momBand(), d.yoyBand(), d.slipTolerance(),
                d.slipHistory());
        List<Comparison> all = ComparisonsImpl.of(FORM, p, big, "output_value", List.of());
        assertTrue(all.stream().allMatch(x -> "*".equals(x.stratum()) && x.stratumSize() == 30));
    }

    @Test
    void unitsWithoutBothFiguresPositiveAreLeftOutAndTooSmallStrataUntested() {
        // a unit that stopped (0 last month) and one that started (none last month): no ratio, not compared
        Panel p = panel("2024-06", new double[][] {{500, 0}, {500, Double.NaN}});
        List<Comparison> cs = ComparisonsImpl.of(FORM, p, Settings.defaults(), "output_value", List.of());
        assertEquals(30, cs.size());
        // only two units of a form with a figure: the top stratum has fewer than 3, nobody is tested
        Panel two = new Panel("2024-06", Arrays.copyOf(p.units, 2), Arrays.copyOf(p.info, 2), 7);
        two.x[0][0][0] = 110;
        two.x[1][0][0] = 100;
        two.x[0][0][1] = 120;
        two.x[1][0][1] = 100;
        for (Comparison c : ComparisonsImpl.of(FORM, two, Settings.defaults(), "output_value", List.of())) {
            assertNull(c.stratum());
            assertFalse(c.tested());
            assertEquals(0, c.stratumSize());
            assertTrue(Double.isNaN(c.bandHigh()) && Double.isNaN(c.effect()) && Double.isNaN(c.ratioUpper()));
            assertFalse(c.outlier());
        }
        assertTrue(ComparisonsImpl.of(FORM, p, Settings.defaults(), "no_such_indicator", List.of()).isEmpty());
    }

    @Test
    void theStoredFlagsOfTheIndicatorMarkTheirUnits() {
        List<Flag> flags = List.of(
                new Flag(1, TOP, "2024-06", "output_value", "hb", "hb", "warning", 1, null, 0, "", "open"),
                new Flag(2, TOP, "2024-06", "output_value", "mom", "comparative", "warning", 1, null, 0, "", "open"),
                new Flag(3, code(1), "2024-06", "sales_value", "mom", "comparative", "warning", 1, null, 0, "", "open"));
        Map<String, Comparison> cs = byCode(ComparisonsImpl.of(FORM, panel("2024-06", new double[0][]),
                Settings.defaults(), "output_value", flags));
        assertEquals(List.of("hb", "mom"), cs.get(TOP).flagRules());
        assertTrue(cs.get(TOP).flagged());
        assertFalse(cs.get(code(1)).flagged(), "a flag on another indicator");
    }

    @Test
    void aJanuaryFebruaryReportIsComparedPerMonthAgainstDecember() {
        // February: 30 units reported January and February apart; unit 30 reported both together (no January)
        Panel p = panel("2024-02", new double[][] {{2400, Double.NaN}});
        for (int i = 0; i < 31; i++) {
            p.x[2][0][i] = 1000 + 37 * i; // December
        }
        Map<String, Comparison> cs = byCode(ComparisonsImpl.of(FORM, p, Settings.defaults(), "output_value",
                List.of()));
        assertEquals(31, cs.size(), "the 1-2月 unit is compared, not dropped for want of a January figure");
        Comparison c = cs.get(code(30));
        assertTrue(c.combined());
        assertEquals("2023-12", c.previousPeriod());
        assertEquals(1200, c.current(), 1e-12, "a monthly flow per month: half of 1-2月");
        assertEquals(1000 + 37 * 30, c.previous(), 1e-12);
        // tested among every unit's (January + February) / 2 / December: its county has eleven units now
        assertEquals("C13×620602", c.stratum());
        assertEquals(11, c.stratumSize());
        assertFalse(cs.get(TOP).combined());
        assertEquals("2024-01", cs.get(TOP).previousPeriod());
    }

    @Test
    void parametersAreTheRunsSettingsAndSayWhetherAConfigurationGaveThem() throws Exception {
        Settings s = new Settings(0.4, 0.05, 4, 12, 2.5, 2.0, 1.6, 6);
        ReviewRunImpl runs = new ReviewRunImpl(() -> null, null, null, null, s);
        assertEquals(new Comparisons.Parameters(0.4, 0.05, 4, 12, 2.5, null),
                new ComparisonsImpl(runs, null, null, null, null, (String) null).parameters());
        assertEquals("org.statdesk.review", new ComparisonsImpl(runs, null, null, () -> null, null,
                Map.<String, Object>of("service.pid", "org.statdesk.review")).parameters().source());
        assertNull(new ComparisonsImpl(runs, null, null, () -> null, null,
                Map.<String, Object>of("component.name", "x")).parameters().source());
    }
}
