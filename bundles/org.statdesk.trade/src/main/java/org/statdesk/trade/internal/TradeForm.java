package org.statdesk.trade.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.review.DeclaredForm;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;

/**
 * The wholesale, retail, accommodation and catering monthly form (批发零售住宿餐饮业商品销售和营业额, E204-1); rules
 * in {@code rules/trade.rules.json}.
 */
@Component(service = ReportForm.class)
public final class TradeForm extends DeclaredForm {
    static final List<Indicator> INDICATORS = List.of(
            new Indicator("sales", "商品销售额", "千元", "month"),
            new Indicator("sales_ytd", "商品销售额本年累计", "千元", "ytd"),
            new Indicator("retail_sales", "其中零售额", "千元", "month", List.of("零售额", "商品零售额")),
            new Indicator("turnover", "住宿餐饮业营业额", "千元", "month", List.of("营业额", "住宿和餐饮业营业额")));

    public TradeForm() {
        super("E204-1", "批发零售住宿餐饮业商品销售和营业额（月报）", "trade", INDICATORS, List.of("sales", "retail_sales", "turnover"),
                TradeForm.class.getResource("/rules/trade.rules.json"), List.of("industry_division", "county"), 8);
    }
}
