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
import org.statdesk.api.review.Comparison;
import org.statdesk.api.review.Comparisons;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;

/**
 * Gathers what a chart shows from the review and the register into plain models; no drawing here, so the figures
 * are tested without pixels. What a chart says about a unit (its stratum, bands, HB bounds, outlier, flags) is the
 * review's {@link Comparisons}: nothing here recomputes it.
 */
public final class ChartData {
    private final ReviewService review;
    private final Comparisons comparisons;
    private final Register register;

    public ChartData(ReviewService review, Comparisons comparisons, Register register) {
        this.review = review;
        this.comparisons = comparisons;
        this.register = register;
    }

    /**
     * One unit of the variance and HB charts, drawn from the review's {@link Comparison}: {@code stratum} is the
     * stratum the review tested it in (null: its top stratum has fewer than 3 units, not tested);
     * {@code bandLow}/{@code bandHigh} the month-on-month band of that stratum and {@code hbLow}/{@code hbHigh} its HB
     * bounds for this unit's size, as changes in % (NaN where there is none); {@code e} its HB effect and
     * {@code eScaled} the effect placed on its stratum's bounds (−1 and +1 are the lower and upper bound, 0 the
     * stratum's median effect); {@code combined}: compared as a 1-2月 report, per month against December.
     */
    public record Point(String code, String name, String county, double previous, double current, double changePct,
            boolean flagged, boolean hbOutlier, double size, double e, String stratum, int stratumSize,
            double bandLow, double bandHigh, double hbLow, double hbHigh, double eScaled, boolean combined) {
    }

    /**
     * The variance of a period: points sorted by change, the overall median change, the review's parameters and
     * the form's stratification, how many strata were tested and how many units were not tested.
     */
    public record VarianceModel(String period, Indicator indicator, String specialty, List<Point> points,
            double median, Comparisons.Parameters parameters, List<String> stratification, int strata,
            int untested) {
        int flaggedCount() {
            return (int) points.stream().filter(Point::flagged).count();
        }

        int hbOutlierCount() {
            return (int) points.stream().filter(Point::hbOutlier).count();
        }

        int combinedCount() {
            return (int) points.stream().filter(Point::combined).count();
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

    /** Whether the month is released for the specialty, or for every enabled one when null (what may be published). */
    boolean released(String period, String specialty) {
        if (specialty != null) {
            return review.released(period, specialty);
        }
        return review.forms().stream().map(ReportForm::specialty).distinct()
                .allMatch(s -> review.released(period, s));
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

    /** The title of a specialty's enabled forms (charts name no specialty themselves); its key when it has none. */
    String scopeTitle(String specialty) {
        List<String> titles = forms(specialty).stream().map(ReportForm::title).toList();
        return titles.isEmpty() ? specialty : String.join("、", titles);
    }

    /** Units by credit code, of one specialty or all. */
    Map<String, Unit> units(String specialty) {
        Map<String, Unit> out = new HashMap<>();
        for (Unit u : register.list(new UnitQuery(null, specialty, null, null, null))) {
            out.put(u.creditCode(), u);
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
     * Every unit's month-on-month change of an indicator as the review compared it ({@link Comparisons}): the units
     * of the form's specialty with both figures positive, 1-2月 reports per month against December.
     */
    public VarianceModel variance(String period, String indicatorCode, String specialty) {
        Indicator ind = indicator(indicatorCode, specialty);
        ReportForm form = formOf(ind.code(), specialty);
        // The review compares a form's own units: without a specialty, the form that holds the indicator decides.
        String scope = specialty != null ? specialty : form == null ? null : form.specialty();
        List<String> stratification = form == null ? List.of() : form.stratification();
        Comparisons.Parameters parameters = comparisons.parameters();
        List<Comparison> found = form == null ? List.of() : comparisons.comparisons(period, ind.code(), scope);
        List<Point> points = new ArrayList<>(found.size());
        Set<String> strata = new HashSet<>();
        int untested = 0;
        for (Comparison c : found) {
            if (c.tested()) {
                // a 1-2月 report is tested among the other units' 1-2月 figures: a stratum of its own
                strata.add((c.combined() ? "1-2|" : "") + c.stratum());
            } else {
                untested++;
            }
            points.add(new Point(c.creditCode(), c.name(), c.county(), c.previous(), c.current(), pct(c.ratio()),
                    c.flagged(), c.outlier(), c.size(), c.effect(), c.stratum(), c.stratumSize(), pct(c.bandLow()),
                    pct(c.bandHigh()), pct(c.ratioLower()), pct(c.ratioUpper()), onBounds(c), c.combined()));
        }
        points.sort(Comparator.comparingDouble(Point::changePct).thenComparing(Point::code));
        double[] changes = points.stream().mapToDouble(Point::changePct).toArray();
        return new VarianceModel(period, ind, scope, points, Quantiles.median(changes), parameters,
                List.copyOf(stratification), strata.size(), untested);
    }

    /** A ratio as a change in % (NaN stays NaN). */
    static double pct(double ratio) {
        return (ratio - 1) * 100;
    }

    /**
     * Where a unit's HB effect lies between its stratum's bounds: −1 and +1 are the bounds, 0 the median effect, so
     * that strata of different spreads share one axis and a unit is an outlier exactly when it lies beyond ±1.
     */
    static double onBounds(Comparison c) {
        double d = c.effect() - c.effectMedian();
        double span = d < 0 ? c.effectMedian() - c.effectLower() : c.effectUpper() - c.effectMedian();
        if (Double.isNaN(d) || span > 0) {
            return d / span;
        }
        return d == 0 ? 0 : Math.signum(d) * Double.MAX_VALUE;
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
