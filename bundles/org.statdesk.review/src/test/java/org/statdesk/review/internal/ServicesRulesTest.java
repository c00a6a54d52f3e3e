package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule of services.rules.json (F103) on hand-made units. */
class ServicesRulesTest {
    private static final FormSpec F = TestForms.spec(TestForms.services());

    private static SpecialtyCase unit() {
        return new SpecialtyCase(F).before("revenue_ytd", 3000).before("cost_ytd", 2000)
                .before("tax_surcharge_ytd", 30).before("payroll_ytd", 600).before("employees", 50)
                .now("revenue_ytd", 4000).now("cost_ytd", 2700).now("tax_surcharge_ytd", 40).now("payroll_ytd", 800)
                .now("employees", 52);
    }

    private static String severity(String id) {
        return F.rules().stream().filter(r -> r.rule().id().equals(id)).findFirst().orElseThrow().rule().severity();
    }

    @Test
    void cleanUnitGivesNoFlag() {
        assertEquals(Set.of(), unit().flags("2024-04"));
    }

    @Test
    void everyFigureNonNegative() {
        assertEquals(Set.of("nonnegative/tax_surcharge_ytd", "ytd_monotone/tax_surcharge_ytd"),
                unit().now("tax_surcharge_ytd", -1).flags("2024-04"));
    }

    @Test
    void yearToDateNeverFallsWithinAYear() {
        assertEquals(Set.of("ytd_monotone/revenue_ytd"), unit().now("revenue_ytd", 2999).flags("2024-04"));
        assertEquals(Set.of("ytd_monotone/tax_surcharge_ytd"), unit().now("tax_surcharge_ytd", 29).flags("2024-04"));
        assertEquals(Set.of("ytd_monotone/payroll_ytd"), unit().now("payroll_ytd", 500).flags("2024-04"));
        assertEquals("error", severity("ytd_monotone"));
        // January starts a new year; a 1-2月 February with no January report has no month before it
        assertEquals(Set.of(), unit().now("revenue_ytd", 900).now("cost_ytd", 700).now("tax_surcharge_ytd", 9)
                .now("payroll_ytd", 300).flags("2024-01"));
        SpecialtyCase feb = new SpecialtyCase(F).now("revenue_ytd", 2000).now("cost_ytd", 1500).now("employees", 50);
        assertEquals(Set.of(), feb.flags("2024-02"));
    }

    @Test
    void costFarAboveRevenueIsAWarning() {
        assertEquals(Set.of(), unit().now("cost_ytd", 12000).flags("2024-04"), "3× is still allowed");
        assertEquals(Set.of("cost_le_revenue/cost_ytd"), unit().now("cost_ytd", 12001).flags("2024-04"));
        assertEquals("warning", severity("cost_le_revenue"));
    }

    @Test
    void employeesTenTimesOrATenthIsASlip() {
        assertEquals(Set.of("employees_slip/employees"), unit().now("employees", 500).flags("2024-04"));
        assertEquals(Set.of("employees_slip/employees"), unit().now("employees", 5).flags("2024-04"));
        assertEquals(Set.of(), unit().now("employees", 100).flags("2024-04"), "doubling is no slip");
        assertEquals("error", severity("employees_slip"));
    }

    @Test
    void payrollPerHead() {
        assertEquals(Set.of("payroll_per_head/payroll_ytd"), unit().now("employees", 1).before("employees", 1)
                .flags("2024-04"));
    }

    @Test
    void aRuleOverAnIndicatorNotReportedDoesNotFire() {
        // no last month (new unit) and no tax or payroll reported: only what is there is judged
        SpecialtyCase u = new SpecialtyCase(F).now("revenue_ytd", 4000).now("cost_ytd", 2700).now("employees", 500);
        assertEquals(Set.of(), u.flags("2024-04"));
        assertEquals(Set.of(), new SpecialtyCase(F).now("cost_ytd", 99999).flags("2024-04"), "no revenue reported");
    }
}
