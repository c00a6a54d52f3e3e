package org.statdesk.charts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.BadInputException;
import org.statdesk.charts.internal.ChartData.CountyModel;
import org.statdesk.charts.internal.ChartData.Point;
import org.statdesk.charts.internal.ChartData.SeriesModel;
import org.statdesk.charts.internal.ChartData.VarianceModel;

class ChartDataTest {
    private final Object[] demo = Fakes.demo(30);
    private final Fakes.Review review = (Fakes.Review) demo[0];
    private final Fakes.Registry reg = (Fakes.Registry) demo[1];
    private final ChartData data = new ChartData(review, reg);

    @Test
    void varianceSortsUnitsByChangeAndMarksTheFlaggedOne() {
        VarianceModel m = data.variance("2024-06", "output_value", "industrial");
        List<Point> p = m.points();
        assertEquals(30, p.size());
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i - 1).changePct() <= p.get(i).changePct(), "sorted at " + i);
        }
        Point top = p.get(29);
        assertEquals("91620602MA00000000", top.code());
        assertEquals(400, top.changePct(), 1e-9);
        assertTrue(top.flagged());
        assertTrue(top.hbOutlier(), "a fivefold jump is an HB outlier");
        assertTrue(top.eScaled() > 1, "beyond the upper bound on the scaled axis: " + top.eScaled());
        assertEquals(1, m.flaggedCount());
        // changes -20 + 40 i / 30 for i = 1..29 and 400: the 15th and 16th are 0 and 1.333
        assertEquals((0 + 40.0 / 30) / 2, m.median(), 1e-9);
        assertEquals("千元", m.indicator().unit());
    }

    @Test
    void unitsAreTestedInTheReviewsStrataWithTheReviewsBand() {
        // 30 units of division C13 in three counties: 10 each, exactly the minimum, so division × county.
        VarianceModel m = data.variance("2024-06", "output_value", "industrial");
        assertEquals(List.of("industry_division", "county"), m.stratification());
        assertEquals(3, m.strata());
        assertEquals(0, m.untested());
        Point top = m.points().get(29);
        assertEquals("C13×620602", top.stratum());
        assertEquals(10, top.stratumSize());
        // The band of the stratum: its median ratio times and divided by the review's momBand (2).
        double[] ratios = m.points().stream().filter(q -> "C13×620602".equals(q.stratum()))
                .mapToDouble(q -> q.current() / q.previous()).sorted().toArray();
        assertEquals(10, ratios.length);
        double rm = (ratios[4] + ratios[5]) / 2;
        assertEquals((rm * 2 - 1) * 100, top.bandHigh(), 1e-9);
        assertEquals((rm / 2 - 1) * 100, top.bandLow(), 1e-9);
        // Units of one stratum share a band; another stratum has its own.
        Point other = m.points().stream().filter(q -> "C13×620621".equals(q.stratum())).findFirst().orElseThrow();
        assertTrue(Math.abs(other.bandHigh() - top.bandHigh()) > 1e-6, "strata differ in their medians");
    }

    @Test
    void theReviewsSettingsDecideStrataAndBounds() {
        // An eleven-unit minimum merges the counties: one stratum, the division.
        ChartData merged = new ChartData(review, reg, () -> new ReviewSettings(0.5, 0.05, 7, 11, 2.0,
                ReviewSettings.PID));
        VarianceModel m = merged.variance("2024-06", "output_value", "industrial");
        assertEquals(1, m.strata());
        assertEquals("C13", m.points().get(0).stratum());
        assertEquals(30, m.points().get(0).stratumSize());
        // A C wide enough lets even the fivefold jump pass; a narrow band factor widens nothing, it narrows.
        ChartData lax = new ChartData(review, reg, () -> new ReviewSettings(0.5, 0.05, 500, 10, 10.0,
                ReviewSettings.PID));
        VarianceModel l = lax.variance("2024-06", "output_value", "industrial");
        assertFalse(l.points().get(29).hbOutlier(), "C=500");
        assertTrue(l.points().get(29).bandHigh() > 800, "band ×10: " + l.points().get(29).bandHigh());
        // Under 3 units in the top stratum: not tested, no band, no bounds.
        ChartData tiny = new ChartData(review, reg, () -> new ReviewSettings(0.5, 0.05, 7, 100, 2.0, "x"));
        assertEquals(0, tiny.variance("2024-06", "output_value", "industrial").untested(),
                "30 units still make the top stratum");
    }

    @Test
    void settingsAreReadFromTheReviewConfigurationWithItsDefaults() {
        java.util.Hashtable<String, Object> p = new java.util.Hashtable<>();
        p.put("hbC", "4");
        p.put("hbU", 0.4);
        p.put("minStratum", "12");
        p.put("momBand", "not a number");
        ReviewSettings s = ReviewSettings.of(p);
        assertEquals(4, s.hbC(), 0);
        assertEquals(0.4, s.hbU(), 0);
        assertEquals(0.05, s.hbA(), 0);
        assertEquals(12, s.minStratum());
        assertEquals(2.0, s.momBand(), 0, "an unreadable value keeps the default");
        assertTrue(s.fromConfiguration());
        assertEquals("U=0.4, A=0.05, C=4", s.hbText());
        assertEquals(ReviewSettings.DEFAULTS, ReviewSettings.of(null));
    }

    @Test
    void unitsWithoutAPositivePreviousMonthOrOfAnotherSpecialtyAreLeftOut() {
        reg.add("ZERO", "停产企业", "620602100", "industrial");
        review.put("2024-05", "output_value", "ZERO", 0);
        review.put("2024-06", "output_value", "ZERO", 500);
        reg.add("NEW", "新开企业", "620602100", "industrial");
        review.put("2024-06", "output_value", "NEW", 500);
        reg.add("SHOP", "商贸公司", "620602100", "trade");
        review.put("2024-05", "output_value", "SHOP", 100);
        review.put("2024-06", "output_value", "SHOP", 120);
        assertEquals(30, data.variance("2024-06", "output_value", "industrial").points().size());
        VarianceModel all = data.variance("2024-06", "output_value", null);
        assertEquals(30, all.points().size(),
                "without a specialty the form holding the indicator decides, as the review compares its own units");
        assertEquals("industrial", all.specialty());
    }

    @Test
    void defaultIndicatorIsTheFirstComparedMonthlyFlow() {
        // output_value_ytd comes first in the form but a year-to-date figure always grows month on month.
        assertEquals("output_value", data.indicator(null, "industrial").code());
        assertEquals("electricity", data.indicator("electricity", null).code());
        BadInputException e = assertThrows(BadInputException.class, () -> data.indicator("sales", "industrial"));
        assertEquals("indicator", e.errors().get(0).field());
        assertEquals("sales", e.errors().get(0).value());
    }

    @Test
    void noFormAndNoIndicatorIsBadInput() {
        review.forms.clear();
        assertThrows(BadInputException.class, () -> data.indicator(null, null));
    }

    @Test
    void seriesSetsThisYearAgainstLastYearAndMarksFlaggedMonths() {
        SeriesModel s = data.series("91620602MA00000000", "2024-06", "output_value", null);
        assertEquals(12, s.periods().size());
        assertEquals("2023-07", s.periods().get(0));
        assertEquals("2024-06", s.periods().get(11));
        assertEquals(5000, s.thisYear()[11], 1e-9);
        assertEquals(1000, s.thisYear()[10], 1e-9);
        assertEquals(900, s.lastYear()[11], 1e-9, "2023-06");
        assertTrue(s.flagged()[11]);
        for (int i = 0; i < 11; i++) {
            assertFalse(s.flagged()[i], "month " + i);
        }
        assertThrows(BadInputException.class, () -> data.series("NOPE", "2024-06", null, null));
    }

    @Test
    void countyGrowthIsTheGrowthOfTheTotals() {
        Fakes.Review r = new Fakes.Review();
        Fakes.Registry g = new Fakes.Registry();
        r.forms.add(Fakes.industrialForm());
        g.division("620602", "凉州区");
        g.division("620621", "民勤县");
        g.add("A", "甲", "620602100", "industrial");
        g.add("B", "乙", "620602101", "industrial");
        g.add("C", "丙", "620621100", "industrial");
        // 凉州区: 100+300=400 now, 200+200=400 last month, 320 a year ago; 民勤县: 150, 100, none
        r.put("2024-06", "output_value", "A", 100);
        r.put("2024-06", "output_value", "B", 300);
        r.put("2024-05", "output_value", "A", 200);
        r.put("2024-05", "output_value", "B", 200);
        r.put("2023-06", "output_value", "A", 320);
        r.put("2024-06", "output_value", "C", 150);
        r.put("2024-05", "output_value", "C", 100);
        CountyModel m = new ChartData(r, g).county("2024-06", null, "industrial");
        assertEquals(3, m.rows().size());
        ChartData.CountyRow whole = m.rows().get(0);
        assertNull(whole.name());
        assertEquals(550, whole.total(), 1e-9);
        assertEquals((550.0 / 500 - 1) * 100, whole.mom(), 1e-9);
        assertEquals((550.0 / 320 - 1) * 100, whole.yoy(), 1e-9);
        ChartData.CountyRow lz = m.rows().get(1);
        assertEquals("凉州区", lz.name());
        assertEquals(0, lz.mom(), 1e-9);
        assertEquals(25, lz.yoy(), 1e-9);
        ChartData.CountyRow mq = m.rows().get(2);
        assertEquals(50, mq.mom(), 1e-9);
        assertNull(mq.yoy(), "no figure a year ago: no growth rather than infinity");
    }

    @Test
    void theWholeCitysRatesComeFirstUnderTheirOwnName() {
        review.rates.put("all", new org.statdesk.api.review.ReviewService.Rates(23, 22, 20, 21, 22 / 23.0,
                20 / 23.0, 21 / 22.0));
        ChartData.RatesModel m = data.rates("2024-06", null);
        assertEquals(4, m.rows().size());
        assertEquals("all", m.rows().get(0).code());
        assertNull(m.rows().get(0).name());
        assertEquals("凉州区", m.rows().get(1).name());
    }

    @Test
    void badPeriodIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> Periods.parse("period", "2024-13"));
        assertEquals("period", e.errors().get(0).field());
        assertThrows(BadInputException.class, () -> Periods.parse("period", "202406"));
    }
}
