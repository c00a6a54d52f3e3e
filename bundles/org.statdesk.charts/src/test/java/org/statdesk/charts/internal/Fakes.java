package org.statdesk.charts.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Comparison;
import org.statdesk.api.review.Comparisons;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.ReviewService;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.Forms;
import org.statdesk.testing.ListRegister;

/**
 * The chart tests' city: a review and a register from org.statdesk.testing, and the review's comparisons as a fake,
 * so that chart tests control every figure and every verdict.
 */
final class Fakes {
    private Fakes() {
    }

    /**
     * The review's comparisons as a fake, so that chart tests control every verdict: units with both months positive,
     * one stratum per county ({@code C13×county}; untested under 3 units), a median ratio of 1 + 1% per county in
     * code order, the band ×÷2, an HB effect of 10 × (ratio − median) within ±7, and the fake review's flags. The
     * units in {@link #combined} are compared as 1-2月 reports, against December.
     */
    static final class Compare implements Comparisons {
        final FakeReview review;
        final ListRegister register;
        final Set<String> combined = new HashSet<>();
        Parameters parameters = new Parameters(0.5, 0.05, 7, 10, 2.0, null);
        int calls;

        Compare(FakeReview review, ListRegister register) {
            this.review = review;
            this.register = register;
        }

        public Parameters parameters() {
            return parameters;
        }

        public List<Comparison> comparisons(String period, String indicator, String specialty) {
            calls++;
            List<Comparison> out = new ArrayList<>();
            Map<String, Integer> perCounty = new TreeMap<>();
            List<String[]> pairs = new ArrayList<>();
            for (Map.Entry<String, Double> e : review.values(period, indicator).entrySet()) {
                Unit u = register.units().get(e.getKey());
                String base = Periods.shift(period, combined.contains(e.getKey()) ? -2 : -1);
                Double prev = review.values(base, indicator).get(e.getKey());
                if (u == null || specialty != null && !specialty.equals(u.specialty()) || prev == null
                        || !(prev > 0) || !(e.getValue() > 0)) {
                    continue;
                }
                perCounty.merge(u.countyCode(), 1, Integer::sum);
                pairs.add(new String[] {e.getKey(), base});
            }
            List<String> counties = new ArrayList<>(perCounty.keySet());
            List<Flag> flags = review.flags(period, null);
            for (String[] pair : pairs) {
                String code = pair[0];
                Unit u = register.units().get(code);
                double cur = review.values(period, indicator).get(code);
                double prev = review.values(pair[1], indicator).get(code);
                boolean tested = perCounty.get(u.countyCode()) >= 3;
                double median = tested ? 1 + 0.01 * counties.indexOf(u.countyCode()) : Double.NaN;
                double effect = tested ? 10 * (cur / prev - median) : Double.NaN;
                List<String> rules = flags.stream().filter(f -> f.creditCode().equals(code)
                        && f.indicator().equals(indicator)).map(Flag::rule).toList();
                out.add(new Comparison(code, u.name(), indicator, u.countyCode(), tested ? "C13×" + u.countyCode() : null,
                        tested ? perCounty.get(u.countyCode()) : 0, period, cur, pair[1], prev,
                        combined.contains(code), cur / prev, median, median / 2, median * 2, Math.max(cur, prev),
                        effect, tested ? 0 : Double.NaN, tested ? -7 : Double.NaN, tested ? 7 : Double.NaN,
                        median - 0.7, median + 0.7, Math.abs(effect) > 7, rules));
            }
            out.sort(Comparator.comparing(Comparison::creditCode));
            return out;
        }
    }

    /**
     * A city of {@code n} industrial units in three counties: month-on-month changes spread evenly from -20% to
     * +20%, with unit 0 planted at +400% and flagged.
     */
    static Object[] demo(int n) {
        FakeReview review = new FakeReview();
        ListRegister reg = new ListRegister();
        review.forms.add(Forms.industrial());
        String[] counties = {"620602", "620621", "620622"};
        String[] names = {"凉州区", "民勤县", "古浪县"};
        for (int i = 0; i < 3; i++) {
            reg.division(counties[i], names[i]);
        }
        for (int i = 0; i < n; i++) {
            String code = String.format("91620602MA%08d", i);
            reg.add(code, "武威测试企业" + i + "有限公司", counties[i % 3] + "100", "industrial");
            double prev = 1000 + 37 * i;
            double change = i == 0 ? 4.0 : -0.2 + 0.4 * i / n;
            review.put("2024-05", "output_value", code, prev);
            review.put("2024-06", "output_value", code, prev * (1 + change));
            review.put("2023-06", "output_value", code, prev * 0.9);
            for (int m = 1; m <= 24; m++) {
                String p = Periods.shift("2024-06", -24 + m);
                if (!p.equals("2024-05") && !p.equals("2024-06") && !p.equals("2023-06")) {
                    review.put(p, "output_value", code, prev * (1 + 0.05 * Math.sin(m)));
                }
            }
        }
        review.flags.add(FakeReview.flag(1, String.format("91620602MA%08d", 0), "2024-06", "output_value", 5000, 0.9));
        review.rates.put("620602", new ReviewService.Rates(10, 10, 9, 10, 1.0, 0.9, 1.0));
        review.rates.put("620621", new ReviewService.Rates(8, 7, 6, 7, 0.875, 0.75, 0.875));
        review.rates.put("620622", new ReviewService.Rates(5, 5, 5, 4, 1.0, 1.0, 0.8));
        return new Object[] {review, reg, new Compare(review, reg)};
    }
}
