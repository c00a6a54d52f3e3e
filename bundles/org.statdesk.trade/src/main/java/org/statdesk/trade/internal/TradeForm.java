package org.statdesk.trade.internal;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.records.Records;
import org.statdesk.api.review.DeclaredForm;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;

/**
 * The wholesale, retail, accommodation and catering monthly form (批发零售住宿餐饮业商品销售和营业额, E204-1); rules
 * in {@code rules/trade.rules.json}.
 */
@Component(service = ReportForm.class)
public final class TradeForm extends DeclaredForm {
    /**
     * Wholesale and retail units (F51, F52) report sales to employees; accommodation and catering units (H61, H62)
     * turnover to employees (room revenue H61 only). New codes are appended so that existing files keep their order.
     */
    static final List<Indicator> INDICATORS = List.of(
            new Indicator("sales", "商品销售额", "千元", "month"),
            new Indicator("sales_ytd", "商品销售额本年累计", "千元", "ytd"),
            new Indicator("retail_sales", "其中零售额", "千元", "month", List.of("零售额", "商品零售额")),
            new Indicator("turnover", "住宿餐饮业营业额", "千元", "month", List.of("营业额", "住宿和餐饮业营业额")),
            new Indicator("retail_sales_ytd", "其中零售额本年累计", "千元", "ytd", List.of("零售额本年累计")),
            new Indicator("online_retail", "其中通过公共网络实现的零售额", "千元", "month", List.of("网上零售额")),
            new Indicator("inventory", "期末商品库存额", "千元", "stock", List.of("商品库存额")),
            new Indicator("employees", "从业人员期末人数", "人", "stock", List.of("期末从业人数", "从业人员")),
            new Indicator("turnover_ytd", "营业额本年累计", "千元", "ytd", List.of("住宿餐饮业营业额本年累计")),
            new Indicator("room_revenue", "客房收入", "千元", "month"),
            new Indicator("food_revenue", "餐费收入", "千元", "month"),
            new Indicator("goods_sales", "住宿餐饮业商品销售额", "千元", "month"));

    public TradeForm() {
        super("E204-1", "批发零售住宿餐饮业商品销售和营业额（月报）", "trade", INDICATORS, List.of("sales", "retail_sales", "turnover"),
                TradeForm.class.getResource("/rules/trade.rules.json"), List.of("industry_division", "county"), 8,
                Map.of(Records.TAX, List.of("sales", "turnover")));
    }
}
