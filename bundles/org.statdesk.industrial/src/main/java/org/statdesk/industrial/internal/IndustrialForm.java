package org.statdesk.industrial.internal;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.records.Records;
import org.statdesk.api.review.DeclaredForm;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;

/**
 * The industrial monthly form (规模以上工业产销总值, B204-1) as a service: the review bundle tracks it, so
 * uninstalling this bundle removes the form and its rules; the rules are data in {@code rules/industrial.rules.json}.
 */
@Component(service = ReportForm.class)
public final class IndustrialForm extends DeclaredForm {
    static final List<Indicator> INDICATORS = List.of(
            new Indicator("output_value", "工业总产值", "千元", "month", List.of("工业总产值当年价格", "工业总产值现价")),
            new Indicator("output_value_ytd", "工业总产值本年累计", "千元", "ytd"),
            new Indicator("sales_value", "工业销售产值", "千元", "month", List.of("工业销售产值当年价格", "工业销售产值现价")),
            new Indicator("export_value", "出口交货值", "千元", "month", List.of("出口交货值当年价格")),
            new Indicator("revenue_ytd", "营业收入本年累计", "千元", "ytd"),
            new Indicator("electricity", "用电量", "万千瓦时", "month", List.of("工业用电量")),
            new Indicator("employees", "从业人员期末人数", "人", "stock", List.of("期末从业人数", "从业人员")));

    public IndustrialForm() {
        super("B204-1", "工业产销总值及主要产品产量（月报）", "industrial", INDICATORS,
                List.of("output_value", "sales_value", "electricity"),
                IndustrialForm.class.getResource("/rules/industrial.rules.json"), List.of("industry_division", "county"),
                6, Map.of(Records.TAX, List.of("sales_value"), Records.POWER, List.of("electricity")));
    }
}
