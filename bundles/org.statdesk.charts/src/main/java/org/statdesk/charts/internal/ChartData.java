package org.statdesk.charts.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;

/**
 * Gathers what a chart shows from the review and the register into plain models; no drawing here, so the figures
 * are tested without pixels.
 */
final class ChartData {
    private final ReviewService review;
    private final Register register;
    private final Supplier<ReviewSettings> settings;

    ChartData(ReviewService review, Register register) {
        this(review, register, () -> ReviewSettings.DEFAULTS);
    }

    ChartData(ReviewService review, Register register, Supplier<ReviewSettings> settings) {
        this.review = review;
        this.register = register;
        this.settings = settings;
    }

    ReviewSettings settings() {
        ReviewSettings s = settings.get();
        return s == null ? ReviewSettings.DEFAULTS : s;
    }

    /**
     * One unit of the variance and HB charts. {@code stratum} is the stratum the review tests it in (null when its
     * top stratum has fewer than 3 units: not tested); {@code bandLow}/{@code bandHigh} the month-on-month band of
     * that stratum and {@code hbLow}/{@code hbHigh} its HB bounds for this unit's size, as changes in % (NaN where
     * there is none); {@code e} its HB effect and {@code eScaled} the effect scaled to its stratum's bounds (−1 and
     * +1 are the lower and upper bound, 0 the stratum's median effect).
     */
    record Point(String code, String name, String county, double previous, double current, double changePct,
            boolean flagged, boolean hbOutlier, double size, double e, String stratum, int stratumSize,
            double bandLow, double bandHigh, double hbLow, double hbHigh, double eScaled) {
    }

    /**
     * The variance of a period: points sorted by change, the overall median change, the settings and
     * stratification used, how many strata were tested and how many units were not tested.
     */
    record VarianceModel(String period, Indicator indicator, String specialty, List<Point> points, double median,
            ReviewSettings settings, List<String> stratification, int strata, int untested) {
        int flaggedCount() {
            return (int) points.stream().filter(Point::flagged).count();
        }

        int hbOutlierCount() {
            return (int) points.stream().filter(Point::hbOutlier).count();
        }
    }

    record SeriesModel(String code, String name, Indicator indicator, List<String> periods, double[] thisYear,
            double[] lastYear, boolean[] flagged) {
    }

    record CountyRow(String code, String name, double total, double previousTotal, double lastYearTotal,
            Double mom, Double yoy) {
    }

    record CountyModel(String period, Indicator indicator, String specialty, List<CountyRow> rows) {
    }

    record RateRow(String code, String name, ReviewService.Rates rates) {
    }

    record RatesModel(String period, String specialty, List<RateRow> rows) {
    }

    /** The indicator to chart: the one asked for (checked against the enabled forms), else the form's first. */
    Indicator indicator(String code, String specialty) {
        List<ReportForm> forms = forms(specialty);
        if (code != null && !code.isBlank()) {
            for (ReportForm f : forms) {
                for (Indicator i : f.indicators()) {
                    if (i.code().equals(code)) {
                        return i;
                    }
                }
            }
            if (!forms.isEmpty()) {
                Set<String> known = new LinkedHashSet<>();
                forms.forEach(f -> f.indicators().forEach(i -> known.add(i.code())));
                throw Periods.bad("indicator", code, "没有启用的报表含此指标；可用: " + String.join(", ", known));
            }
            return new Indicator(code, code, "", "month");
        }
        // A month flow compares month on month meaningfully; a year-to-date figure always grows.
        for (ReportForm f : forms) {
            for (String c : f.comparedIndicators()) {
                Indicator i = find(f, c);
                if (i != null && "month".equals(i.kind())) {
                    return i;
                }
            }
        }
        for (ReportForm f : forms) {
            if (!f.indicators().isEmpty()) {
                return f.indicators().get(0);
            }
        }
        throw new BadInputException("no report form is enabled: enable a specialty or give --indicator");
    }

    List<ReportForm> forms(String specialty) {
        List<ReportForm> out = new ArrayList<>();
        for (ReportForm f : review.forms()) {
            if (specialty == null || specialty.equals(f.specialty())) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing(ReportForm::code));
        return out;
    }

    private static Indicator find(ReportForm f, String code) {
        for (Indicator i : f.indicators()) {
            if (i.code().equals(code)) {
                return i;
            }
        }
        return null;
    }

    /** Units by credit code, of one specialty or all. */
    Map<String, Unit> units(String specialty) {
        Map<String, Unit> out = new HashMap<>();
        for (Unit u : register.list(new UnitQuery(null, specialty, null, null, null))) {
            out.put(u.creditCode(), u);
        }
        return out;
    }

    /** Flagged units of a period for one indicator. */
    Set<String> flagged(String period, String specialty, String indicator) {
        Set<String> out = new HashSet<>();
        for (Flag f : review.flags(period, specialty)) {
            if (indicator.equals(f.indicator())) {
                out.add(f.creditCode());
            }
        }
        return out;
    }

    /** The enabled form that holds an indicator (of the specialty when given), or null. */
    ReportForm formOf(String indicator, String specialty) {
        for (ReportForm f : forms(specialty)) {
            if (find(f, indicator) != null) {
                return f;
            }
        }
        return null;
    }

    /**
     * Every unit's month-on-month change of an indicator, tested as the review tests it: the units of the form's
     * specialty with both months positive, in the strata of the form's stratification merged upward below the
     * minimum size, with the review's band factor and HB settings.
     */
    VarianceModel variance(String period, String indicatorCode, String specialty) {
        Indicator ind = indicator(indicatorCode, specialty);
        ReviewSettings set = settings();
        ReportForm form = formOf(ind.code(), specialty);
        // The review compares a form's own units: without a specialty, the form that holds the indicator decides.
        String scope = specialty != null ? specialty : form == null ? null : form.specialty();
        List<String> stratification = form == null ? List.of() : form.stratification();
        String prevPeriod = Periods.shift(period, -1);
        Map<String, Double> cur = review.values(period, ind.code());
        Map<String, Double> prev = review.values(prevPeriod, ind.code());
        Map<String, Unit> units = units(scope);
        Set<String> flagged = flagged(period, specialty, ind.code());
        List<String> codes = new ArrayList<>();
        for (Map.Entry<String, Double> e : cur.entrySet()) {
            Double p = prev.get(e.getKey());
            // The ratio needs both months positive, as HB does; a unit that stopped or started is another edit.
            if (p == null || e.getValue() == null || p <= 0 || e.getValue() <= 0) {
                continue;
            }
            if (scope != null && !units.containsKey(e.getKey())) {
                continue;
            }
            codes.add(e.getKey());
        }
        int n = codes.size();
        double[] c = new double[n];
        double[] pv = new double[n];
        Unit[] info = new Unit[n];
        for (int i = 0; i < n; i++) {
            c[i] = cur.get(codes.get(i));
            pv[i] = prev.get(codes.get(i));
            info[i] = units.get(codes.get(i));
        }
        Tested t = test(c, pv, info, stratification, set);
        List<Point> points = new ArrayList<>(n);
        double[] changes = new double[n];
        for (int i = 0; i < n; i++) {
            String code = codes.get(i);
            Unit u = info[i];
            double change = (c[i] / pv[i] - 1) * 100;
            changes[i] = change;
            Hb hb = t.hb[i];
            double size = Math.max(c[i], pv[i]);
            double bandLow = Double.NaN;
            double bandHigh = Double.NaN;
            double hbLow = Double.NaN;
            double hbHigh = Double.NaN;
            double e = Double.NaN;
            double scaled = Double.NaN;
            boolean outlier = false;
            if (hb != null) {
                int k = t.index[i];
                e = hb.e[k];
                outlier = hb.outlier(k);
                bandLow = (hb.medianRatio / set.momBand() - 1) * 100;
                bandHigh = (hb.medianRatio * set.momBand() - 1) * 100;
                double[] rb = hb.ratioBounds(size);
                hbLow = Double.isNaN(rb[0]) ? Double.NaN : (rb[0] - 1) * 100;
                hbHigh = Double.isNaN(rb[1]) ? Double.NaN : (rb[1] - 1) * 100;
                scaled = hb.scaled(k);
            }
            points.add(new Point(code, u == null ? code : u.name(), u == null ? null : u.countyCode(), pv[i], c[i],
                    change, flagged.contains(code), outlier, size, e, t.name[i], t.size[i], bandLow, bandHigh, hbLow,
                    hbHigh, scaled));
        }
        points.sort(Comparator.comparingDouble(Point::changePct).thenComparing(Point::code));
        double median = n == 0 ? Double.NaN : Hb.quantile(Hb.sorted(changes), 0.5);
        return new VarianceModel(period, ind, scope, points, median, set, List.copyOf(stratification), t.strata,
                t.untested);
    }

    /** Per unit: the HB of the stratum it is tested in (null: not tested), its index there, the stratum's name. */
    private static final class Tested {
        Hb[] hb;
        int[] index;
        String[] name;
        int[] size;
        int strata;
        int untested;
    }

    /**
     * The review's stratification (Engine.stratify): each unit is tested in the finest stratum with at least the
     * minimum number of units, or in the top one if that has 3 or more; a stratum's HB runs over all its units.
     */
    static Tested test(double[] cur, double[] prev, Unit[] info, List<String> stratification, ReviewSettings set) {
        int n = cur.length;
        List<List<String>> levels = Strata.levels(stratification);
        int nl = levels.size();
        String[][] key = new String[nl][n];
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            Map<String, Integer> cnt = new HashMap<>();
            for (int u = 0; u < n; u++) {
                key[l][u] = Strata.key(info[u], levels.get(l));
                cnt.merge(key[l][u], 1, Integer::sum);
            }
            counts.add(cnt);
        }
        int[] level = new int[n];
        Map<String, List<Integer>> members = new HashMap<>();
        for (int u = 0; u < n; u++) {
            level[u] = -1;
            for (int l = 0; l < nl; l++) {
                int cnt = counts.get(l).get(key[l][u]);
                if (cnt >= set.minStratum() || l == nl - 1 && cnt >= 3) {
                    level[u] = l;
                    members.putIfAbsent(l + "|" + key[l][u], new ArrayList<>());
                    break;
                }
            }
        }
        // members of each used stratum: every unit with that key at that level, tested there or finer
        for (int l = 0; l < nl; l++) {
            for (int u = 0; u < n; u++) {
                List<Integer> m = members.get(l + "|" + key[l][u]);
                if (m != null) {
                    m.add(u);
                }
            }
        }
        Tested t = new Tested();
        t.hb = new Hb[n];
        t.index = new int[n];
        t.name = new String[n];
        t.size = new int[n];
        t.strata = members.size();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            int l = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('|')));
            List<Integer> m = e.getValue();
            double[] c = new double[m.size()];
            double[] p = new double[m.size()];
            for (int i = 0; i < m.size(); i++) {
                c[i] = cur[m.get(i)];
                p[i] = prev[m.get(i)];
            }
            Hb hb = Hb.compute(c, p, set.hbU(), set.hbA(), set.hbC());
            for (int i = 0; i < m.size(); i++) {
                int u = m.get(i);
                if (level[u] == l) {
                    t.hb[u] = hb;
                    t.index[u] = i;
                    String k = key[l][u];
                    t.name[u] = k.equals("*") ? "*" : k;
                    t.size[u] = m.size();
                }
            }
        }
        for (int u = 0; u < n; u++) {
            if (t.hb[u] == null) {
                t.untested++;
            }
        }
        return t;
    }

    SeriesModel series(String code, String period, String indicatorCode, String specialty) {
        long t0 = System.nanoTime();
        Unit u = register.find(code).orElse(null);
        if (u == null) {
            throw Periods.bad("unit", code, "名录库中没有此单位");
        }
        long t1 = System.nanoTime();
        Indicator ind = indicator(indicatorCode, specialty == null ? null : specialty);
        long t2 = System.nanoTime();
        List<String> window = Periods.window(period, 24);
        Map<String, Double> values = review.series(code, ind.code(), window.get(0), period);
        long t3 = System.nanoTime();
        if (ChartView.TRACE) {
            System.err.printf("statdesk.charts: series model: find %.0f ms, indicator %.0f ms, series %.0f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
        List<String> thisYear = window.subList(12, 24);
        double[] now = new double[12];
        double[] before = new double[12];
        boolean[] flagged = new boolean[12];
        for (int i = 0; i < 12; i++) {
            now[i] = orNaN(values.get(window.get(12 + i)));
            before[i] = orNaN(values.get(window.get(i)));
            for (Flag f : review.flags(window.get(12 + i), u.specialty())) {
                if (code.equals(f.creditCode()) && ind.code().equals(f.indicator())) {
                    flagged[i] = true;
                    break;
                }
            }
        }
        if (ChartView.TRACE) {
            System.err.printf("statdesk.charts: series model: flags %.0f ms%n", (System.nanoTime() - t3) / 1e6);
        }
        return new SeriesModel(code, u.name(), ind, List.copyOf(thisYear), now, before, flagged);
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    CountyModel county(String period, String indicatorCode, String specialty) {
        Indicator ind = indicator(indicatorCode, specialty);
        Map<String, Unit> units = units(specialty);
        Map<String, double[]> totals = new TreeMap<>();
        String[] periods = {period, Periods.shift(period, -1), Periods.shift(period, -12)};
        for (int k = 0; k < 3; k++) {
            for (Map.Entry<String, Double> e : review.values(periods[k], ind.code()).entrySet()) {
                Unit u = units.get(e.getKey());
                if (u == null || e.getValue() == null) {
                    continue;
                }
                double v = e.getValue();
                totals.computeIfAbsent(u.countyCode(), x -> new double[3])[k] += v;
                totals.computeIfAbsent("", x -> new double[3])[k] += v;
            }
        }
        List<CountyRow> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : totals.entrySet()) {
            double[] t = e.getValue();
            String name = e.getKey().isEmpty() ? null : countyName(e.getKey());
            rows.add(new CountyRow(e.getKey(), name, t[0], t[1], t[2], growth(t[0], t[1]), growth(t[0], t[2])));
        }
        // The whole (全市) first, then counties by code.
        rows.sort(Comparator.comparing(CountyRow::code));
        return new CountyModel(period, ind, specialty, rows);
    }

    static Double growth(double now, double before) {
        return before > 0 ? (now / before - 1) * 100 : null;
    }

    /** Keys under which the review may give the whole city's rates rather than a county's. */
    private static final Set<String> WHOLE = Set.of("all", "", "*");

    RatesModel rates(String period, String specialty) {
        List<RateRow> rows = new ArrayList<>();
        RateRow whole = null;
        for (Map.Entry<String, ReviewService.Rates> e : new TreeMap<>(review.rates(period, specialty)).entrySet()) {
            if (WHOLE.contains(e.getKey())) {
                // the review keys the whole city's rates "all": named 全市 and shown first, as the county chart does
                whole = new RateRow(e.getKey(), null, e.getValue());
            } else {
                rows.add(new RateRow(e.getKey(), countyName(e.getKey()), e.getValue()));
            }
        }
        if (whole != null) {
            rows.add(0, whole);
        }
        return new RatesModel(period, specialty, rows);
    }

    String countyName(String code) {
        Divisions d = register.divisions();
        return d == null ? code : d.find(code).map(Divisions.Division::name).orElse(code);
    }

    static double[] changes(VarianceModel m) {
        return m.points().stream().mapToDouble(Point::changePct).toArray();
    }

    static String describe(double[] v) {
        return Arrays.toString(v);
    }
}
