package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;

/** The rules files of the specialty bundles, each rule caught on a planted fault and quiet on clean figures. */
class RulesTest {
    static Set<String> rules(FormSpec f, String period, double[] prev, double[] cur) {
        Unit u = new Unit("X", "x", "620602100", "620602", "C1311", f.specialty(), "above", 0, "", "", "", "",
                "in_register", null, null);
        Panel p = new Panel(period, new String[] {"X"}, new Unit[] {u}, f.indicators().size());
        for (int j = 0; j < cur.length; j++) {
            p.x[0][j][0] = cur[j];
            if (prev != null) {
                p.x[1][j][0] = prev[j];
            }
        }
        return new Engine(f, p, Settings.defaults()).run().flags().stream().filter(x -> x.kind().equals("logical"))
                .map(x -> x.rule() + "/" + x.indicator()).collect(Collectors.toSet());
    }

    // output, output_ytd, sales, export, revenue_ytd, electricity, employees
    private static final double[] PREV = {1000, 3000, 950, 100, 2900, 50, 80};
    private static final double[] CLEAN = {1100, 4100, 1040, 100, 3970, 54, 81};

    @Test
    void industrialRules() {
        FormSpec f = TestForms.spec(TestForms.industrial());
        assertEquals(Set.of(), rules(f, "2024-04", PREV, CLEAN));
        double[] neg = CLEAN.clone();
        neg[6] = -3;
        assertEquals(Set.of("nonnegative/employees"), rules(f, "2024-04", PREV, neg));
        double[] ytd = CLEAN.clone();
        ytd[1] = 4101.5; // more than 1 千元 off
        assertEquals(Set.of("output_ytd_sum/output_value_ytd"), rules(f, "2024-04", PREV, ytd));
        ytd[1] = 4100.9; // within 1 千元
        assertEquals(Set.of(), rules(f, "2024-04", PREV, ytd));
        double[] jan = {900, 900, 850, 0, 880, 45, 80};
        assertEquals(Set.of(), rules(f, "2024-01", PREV, jan), "January's year to date is the month");
        jan[1] = 1800;
        assertEquals(Set.of("output_ytd_sum/output_value_ytd"), rules(f, "2024-01", PREV, jan));
        // 1-2月 reported together: February with no January report, year to date equal to the month
        double[] febCombined = {1900, 1900, 1800, 0, 1850, 90, 80};
        assertEquals(Set.of(), rules(f, "2024-02", null, febCombined));
        double[] exp = CLEAN.clone();
        exp[3] = 1041;
        assertEquals(Set.of("export_le_sales/export_value"), rules(f, "2024-04", PREV, exp));
        double[] ratio = CLEAN.clone();
        ratio[2] = 500;
        ratio[3] = 0; // 500/1100 = 0.45 < 0.5
        assertEquals(Set.of("sales_output_ratio/sales_value"), rules(f, "2024-04", PREV, ratio));
        double[] div = CLEAN.clone();
        div[0] = 1310; // +31%
        div[1] = 4310;
        div[2] = 1250;
        div[5] = 44.9; // -10.2%
        assertEquals(Set.of("electricity_divergence/output_value"), rules(f, "2024-04", PREV, div));
        div[5] = 45.1; // -9.8%: not a divergence
        assertEquals(Set.of(), rules(f, "2024-04", PREV, div));
        double[] rev = CLEAN.clone();
        rev[4] = 2800;
        assertEquals(Set.of("revenue_ytd_monotone/revenue_ytd"), rules(f, "2024-04", PREV, rev));
    }

    @Test
    void tradeAndServicesRules() {
        FormSpec t = TestForms.spec(TestForms.trade());
        double[] tprev = {500, 1500, 300, 0};
        assertEquals(Set.of(), rules(t, "2024-04", tprev, new double[] {520, 2020, 310, 0}));
        assertEquals(Set.of("retail_le_sales/retail_sales"), rules(t, "2024-04", tprev,
                new double[] {520, 2020, 530, 0}));
        assertEquals(Set.of("sales_ytd_sum/sales_ytd", "sales_ytd_monotone/sales_ytd"), rules(t, "2024-04", tprev,
                new double[] {520, 1400, 310, 0}));
        FormSpec s = TestForms.spec(TestForms.services());
        double[] sprev = {3000, 2000, 600, 50};
        assertEquals(Set.of(), rules(s, "2024-04", sprev, new double[] {4000, 2700, 800, 50}));
        assertEquals(Set.of("ytd_monotone/cost_ytd", "cost_le_revenue/cost_ytd"), rules(s, "2024-04", sprev,
                new double[] {600, 1900, 800, 50}).stream().filter(x -> !x.startsWith("ytd_monotone/revenue"))
                .collect(Collectors.toSet()));
        // 800 千元 over 4 months for 1 person is 200 千元 a month
        assertEquals(Set.of("payroll_per_head/payroll_ytd"), rules(s, "2024-04", sprev,
                new double[] {4000, 2700, 800, 1}));
    }

    @Test
    void aBadRulesFileNamesTheRule() {
        String bad = "[{\"id\": \"r1\", \"severity\": \"error\", \"expression\": \"nosuch >= 0\", \"message\": \"m\"}]";
        IOException e = assertThrows(IOException.class, () -> RuleSet.read(
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), TestForms.INDUSTRIAL));
        assertTrue(e.getMessage().contains("r1") && e.getMessage().contains("nosuch"), e.getMessage());
        String sev = "[{\"id\": \"r2\", \"severity\": \"fatal\", \"expression\": \"output_value >= 0\", \"message\": \"m\"}]";
        assertThrows(IOException.class, () -> RuleSet.read(
                new ByteArrayInputStream(sev.getBytes(StandardCharsets.UTF_8)), TestForms.INDUSTRIAL));
    }

    @Test
    void eachExpandsPerIndicatorWithItsName() throws IOException {
        List<RuleSet.Compiled> r = TestForms.spec(TestForms.industrial()).rules();
        assertEquals(7, r.stream().filter(x -> x.rule().id().equals("nonnegative")).count());
        assertTrue(r.stream().anyMatch(x -> x.rule().message().equals("用电量不能为负数")));
        List<Flag> none = List.of();
        assertTrue(none.isEmpty());
    }
}
