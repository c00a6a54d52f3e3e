package org.statdesk.testing;

import java.net.URL;
import java.util.List;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;

/** Report forms for tests that need one without a specialty bundle. */
public final class Forms {
    private Forms() {
    }

    /**
     * The industrial form B204-1 with three compared indicators (工业总产值累计, 工业总产值, 用电量), stratified by
     * industry division and county, due on the 5th; no rule file.
     */
    public static ReportForm industrial() {
        return new ReportForm() {
            @Override
            public String code() {
                return "B204-1";
            }

            @Override
            public String title() {
                return "工业产销总值及主要产品产量";
            }

            @Override
            public String specialty() {
                return "industrial";
            }

            @Override
            public List<Indicator> indicators() {
                return List.of(new Indicator("output_value_ytd", "工业总产值累计", "千元", "ytd"),
                        new Indicator("output_value", "工业总产值", "千元", "month"),
                        new Indicator("electricity", "用电量", "万千瓦时", "month"));
            }

            @Override
            public List<String> comparedIndicators() {
                return List.of("output_value_ytd", "output_value", "electricity");
            }

            @Override
            public URL rules() {
                return null;
            }

            @Override
            public List<String> stratification() {
                return List.of("industry_division", "county");
            }

            @Override
            public int deadlineDay() {
                return 5;
            }
        };
    }
}
