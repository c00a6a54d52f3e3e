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
        VarianceModel m = data.variance("2024-06", "output_value", "industrial", 30);
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
        assertEquals(1, m.flaggedCount());
        // changes -20 + 40 i / 30 for i = 1..29 and 400: the 15th and 16th are 0 and 1.333
        assertEquals((0 + 40.0 / 30) / 2, m.median(), 1e-9);
        assertEquals(m.median() - 30, m.bandLow(), 1e-9);
        assertEquals(m.median() + 30, m.bandHigh(), 1e-9);
        assertTrue(m.hbLow() < m.median() && m.hbHigh() > m.median(), "HB bounds around the median");
        assertEquals("千元", m.indicator().unit());
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
        assertEquals(30, data.variance("2024-06", "output_value", "industrial", 30).points().size());
        assertEquals(31, data.variance("2024-06", "output_value", null, 30).points().size(),
                "without a specialty the trade unit counts, the zero and new ones still do not");
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
    void badPeriodIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> Periods.parse("period", "2024-13"));
        assertEquals("period", e.errors().get(0).field());
        assertThrows(BadInputException.class, () -> Periods.parse("period", "202406"));
    }
}
