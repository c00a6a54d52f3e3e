package org.statdesk.services.internal;

import java.net.URL;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;

/**
 * The services-above-scale monthly financial form (规模以上服务业财务状况, F103); rules in
 * {@code rules/services.rules.json}. Year-to-date figures are compared month on month too: every unit of a
 * stratum accumulates the same months, so the stratum median absorbs the accumulation.
 */
@Component(service = ReportForm.class)
public final class ServicesForm implements ReportForm {
    static final List<Indicator> INDICATORS = List.of(
            new Indicator("revenue_ytd", "营业收入本年累计", "千元", "ytd"),
            new Indicator("cost_ytd", "营业成本本年累计", "千元", "ytd"),
            new Indicator("payroll_ytd", "应付职工薪酬本年累计", "千元", "ytd"),
            new Indicator("employees", "从业人员期末人数", "人", "stock"));

    @Override
    public String code() {
        return "F103";
    }

    @Override
    public String title() {
        return "规模以上服务业财务状况（月报）";
    }

    @Override
    public String specialty() {
        return "services";
    }

    @Override
    public List<Indicator> indicators() {
        return INDICATORS;
    }

    @Override
    public List<String> comparedIndicators() {
        return List.of("revenue_ytd", "employees");
    }

    @Override
    public URL rules() {
        return ServicesForm.class.getResource("/rules/services.rules.json");
    }

    @Override
    public List<String> stratification() {
        return List.of("industry_division", "county");
    }

    @Override
    public int deadlineDay() {
        return 8;
    }
}
