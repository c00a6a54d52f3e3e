package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule of trade.rules.json (E204-1) on hand-made wholesale/retail and accommodation/catering units. */
class TradeRulesTest {
    private static final FormSpec F = TestForms.spec(TestForms.trade());

    /** A retailer (F52) with clean figures for April and March. */
    private static SpecialtyCase retailer() {
        return new SpecialtyCase(F).before("sales", 500).before("sales_ytd", 1500).before("retail_sales", 400)
                .before("retail_sales_ytd", 1200).before("inventory", 300).before("online_retail", 50)
                .now("sales", 520).now("sales_ytd", 2020).now("retail_sales", 410).now("retail_sales_ytd", 1610)
                .now("online_retail", 60).now("inventory", 320).now("employees", 40);
    }

    /** A hotel (H61) with clean figures. */
    private static SpecialtyCase hotel() {
        return new SpecialtyCase(F).before("turnover", 300).before("turnover_ytd", 900).now("turnover", 310)
                .now("turnover_ytd", 1210).now("room_revenue", 200).now("food_revenue", 100).now("goods_sales", 5)
                .now("employees", 30);
    }

    @Test
    void cleanUnitsGiveNoFlag() {
        assertEquals(Set.of(), retailer().flags("2024-04"));
        assertEquals(Set.of(), hotel().flags("2024-04"));
    }

    @Test
    void everyFigureNonNegative() {
        assertEquals(Set.of("nonnegative/employees"), retailer().now("employees", -1).flags("2024-04"));
        assertEquals(Set.of("nonnegative/goods_sales"), hotel().now("goods_sales", -2).flags("2024-04"));
    }

    @Test
    void retailWithinSalesAndOnlineWithinRetail() {
        assertEquals(Set.of("retail_le_sales/retail_sales"), retailer().now("retail_sales", 530)
                .now("retail_sales_ytd", 1730).now("online_retail", 60).flags("2024-04"));
        assertEquals(Set.of("online_le_retail/online_retail"), retailer().now("online_retail", 411).flags("2024-04"));
    }

    @Test
    void yearToDateIsLastMonthsPlusThisMonth() {
        assertEquals(Set.of("sales_ytd_sum/sales_ytd"), retailer().now("sales_ytd", 2022).flags("2024-04"));
        assertEquals(Set.of(), retailer().now("sales_ytd", 2020.9).flags("2024-04"), "within 1 千元");
        assertEquals(Set.of("sales_ytd_sum/sales_ytd", "sales_ytd_monotone/sales_ytd"),
                retailer().now("sales_ytd", 1400).flags("2024-04"));
        assertEquals(Set.of("retail_ytd_sum/retail_sales_ytd"), retailer().now("retail_sales_ytd", 1500)
                .flags("2024-04"));
        assertEquals(Set.of("turnover_ytd_sum/turnover_ytd"), hotel().now("turnover_ytd", 1300).flags("2024-04"));
    }

    @Test
    void januaryAndCombinedJanuaryFebruary() {
        // 1-2月合报: February with no January report; the year to date is the (two-month) figure itself
        SpecialtyCase feb = new SpecialtyCase(F).now("sales", 1000).now("sales_ytd", 1000).now("retail_sales", 800)
                .now("retail_sales_ytd", 800).now("inventory", 200);
        assertEquals(Set.of(), feb.flags("2024-02"));
        assertEquals(Set.of("sales_ytd_sum/sales_ytd"), feb.now("sales_ytd", 1500).flags("2024-02"));
        SpecialtyCase jan = new SpecialtyCase(F).before("turnover", 400).before("turnover_ytd", 4800)
                .now("turnover", 350).now("turnover_ytd", 350);
        assertEquals(Set.of(), jan.flags("2024-01"), "January's year to date is the month, not December's + it");
        assertEquals(Set.of("turnover_ytd_sum/turnover_ytd"), jan.now("turnover_ytd", 5150).flags("2024-01"));
    }

    @Test
    void roomAndFoodWithinTurnover() {
        assertEquals(Set.of(), hotel().now("room_revenue", 210.5).flags("2024-04"), "1 千元 allowed");
        assertEquals(Set.of("room_food_le_turnover/turnover"), hotel().now("room_revenue", 212).flags("2024-04"));
        // a restaurant (H62) has no room revenue: the sum rule does not fire, food alone is still checked
        SpecialtyCase restaurant = new SpecialtyCase(F).now("turnover", 100).now("food_revenue", 120);
        assertEquals(Set.of("food_le_turnover/turnover"), restaurant.flags("2024-04"));
    }

    @Test
    void inventoryJumpIsAWarning() {
        assertEquals(Set.of("inventory_jump/inventory"), retailer().now("inventory", 901).flags("2024-04"));
        assertEquals(Set.of("inventory_jump/inventory"), retailer().now("inventory", 99).flags("2024-04"));
        assertEquals(Set.of(), retailer().now("inventory", 899).flags("2024-04"));
        assertEquals("warning", F.rules().stream().filter(r -> r.rule().id().equals("inventory_jump")).findFirst()
                .orElseThrow().rule().severity());
    }

    @Test
    void aRuleOverAnIndicatorNotReportedDoesNotFire() {
        // a wholesaler reporting no inventory last month and no online retail: no inventory or online flag
        SpecialtyCase w = new SpecialtyCase(F).before("sales", 500).before("sales_ytd", 1500).now("sales", 520)
                .now("sales_ytd", 2020).now("retail_sales", 50).now("inventory", 5000);
        assertEquals(Set.of(), w.flags("2024-04"));
        // a hotel reports no sales: retail_le_sales, sales_ytd_sum stay quiet
        assertEquals(Set.of(), hotel().flags("2024-04"));
    }
}
