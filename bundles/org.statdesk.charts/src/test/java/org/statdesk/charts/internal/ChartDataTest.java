package org.statdesk.charts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.review.Comparison;
import org.statdesk.api.review.Comparisons;
import org.statdesk.charts.internal.ChartData.CountyModel;
import org.statdesk.charts.internal.ChartData.Point;
import org.statdesk.charts.internal.ChartData.SeriesModel;
import org.statdesk.charts.internal.ChartData.VarianceModel;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.Forms;
import org.statdesk.testing.ListRegister;

class ChartDataTest {
    private final Object[] demo = Fakes.demo(30);
    private final FakeReview review = (FakeReview) demo[0];
    private final ListRegister reg = (ListRegister) demo[1];
    private final Fakes.Compare compare = (Fakes.Compare) demo[2];
    private final ChartData data = new ChartData(review, compare, reg);

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
    void eachUnitIsDrawnInTheStratumWithTheBandsAndBoundsTheReviewGaveIt() {
        // The fake review: one stratum per county, medians 1.00, 1.01, 1.02, band ×÷2, E within ±7.
        VarianceModel m = data.variance("2024-06", "output_value", "industrial");
        assertEquals(List.of("industry_division", "county"), m.stratification(), "the form's, for the subtitle");
        assertEquals(3, m.strata());
        assertEquals(0, m.untested());
        Map<String, Comparison> byCode = new HashMap<>();
        compare.comparisons("2024-06", "output_value", "industrial").forEach(c -> byCode.put(c.creditCode(), c));
        assertEquals(30, byCode.size());
        for (Point p : m.points()) {
            Comparison c = byCode.get(p.code());
            assertEquals(c.stratum(), p.stratum(), p.code());
            assertEquals(c.stratumSize(), p.stratumSize(), p.code());
            assertEquals((c.bandLow() - 1) * 100, p.bandLow(), 1e-9, p.code());
            assertEquals((c.bandHigh() - 1) * 100, p.bandHigh(), 1e-9, p.code());
            assertEquals((c.ratioLower() - 1) * 100, p.hbLow(), 1e-9, p.code());
            assertEquals((c.ratioUpper() - 1) * 100, p.hbHigh(), 1e-9, p.code());
            assertEquals(c.outlier(), p.hbOutlier(), p.code());
            assertEquals(c.flagged(), p.flagged(), p.code());
            assertEquals(c.effect(), p.e(), 1e-12, p.code());
            assertEquals(c.size(), p.size(), 1e-12, p.code());
            // on the scaled axis an outlier lies beyond ±1 and every other unit within
            assertEquals(c.outlier(), Math.abs(p.eScaled()) > 1, p.code() + " at " + p.eScaled());
        }
        Point top = m.points().get(29);
        assertEquals("C13×620602", top.stratum());
        assertEquals(10, top.stratumSize());
        assertEquals(100, top.bandHigh(), 1e-9, "median 1.00 × 2");
        assertEquals(-50, top.bandLow(), 1e-9, "median 1.00 ÷ 2");
        Point other = m.points().stream().filter(q -> "C13×620621".equals(q.stratum())).findFirst().orElseThrow();
        assertEquals((1.01 * 2 - 1) * 100, other.bandHigh(), 1e-9, "another stratum has its own band");
    }

    @Test
    void aMonthNotReleasedIsMarkedNotForPublicationOnEveryChartOfIt() {
        Charts charts = new Charts(Msg.of("zh"), data::scopeTitle, data::released);
        java.util.function.Function<org.jfree.chart.JFreeChart, String> subtitles = c -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < c.getSubtitleCount(); i++) {
                if (c.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                    s.append(t.getText()).append('|');
                }
            }
            return s.toString();
        };
        String notice = org.statdesk.api.review.ReviewService.NOT_FOR_PUBLICATION;
        assertTrue(subtitles.apply(charts.county(data.county("2024-06", "output_value", "industrial")))
                .contains(notice));
        assertTrue(subtitles.apply(charts.variance(data.variance("2024-06", "output_value", "industrial")))
                .contains(notice));
        review.released.add("2024-06/industrial");
        String after = subtitles.apply(charts.county(data.county("2024-06", "output_value", "industrial")));
        assertTrue(!after.contains(notice), after);
        assertTrue(subtitles.apply(charts.rates(data.rates("2024-06", "industrial"))).indexOf(notice) < 0);
    }

    @Test
    void theReviewsParametersAreTheSubtitlesAndNoConfigurationIsRead() {
        Charts charts = new Charts(Msg.of("zh"), data::scopeTitle);
        String defaults = charts.parameters(data.variance("2024-06", "output_value", "industrial"));
        assertTrue(defaults.contains("行业大类×县区") && defaults.contains("不足 10 家") && defaults.contains("(3 层)")
                && defaults.contains("×÷2") && defaults.contains("U=0.5, A=0.05, C=7")
                && defaults.contains("审核默认值"), defaults);
        compare.parameters = new Comparisons.Parameters(0.4, 0.05, 4, 12, 2.5, "org.statdesk.review");
        String configured = charts.parameters(data.variance("2024-06", "output_value", "industrial"));
        assertTrue(configured.contains("不足 12 家") && configured.contains("×÷2.5")
                && configured.contains("U=0.4, A=0.05, C=4") && configured.contains("取自 org.statdesk.review"),
                configured);
    }

    @Test
    void aUnitThatReportedJanuaryAndFebruaryTogetherIsDrawnAsTheReviewComparedIt() {
        // 1-2月: no January figure; the review compares February's figure per month against December.
        String code = "91620602MA00000007";
        review.put("2024-02", "output_value", code, 2400);
        review.put("2023-12", "output_value", code, 1000);
        for (int i = 0; i < 30; i++) {
            String other = String.format("91620602MA%08d", i);
            if (!other.equals(code)) {
                review.put("2024-02", "output_value", other, 1100);
                review.put("2024-01", "output_value", other, 1000);
            }
        }
        review.values.get("2024-01").get("output_value").remove(code);
        compare.combined.add(code);
        VarianceModel m = data.variance("2024-02", "output_value", "industrial");
        assertEquals(30, m.points().size(), "the 1-2月 unit is drawn, not dropped for want of a January figure");
        Point p = m.points().stream().filter(q -> q.code().equals(code)).findFirst().orElseThrow();
        assertTrue(p.combined());
        assertEquals(1000, p.previous(), 1e-9, "December");
        assertEquals(140, p.changePct(), 1e-9);
        assertEquals(1, m.combinedCount());
        assertTrue(new Charts(Msg.of("zh"), data::scopeTitle).parameters(m).contains("1 家 1-2月合并报送"));
    }

    @Test
    void unitsTheReviewDidNotCompareAreLeftOutAndTheFormDecidesTheScope() {
        reg.add("ZERO", "停产企业", "620602100", "industrial");
        review.put("2024-05", "output_value", "ZERO", 0);
        review.put("2024-06", "output_value", "ZERO", 500);
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
    void untestedUnitsAreCountedAndHaveNoBands() {
        // A fourth county of two units: its top stratum is too small in the fake review.
        reg.add("T1", "小县企业一", "620623100", "industrial");
        reg.add("T2", "小县企业二", "620623101", "industrial");
        for (String c : List.of("T1", "T2")) {
            review.put("2024-05", "output_value", c, 100);
            review.put("2024-06", "output_value", c, 110);
        }
        VarianceModel m = data.variance("2024-06", "output_value", "industrial");
        assertEquals(2, m.untested());
        Point t = m.points().stream().filter(q -> q.code().equals("T1")).findFirst().orElseThrow();
        assertNull(t.stratum());
        assertTrue(Double.isNaN(t.bandHigh()) && Double.isNaN(t.eScaled()) && !t.hbOutlier());
    }

    @Test
    void aSpecialtyIsNamedByTheTitleOfItsForms() {
        assertEquals("工业产销总值及主要产品产量", data.scopeTitle("industrial"));
        assertEquals("mining", data.scopeTitle("mining"), "a specialty without a form: its key");
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
        FakeReview r = new FakeReview();
        ListRegister g = new ListRegister();
        r.forms.add(Forms.industrial());
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
        CountyModel m = new ChartData(r, new Fakes.Compare(r, g), g).county("2024-06", null, "industrial");
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
