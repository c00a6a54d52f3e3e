package org.statdesk.workbench.internal;

import java.net.URL;
import java.util.ArrayList;
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

    static final String[] NAMES = {"武威金源化工", "凉州荣华工贸", "民勤沙漠葡萄酒", "古浪县鑫达建材", "天祝宏达矿业",
        "武威市恒通机械", "凉州区瑞丰面粉", "民勤县绿洲农产品加工", "古浪县祁连水泥", "天祝藏族自治县雪域乳业",
        "武威皇台酒业", "凉州区宏远电力设备", "民勤县金沙纺织", "古浪县海升果汁"};

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
            for (String p : window(to, 240)) {
                if (p.compareTo(from) >= 0) {
                    Double v = values(p, indicator).get(code);
                    if (v != null) {
                        out.put(p, v);
                    }
                }
            }
            return out;
        }

        final List<org.statdesk.api.audit.Journal.Entry> journal = new java.util.concurrent.CopyOnWriteArrayList<>();

        public Flag resolve(long id, String action, String text, Double revised, String reason) {
            resolved.add(new String[] {String.valueOf(id), action, text, reason});
            for (int i = 0; i < flags.size(); i++) {
                Flag f = flags.get(i);
                if (f.id() == id) {
                    Flag n = new Flag(f.id(), f.creditCode(), f.period(), f.indicator(), f.rule(), f.kind(),
                            f.severity(), revised == null ? f.value() : revised, f.expected(), f.score(), f.message(),
                            action);
                    flags.set(i, n);
                    journal.add(new org.statdesk.api.audit.Journal.Entry(journal.size() + 1, "2024-07-03T10:00:00",
                            "reviewer", "org.statdesk.review", "flag", f.creditCode(), "status", f.status(), action,
                            reason, null, "h"));
                    return n;
                }
            }
            throw new IllegalArgumentException("no flag " + id);
        }

        public Map<String, Rates> rates(String period, String specialty) {
            return rates;
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

    static List<String> window(String last, int count) {
        List<String> out = new ArrayList<>();
        java.time.YearMonth end = java.time.YearMonth.parse(last);
        for (int i = count - 1; i >= 0; i--) {
            out.add(end.minusMonths(i).toString());
        }
        return out;
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
        review.flags.add(flag(1, String.format("91620602MA%08d", 0), "2024-06", "output_value", 5000, 0.31));
        review.flags.add(new Flag(2, String.format("91620602MA%08d", 5), "2024-06", "output_value", "IND-HB",
                "hb", "warning", 458.9, 1207.6, 0.12, "工业总产值环比下降 62%，超出 HB 下界", "open"));
        review.flags.add(new Flag(3, String.format("91620602MA%08d", 9), "2024-06", "output_value", "IND-L03",
                "logical", "error", 2604.8, null, 0.08, "出口交货值大于工业销售产值", "open"));
        review.rates.put("620602", new ReviewService.Rates(10, 10, 9, 10, 1.0, 0.9, 1.0));
        review.rates.put("620621", new ReviewService.Rates(8, 7, 6, 7, 0.875, 0.75, 0.875));
        review.rates.put("620622", new ReviewService.Rates(5, 5, 5, 4, 1.0, 1.0, 0.8));
        return new Object[] {review, reg};
    }
}
