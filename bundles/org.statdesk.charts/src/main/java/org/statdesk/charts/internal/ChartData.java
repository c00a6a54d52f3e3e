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
    /** HB defaults of DOMAIN.md (U, A, C); the review bundle's settings decide the flags themselves. */
    static final double HB_U = 0.5;
    static final double HB_A = 0.05;
    static final double HB_C = 7;
    /** Half-width of the month-on-month band around the median change (percentage points). */
    static final double DEFAULT_BAND = 30;

    private final ReviewService review;
    private final Register register;

    ChartData(ReviewService review, Register register) {
        this.review = review;
        this.register = register;
    }

    record Point(String code, String name, String county, double previous, double current, double changePct,
            boolean flagged, boolean hbOutlier, double size, double e) {
    }

    record VarianceModel(String period, Indicator indicator, String specialty, List<Point> points, double median,
            double bandLow, double bandHigh, double hbLow, double hbHigh, Hb hb) {
        int flaggedCount() {
            return (int) points.stream().filter(Point::flagged).count();
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

    VarianceModel variance(String period, String indicatorCode, String specialty, double band) {
        Indicator ind = indicator(indicatorCode, specialty);
        String prevPeriod = Periods.shift(period, -1);
        Map<String, Double> cur = review.values(period, ind.code());
        Map<String, Double> prev = review.values(prevPeriod, ind.code());
        Map<String, Unit> units = units(specialty);
        Set<String> flagged = flagged(period, specialty, ind.code());
        List<String> codes = new ArrayList<>();
        for (Map.Entry<String, Double> e : cur.entrySet()) {
            Double p = prev.get(e.getKey());
            // The ratio needs both months positive, as HB does; a unit that stopped or started is another edit.
            if (p == null || e.getValue() == null || p <= 0 || e.getValue() <= 0) {
                continue;
            }
            if (specialty != null && !units.containsKey(e.getKey())) {
                continue;
            }
            codes.add(e.getKey());
        }
        int n = codes.size();
        double[] c = new double[n];
        double[] pv = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = cur.get(codes.get(i));
            pv[i] = prev.get(codes.get(i));
        }
        Hb hb = Hb.compute(c, pv, HB_U, HB_A, HB_C);
        List<Point> points = new ArrayList<>(n);
        double[] changes = new double[n];
        for (int i = 0; i < n; i++) {
            String code = codes.get(i);
            Unit u = units.get(code);
            double change = (c[i] / pv[i] - 1) * 100;
            changes[i] = change;
            points.add(new Point(code, u == null ? code : u.name(), u == null ? null : u.countyCode(), pv[i], c[i],
                    change, flagged.contains(code), hb != null && hb.outlier(i), Math.max(c[i], pv[i]),
                    hb == null ? Double.NaN : hb.e[i]));
        }
        points.sort(Comparator.comparingDouble(Point::changePct).thenComparing(Point::code));
        double median = n == 0 ? Double.NaN : Hb.quantile(Hb.sorted(changes), 0.5);
        double hbLow = Double.NaN;
        double hbHigh = Double.NaN;
        if (hb != null) {
            // Drawn for a unit of median size: the bounds widen for small units and narrow for large ones.
            double[] rb = hb.ratioBounds(Hb.quantile(Hb.sorted(hb.size), 0.5));
            hbLow = Double.isNaN(rb[0]) ? Double.NaN : (rb[0] - 1) * 100;
            hbHigh = Double.isNaN(rb[1]) ? Double.NaN : (rb[1] - 1) * 100;
        }
        return new VarianceModel(period, ind, specialty, points, median, median - band, median + band, hbLow,
                hbHigh, hb);
    }

    SeriesModel series(String code, String period, String indicatorCode, String specialty) {
        Unit u = register.find(code).orElse(null);
        if (u == null) {
            throw Periods.bad("unit", code, "名录库中没有此单位");
        }
        Indicator ind = indicator(indicatorCode, specialty == null ? null : specialty);
        List<String> window = Periods.window(period, 24);
        Map<String, Double> values = review.series(code, ind.code(), window.get(0), period);
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

    RatesModel rates(String period, String specialty) {
        List<RateRow> rows = new ArrayList<>();
        for (Map.Entry<String, ReviewService.Rates> e : new TreeMap<>(review.rates(period, specialty)).entrySet()) {
            rows.add(new RateRow(e.getKey(), countyName(e.getKey()), e.getValue()));
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
