package org.statdesk.charts.internal;

import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.review.Comparison;
import org.statdesk.api.review.Comparisons;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;

/** In-memory review and register, so chart tests control every figure. */
final class Fakes {
    private Fakes() {
    }

    static ReportForm industrialForm() {
        return new ReportForm() {
            public String code() {
                return "B204-1";
            }

            public String title() {
                return "工业产销总值及主要产品产量";
            }

            public String specialty() {
                return "industrial";
            }

            public List<Indicator> indicators() {
                return List.of(new Indicator("output_value_ytd", "工业总产值累计", "千元", "ytd"),
                        new Indicator("output_value", "工业总产值", "千元", "month"),
                        new Indicator("electricity", "用电量", "万千瓦时", "month"));
            }

            public List<String> comparedIndicators() {
                return List.of("output_value_ytd", "output_value", "electricity");
            }

            public URL rules() {
                return null;
            }

            public List<String> stratification() {
                return List.of("industry_division", "county");
            }

            public int deadlineDay() {
                return 5;
            }
        };
    }

    static final class Review implements ReviewService {
        final List<ReportForm> forms = new ArrayList<>();
        /** period → indicator → credit code → value */
        final Map<String, Map<String, Map<String, Double>>> values = new HashMap<>();
        final List<Flag> flags = new ArrayList<>();
        final Map<String, Rates> rates = new LinkedHashMap<>();
        final List<String[]> resolved = new ArrayList<>();
        int flagCalls;

        void put(String period, String indicator, String code, double v) {
            values.computeIfAbsent(period, k -> new HashMap<>()).computeIfAbsent(indicator, k -> new HashMap<>())
                    .put(code, v);
        }

        public List<ReportForm> forms() {
            return forms;
        }

        public List<Flag> flags(String period, String specialty) {
            flagCalls++;
            return flags.stream().filter(f -> f.period().equals(period)).toList();
        }

        public List<Flag> run(String period, String specialty) {
            return flags(period, specialty);
        }

        public Map<String, Double> values(String period, String indicator) {
            return values.getOrDefault(period, Map.of()).getOrDefault(indicator, Map.of());
        }

        public Map<String, Double> series(String code, String indicator, String from, String to) {
            Map<String, Double> out = new TreeMap<>();
            for (String p : Periods.window(to, 240)) {
                if (p.compareTo(from) >= 0) {
                    Double v = values(p, indicator).get(code);
                    if (v != null) {
                        out.put(p, v);
                    }
                }
            }
            return out;
        }

        public Flag resolve(long id, String action, String text, Double revised, String reason) {
            resolved.add(new String[] {String.valueOf(id), action, text, reason});
            return null;
        }

        public Map<String, Rates> rates(String period, String specialty) {
            return rates;
        }
    }

    /**
     * The review's comparisons as a fake, so that chart tests control every verdict: units with both months positive,
     * one stratum per county ({@code C13×county}; untested under 3 units), a median ratio of 1 + 1% per county in
     * code order, the band ×÷2, an HB effect of 10 × (ratio − median) within ±7, and the fake review's flags. The
     * units in {@link #combined} are compared as 1-2月 reports, against December.
     */
    static final class Compare implements Comparisons {
        final Review review;
        final Registry register;
        final java.util.Set<String> combined = new java.util.HashSet<>();
        Parameters parameters = new Parameters(0.5, 0.05, 7, 10, 2.0, null);
        int calls;

        Compare(Review review, Registry register) {
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
                Unit u = register.units.get(e.getKey());
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
                Unit u = register.units.get(code);
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

    static final class Registry implements Register {
        final Map<String, Unit> units = new LinkedHashMap<>();
        final Map<String, Divisions.Division> divisions = new HashMap<>();

        Unit add(String code, String name, String township, String specialty) {
            Unit u = new Unit(code, name, township, township.substring(0, 6), "C1391", specialty, "above", 30000,
                    null, "", "", "", Unit.IN_REGISTER, "2020-01-01", null);
            units.put(code, u);
            return u;
        }

        void division(String code, String name) {
            divisions.put(code, new Divisions.Division(code, name, code.length() == 6 ? "county" : "township",
                    code.substring(0, Math.max(0, code.length() - 3))));
        }

        public Optional<Unit> find(String code) {
            return Optional.ofNullable(units.get(code));
        }

        public List<Unit> list(UnitQuery q) {
            return units.values().stream()
                    .filter(u -> q.specialty() == null || q.specialty().equals(u.specialty()))
                    .filter(u -> q.county() == null || q.county().equals(u.countyCode()))
                    .filter(u -> q.text() == null || u.name().contains(q.text()) || u.creditCode().contains(q.text()))
                    .toList();
        }

        public Divisions divisions() {
            return new Divisions() {
                public Optional<Division> find(String code) {
                    return Optional.ofNullable(divisions.get(code));
                }

                public List<Division> townships(String prefix) {
                    return divisions.values().stream().filter(d -> d.code().length() == 9 && d.code().startsWith(prefix))
                            .toList();
                }

                public List<Division> counties(String city) {
                    return divisions.values().stream().filter(d -> d.code().length() == 6 && d.code().startsWith(city.substring(0, 4)))
                            .toList();
                }
            };
        }
    }

    static Flag flag(long id, String code, String period, String indicator, double value, double score) {
        return new Flag(id, code, period, indicator, "IND-MOM", "comparative", "warning", value, null, score,
                "环比变化过大", "open");
    }

    /**
     * A city of {@code n} industrial units in three counties: month-on-month changes spread evenly from -20% to
     * +20%, with unit 0 planted at +400% and flagged.
     */
    static Object[] demo(int n) {
        Review review = new Review();
        Registry reg = new Registry();
        review.forms.add(industrialForm());
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
        review.flags.add(flag(1, String.format("91620602MA%08d", 0), "2024-06", "output_value", 5000, 0.9));
        review.rates.put("620602", new ReviewService.Rates(10, 10, 9, 10, 1.0, 0.9, 1.0));
        review.rates.put("620621", new ReviewService.Rates(8, 7, 6, 7, 0.875, 0.75, 0.875));
        review.rates.put("620622", new ReviewService.Rates(5, 5, 5, 4, 1.0, 1.0, 0.8));
        return new Object[] {review, reg, new Compare(review, reg)};
    }
}
