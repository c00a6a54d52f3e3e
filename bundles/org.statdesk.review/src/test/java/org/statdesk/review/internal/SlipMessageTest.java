package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;

/** The unit named in a slip message is the unit that gives the reported figure when read as 千元. */
class SlipMessageTest {
    private static Flag slip(double times) {
        FormSpec f = TestForms.spec(TestForms.industrial());
        Unit u = new Unit("X", "x", "620602100", "620602", "C1311", "industrial", "above", 0, "", "", "", "",
                "in_register", null, null);
        Panel p = new Panel("2024-09", new String[] {"X"}, new Unit[] {u}, f.indicators().size());
        int j = f.indexOf("sales_value");
        for (int off : Panel.OFFSETS) {
            p.x[off][j][0] = 1000;
        }
        p.x[0][j][0] = 1000 * times;
        List<Flag> flags = new Engine(f, p, Settings.defaults()).run().flags().stream()
                .filter(x -> x.kind().equals("unit_slip") && x.indicator().equals("sales_value")).toList();
        assertEquals(1, flags.size(), "x" + times + ": " + flags);
        return flags.get(0);
    }

    @Test
    void everySlipNamesTheRightUnit() {
        // 1 千元 = 10 百元 = 1,000 元 = 10,000 角; 10 千元 = 1 万元; 1,000 千元 = 1 百万元; 10,000 千元 = 1 千万元
        Object[][] cases = {{10.0, "百元", "10倍"}, {1000.0, "元", "1,000倍"}, {10000.0, "角", "10,000倍"},
            {0.1, "万元", "1/10倍"}, {0.001, "百万元", "1/1,000倍"}, {0.0001, "千万元", "1/10,000倍"}};
        for (Object[] c : cases) {
            Flag f = slip((Double) c[0]);
            assertTrue(f.message().endsWith("误填为" + c[1] + "）"), f.message());
            assertTrue(f.message().contains("约" + c[2]), f.message());
            assertEquals(1000.0, f.expected(), 1e-9);
            assertEquals(1000 * (Double) c[0], f.value(), 1e-9);
        }
    }

    @Test
    void aRatioRuleFlagsTheReportedFigureAndTheFigureThatMeetsTheBound() {
        FormSpec f = TestForms.spec(TestForms.industrial());
        Unit u = new Unit("X", "x", "620602100", "620602", "C1311", "industrial", "above", 0, "", "", "", "",
                "in_register", null, null);
        Panel p = new Panel("2024-09", new String[] {"X"}, new Unit[] {u}, f.indicators().size());
        // output, output_ytd, sales, export, revenue_ytd, electricity, employees
        double[] cur = {1000, 9000, 300, 0, 8000, 50, 80};
        double[] prev = {1000, 8000, 950, 0, 7000, 50, 80};
        for (int j = 0; j < cur.length; j++) {
            p.x[0][j][0] = cur[j];
            p.x[1][j][0] = prev[j];
        }
        Flag r = new Engine(f, p, Settings.defaults()).run().flags().stream()
                .filter(x -> x.rule().equals("sales_output_ratio")).findFirst().orElseThrow();
        assertEquals("sales_value", r.indicator());
        assertEquals(300.0, r.value(), 1e-9);
        assertEquals(500.0, r.expected(), 1e-9);
        assertTrue(r.message().endsWith("（计算值 0.3，界限 0.5）"), r.message());
    }

    @Test
    void numbersForPeople() {
        assertEquals("0.000986", Engine.human(9.859527422501626E-4));
        assertEquals("1234567.89", Engine.human(1234567.891));
        assertEquals("12", Engine.human(12.0));
        assertEquals("-3.5", Engine.human(-3.5));
        assertEquals("0", Engine.human(0));
    }
}
