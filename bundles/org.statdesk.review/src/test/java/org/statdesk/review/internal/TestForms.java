package org.statdesk.review.internal;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;

/** The specialty forms as the review sees them, with the rules files of the specialty bundles in this repo. */
final class TestForms {
    static final List<Indicator> INDUSTRIAL = List.of(
            new Indicator("output_value", "工业总产值", "千元", "month"),
            new Indicator("output_value_ytd", "工业总产值本年累计", "千元", "ytd"),
            new Indicator("sales_value", "工业销售产值", "千元", "month"),
            new Indicator("export_value", "出口交货值", "千元", "month"),
            new Indicator("revenue_ytd", "营业收入本年累计", "千元", "ytd"),
            new Indicator("electricity", "用电量", "万千瓦时", "month"),
            new Indicator("employees", "从业人员期末人数", "人", "stock"));

    static final List<Indicator> TRADE = List.of(
            new Indicator("sales", "商品销售额", "千元", "month"),
            new Indicator("sales_ytd", "商品销售额本年累计", "千元", "ytd"),
            new Indicator("retail_sales", "其中零售额", "千元", "month"),
            new Indicator("turnover", "住宿餐饮业营业额", "千元", "month"));

    static final List<Indicator> SERVICES = List.of(
            new Indicator("revenue_ytd", "营业收入本年累计", "千元", "ytd"),
            new Indicator("cost_ytd", "营业成本本年累计", "千元", "ytd"),
            new Indicator("payroll_ytd", "应付职工薪酬本年累计", "千元", "ytd"),
            new Indicator("employees", "从业人员期末人数", "人", "stock"));

    static URL rulesOf(String bundle, String file) {
        Path p = Path.of("..", "org.statdesk." + bundle, "src", "main", "resources", "rules", file);
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReportForm industrial() {
        return form("B204-1", "industrial", INDUSTRIAL, List.of("output_value", "sales_value", "electricity"),
                rulesOf("industrial", "industrial.rules.json"), 6);
    }

    static ReportForm trade() {
        return form("E204-1", "trade", TRADE, List.of("sales", "retail_sales", "turnover"),
                rulesOf("trade", "trade.rules.json"), 8);
    }

    static ReportForm services() {
        return form("F103", "services", SERVICES, List.of("revenue_ytd", "employees"),
                rulesOf("services", "services.rules.json"), 8);
    }

    static ReportForm form(String code, String specialty, List<Indicator> indicators, List<String> compared, URL rules,
            int deadline) {
        return new ReportForm() {
            public String code() {
                return code;
            }

            public String title() {
                return code;
            }

            public String specialty() {
                return specialty;
            }

            public List<Indicator> indicators() {
                return indicators;
            }

            public List<String> comparedIndicators() {
                return compared;
            }

            public URL rules() {
                return rules;
            }

            public List<String> stratification() {
                return List.of("industry_division", "county");
            }

            public int deadlineDay() {
                return deadline;
            }
        };
    }

    static FormSpec spec(ReportForm f) {
        return org.statdesk.review.internal.forms.FormCatalogueImpl.compile(f);
    }
}
