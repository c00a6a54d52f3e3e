package org.statdesk.workbench.internal;

import org.statdesk.api.review.Flag;
import org.statdesk.api.review.ReviewService.Rates;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.Forms;
import org.statdesk.testing.ListRegister;


/** The workbench tests' city: a review and a register (from org.statdesk.testing) whose every figure the test sets. */
final class Fakes {
    private Fakes() {
    }

    static final String[] NAMES = {"武威金源化工", "凉州荣华工贸", "民勤沙漠葡萄酒", "古浪县鑫达建材", "天祝宏达矿业",
        "武威市恒通机械", "凉州区瑞丰面粉", "民勤县绿洲农产品加工", "古浪县祁连水泥", "天祝藏族自治县雪域乳业",
        "武威皇台酒业", "凉州区宏远电力设备", "民勤县金沙纺织", "古浪县海升果汁"};

    /**
     * The workbench's city: {@code n} industrial units in Wuwei's four counties with real-looking names, 24 months of
     * history; unit 0 planted at +400% (a month-on-month flag), unit 5 at -62% (an HB flag) and unit 9 at +95% with
     * export above sales (a logical error).
     */
    static Object[] demo(int n) {
        FakeReview review = new FakeReview();
        ListRegister reg = new ListRegister();
        review.forms.add(Forms.industrial());
        String[] counties = {"620602", "620621", "620622", "620623"};
        String[] names = {"凉州区", "民勤县", "古浪县", "天祝藏族自治县"};
        String[] towns = {"东大街街道", "三雷镇", "古浪镇", "华藏寺镇"};
        for (int i = 0; i < 4; i++) {
            reg.division(counties[i] + "100", towns[i]);
            reg.division(counties[i], names[i]);
        }
        for (int i = 0; i < n; i++) {
            String code = String.format("91620602MA%08d", i);
            reg.add(code, NAMES[i % NAMES.length] + (i / NAMES.length == 0 ? "" : String.valueOf(i / NAMES.length + 1)) + "有限公司", counties[i % 4] + "100", "industrial");
            double prev = 1000 + 37 * i;
            double change = i == 0 ? 4.0 : i == 5 ? -0.62 : i == 9 ? 0.95 : -0.2 + 0.4 * ((i * 7919) % n) / n;
            review.put("2024-05", "output_value", code, prev);
            review.put("2024-06", "output_value", code, prev * (1 + change));
            review.put("2023-06", "output_value", code, prev * 0.9);
            for (int m = 1; m <= 24; m++) {
                String p = java.time.YearMonth.parse("2024-06").plusMonths(-24 + m).toString();
                if (!p.equals("2024-05") && !p.equals("2024-06") && !p.equals("2023-06")) {
                    review.put(p, "output_value", code, prev * (1 + 0.05 * Math.sin(m)));
                }
            }
        }
        review.flags.add(FakeReview.flag(1, String.format("91620602MA%08d", 0), "2024-06", "output_value", 5000, 0.31));
        review.flags.add(new Flag(2, String.format("91620602MA%08d", 5), "2024-06", "output_value", "IND-HB",
                "hb", "warning", 458.9, 1207.6, 0.12, "工业总产值环比下降 62%，超出 HB 下界", "open"));
        review.flags.add(new Flag(3, String.format("91620602MA%08d", 9), "2024-06", "output_value", "IND-L03",
                "logical", "error", 2604.8, null, 0.08, "出口交货值大于工业销售产值", "open"));
        review.rates.put("620602", new Rates(10, 10, 9, 10, 1.0, 0.9, 1.0));
        review.rates.put("620621", new Rates(8, 7, 6, 7, 0.875, 0.75, 0.875));
        review.rates.put("620622", new Rates(5, 5, 5, 4, 1.0, 1.0, 0.8));
        return new Object[] {review, reg};
    }
}
