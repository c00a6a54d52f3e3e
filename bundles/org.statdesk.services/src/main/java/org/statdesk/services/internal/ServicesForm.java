package org.statdesk.services.internal;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.records.Records;
import org.statdesk.api.review.DeclaredForm;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;

/**
 * The services-above-scale monthly financial form (规模以上服务业财务状况, F103); rules in
 * {@code rules/services.rules.json}. Year-to-date figures are compared month on month too: every unit of a
 * stratum accumulates the same months, so the stratum median absorbs the accumulation.
 */
@Component(service = ReportForm.class)
public final class ServicesForm extends DeclaredForm {
    static final List<Indicator> INDICATORS = List.of(
            new Indicator("revenue_ytd", "营业收入本年累计", "千元", "ytd"),
            new Indicator("cost_ytd", "营业成本本年累计", "千元", "ytd"),
            new Indicator("payroll_ytd", "应付职工薪酬本年累计", "千元", "ytd"),
            new Indicator("employees", "从业人员期末人数", "人", "stock", List.of("期末从业人数", "从业人员")),
            new Indicator("tax_surcharge_ytd", "税金及附加本年累计", "千元", "ytd", List.of("税金及附加")));

    public ServicesForm() {
        super("F103", "规模以上服务业财务状况（月报）", "services", INDICATORS, List.of("revenue_ytd", "employees"),
                ServicesForm.class.getResource("/rules/services.rules.json"), List.of("industry_division", "county"),
                8, Map.of(Records.TAX, List.of("revenue_ytd")));
    }
}
