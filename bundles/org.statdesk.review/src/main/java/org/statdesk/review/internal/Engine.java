package org.statdesk.review.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.Indicator;

/**
 * The review of one form for one period, in memory over arrays: logical rules of the rules file, comparative
 * edits (month-on-month, year-on-year against the stratum median), unit slips, HB outliers of the month-on-month
 * ratio and selective-editing scores. Pure: reads a {@link Panel}, returns flags; storing them is the caller's.
 */
public final class Engine {
    public static final String LOGICAL = "logical";
    public static final String COMPARATIVE = "comparative";
    public static final String UNIT_SLIP = "unit_slip";
    public static final String HB = "hb";
    private static final int[] SLIP_POWERS = {1, 3, 4, -1, -3, -4};

    /** Flags (unsorted ids 0, status open), each unit's score, and how many units reported. */
    public record Result(List<Flag> flags, double[] scores, int reported) {
    }

    private final FormSpec form;
    private final Panel p;
    private final Settings s;
    private final int n;
    private final int month;
    /** Stratum key id of each unit at each level of merging, and the level keys for messages. */
    private final int[][] stratumId;
    private final List<List<String>> stratumNames = new ArrayList<>();

    public Engine(FormSpec form, Panel panel, Settings settings) {
        this.form = form;
        this.p = panel;
        this.s = settings;
        this.n = panel.size();
        this.month = Period.month(panel.period);
        List<List<String>> levels = Strata.levels(form.stratification());
        stratumId = new int[levels.size()][n];
        for (int l = 0; l < levels.size(); l++) {
            Map<String, Integer> ids = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                String k = panel.info[u] == null ? "?" : Strata.key(panel.info[u], levels.get(l));
                Integer id = ids.get(k);
                if (id == null) {
                    id = ids.size();
                    ids.put(k, id);
                    names.add(k);
                }
                stratumId[l][u] = id;
            }
            stratumNames.add(names);
        }
    }

    public Result run() {
        List<Flag> flags = new ArrayList<>();
        int m = form.indicators().size();
        boolean[][] slipped = new boolean[m][n];
        double[] scores = new double[n];
        int reported = 0;
        boolean[] rep = new boolean[n];
        for (int u = 0; u < n; u++) {
            rep[u] = p.reported(0, u);
            if (rep[u]) {
                reported++;
            }
        }
        List<Flag> slips = unitSlips(rep, slipped);
        List<Flag> comparative = new ArrayList<>();
        for (String code : form.compared()) {
            int j = form.indexOf(code);
            if (j >= 0) {
                comparative(j, rep, slipped, comparative, scores);
            }
        }
        List<Flag> logical = logical(rep);
        flags.addAll(logical);
        flags.addAll(slips);
        flags.addAll(comparative);
        // a flag carries its unit's score (its largest), so a unit's flags stay together in the list
        Map<String, Integer> unitIndex = new HashMap<>();
        for (int u = 0; u < n; u++) {
            unitIndex.put(p.units[u], u);
        }
        List<Flag> scored = new ArrayList<>(flags.size());
        for (Flag f : flags) {
            double sc = scores[unitIndex.get(f.creditCode())];
            scored.add(new Flag(0, f.creditCode(), f.period(), f.indicator(), f.rule(), f.kind(), f.severity(),
                    f.value(), f.expected(), sc, f.message(), "open"));
        }
        scored.sort(ORDER);
        return new Result(scored, scores, reported);
    }

    /** Highest score first; then errors before warnings; then unit, indicator, rule for a stable order. */
    public static final Comparator<Flag> ORDER = Comparator.comparingDouble(Flag::score).reversed()
            .thenComparing(Flag::creditCode)
            .thenComparing(f -> f.severity().equals("error") ? 0 : 1)
            .thenComparing(Flag::indicator).thenComparing(Flag::rule);

    /** January, or February with no January report (1-2月 reported together). */
    private boolean combinedFeb(int offset, int u) {
        int mo = ((month - 1 - offset) % 12 + 12) % 12 + 1;
        return mo == 2 && p.x[offset + 1] != null && !p.reported(offset + 1, u) && p.reported(offset, u);
    }

    private boolean firstMonth(int u) {
        return month == 1 || combinedFeb(0, u);
    }

    /** A flow indicator's value per month: a 1-2月 report counts as two months. */
    private double monthly(int offset, int j, int u) {
        double v = p.get(offset, j, u);
        if (!Double.isNaN(v) && form.indicators().get(j).kind().equals("month") && combinedFeb(offset, u)) {
            return v / 2;
        }
        return v;
    }

    private double scaleOf(int j, int u) {
        double v = p.get(0, j, u);
        double mv = monthly(0, j, u);
        return mv == 0 ? 1 : v / mv;
    }

    // ---- logical rules -------------------------------------------------------------------------------------

    private List<Flag> logical(boolean[] rep) {
        List<Flag> out = new ArrayList<>();
        Map<String, Integer> slot = new HashMap<>();
        for (int j = 0; j < form.indicators().size(); j++) {
            slot.put(form.indicators().get(j).code(), j);
        }
        UnitEnv env = new UnitEnv(slot);
        for (int u = 0; u < n; u++) {
            if (!rep[u]) {
                continue;
            }
            env.u = u;
            env.first = firstMonth(u);
            for (RuleSet.Compiled r : form.rules()) {
                double ok = r.expr().eval(env);
                if (ok != 0) {
                    continue; // holds, or not applicable (a figure it needs is missing)
                }
                Expr.Explained e = r.expr().explain(env, r.indicator());
                double figure = env.value(r.indicator());
                double x = Double.isNaN(e.value()) ? figure : e.value();
                Double expected = e.expected() == null || Double.isNaN(e.expected()) ? null : e.expected();
                String message = r.rule().message();
                double value = x;
                if (!Double.isNaN(figure) && Double.compare(x, figure) != 0) {
                    // the rule failed on a derived quantity (a ratio, a difference): the flag carries the reported
                    // figure of its indicator, the figure that would meet the bound, and says the quantity
                    message += String.format(Locale.ROOT, "（计算值 %s%s）", human(x),
                            expected == null ? "" : "，界限 " + human(expected));
                    expected = expected == null || x == 0 || !Double.isFinite(figure * expected / x) ? null
                            : figure * expected / x;
                    value = figure;
                }
                out.add(new Flag(0, p.units[u], p.period, r.indicator(), r.rule().id(), LOGICAL,
                        r.rule().severity(), value, expected, 0, message, "open"));
            }
        }
        return out;
    }

    private final class UnitEnv implements Expr.Env {
        final Map<String, Integer> slot;
        int u;
        boolean first;

        UnitEnv(Map<String, Integer> slot) {
            this.slot = slot;
        }

        public double value(String indicator) {
            Integer j = slot.get(indicator);
            return j == null ? Double.NaN : p.get(0, j, u);
        }

        public double prev(String indicator) {
            Integer j = slot.get(indicator);
            return j == null ? Double.NaN : p.get(1, j, u);
        }

        public boolean firstMonth() {
            return first;
        }

        public int month() {
            return month;
        }
    }

    // ---- unit slips ----------------------------------------------------------------------------------------

    private List<Flag> unitSlips(boolean[] rep, boolean[][] slipped) {
        List<Flag> out = new ArrayList<>();
        double tol = Math.log10(s.slipTolerance());
        double[] hist = new double[s.slipHistory()];
        for (int j = 0; j < form.indicators().size(); j++) {
            Indicator ind = form.indicators().get(j);
            if (!ind.unit().equals("千元") || ind.kind().equals("ytd")) {
                continue; // the slip is a money figure entered in 元 or 万元; year-to-date is checked by its rule
            }
            for (int u = 0; u < n; u++) {
                double cur = monthly(0, j, u);
                if (!rep[u] || !(cur > 0)) {
                    continue;
                }
                int k = 0;
                for (int off = 1; off <= s.slipHistory() && off < 8; off++) {
                    double v = monthly(off, j, u);
                    if (v > 0) {
                        hist[k++] = v;
                    }
                }
                if (k < 2) {
                    continue; // too little history to know the unit's level
                }
                double med = Stats.median(hist, k);
                double lr = Math.log10(cur / med);
                for (int pw : SLIP_POWERS) {
                    if (Math.abs(lr - pw) <= tol) {
                        slipped[j][u] = true;
                        double times = Math.pow(10, pw);
                        out.add(new Flag(0, p.units[u], p.period, ind.code(), "unit_slip", UNIT_SLIP, "error",
                                p.get(0, j, u), med * scaleOf(j, u), 0,
                                String.format(Locale.ROOT, "%s为近期中位数的约%s倍，疑似计量单位错误（应以%s填报，误填为%s）",
                                        ind.name(), fmtTimes(times), ind.unit(), slipUnit(pw)), "open"));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** A number for people: no exponent, four significant digits below 1, two decimals at most above. */
    static String human(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v);
        b = Math.abs(v) < 1 ? b.round(new java.math.MathContext(4)) : b.setScale(2, java.math.RoundingMode.HALF_UP);
        String t = b.stripTrailingZeros().toPlainString();
        return t.equals("-0") ? "0" : t;
    }

    /** "1,000倍" for a value too large, "1/10倍" (i.e. a tenth) for one too small. */
    static String fmtTimes(double t) {
        return t >= 1 ? String.format(Locale.ROOT, "%,.0f", t)
                : String.format(Locale.ROOT, "1/%,.0f", 1 / t);
    }

    /**
     * The unit a 千元 figure was entered in when it is 10^pw times its level: 1 千元 = 10 百元 = 1,000 元 = 10,000
     * 角, and 1 万元 = 10 千元, 1 百万元 = 1,000 千元, 1 千万元 = 10,000 千元.
     */
    static String slipUnit(int pw) {
        switch (pw) {
            case 1: return "百元";
            case 3: return "元";
            case 4: return "角";
            case -1: return "万元";
            case -3: return "百万元";
            case -4: return "千万元";
            default: throw new IllegalArgumentException("no unit slip of 10^" + pw);
        }
    }

    // ---- comparative edits, HB, scores ---------------------------------------------------------------------

    private void comparative(int j, boolean[] rep, boolean[][] slipped, List<Flag> out, double[] scores) {
        Indicator ind = form.indicators().get(j);
        double[] cur = new double[n];
        double[] base = new double[n];
        Strat mom = monthOnMonth(j, rep, cur, base);
        // expected values and the expected aggregate for the selective-editing score
        double[] expected = new double[n];
        double total = 0;
        for (int u = 0; u < n; u++) {
            expected[u] = Double.NaN;
            if (mom.median[u] > 0 && base[u] > 0) {
                expected[u] = base[u] * mom.median[u] * scaleOf(j, u);
                total += expected[u];
            } else if (rep[u] && p.get(0, j, u) > 0) {
                total += p.get(0, j, u);
            }
        }
        for (int u = 0; u < n; u++) {
            if (!Double.isNaN(expected[u]) && total > 0) {
                double sc = Math.abs(p.get(0, j, u) - expected[u]) / total;
                if (sc > scores[u]) {
                    scores[u] = sc;
                }
            }
        }
        bandFlags(j, ind, "mom", "环比", cur, base, mom, s.momBand(), slipped, out);
        for (int u = 0; u < n; u++) {
            if (mom.hbOutlier[u] && !slipped[j][u]) {
                double r = cur[u] / base[u];
                out.add(new Flag(0, p.units[u], p.period, ind.code(), "hb", HB, "warning", p.get(0, j, u),
                        expected[u], 0, String.format(Locale.ROOT,
                                "%s环比比值%.2f，同层（%s，%d家）中位数%.2f，HB检验为离群值", ind.name(), r,
                                mom.name(u), mom.size[u], mom.median[u]), "open"));
            }
        }
        // year on year: against the same month last year (a 1-2月 report against last year's January + February)
        for (int u = 0; u < n; u++) {
            if (!rep[u]) {
                continue;
            }
            if (combinedFeb(0, u)) {
                cur[u] = p.get(0, j, u);
                double feb = p.get(12, j, u);
                double jan = p.get(13, j, u);
                base[u] = Double.isNaN(jan) ? feb : feb + jan;
            } else {
                cur[u] = monthly(0, j, u);
                base[u] = monthly(12, j, u);
            }
        }
        Strat yoy = stratify(cur, base);
        bandFlags(j, ind, "yoy", "同比", cur, base, yoy, s.yoyBand(), slipped, out);
    }

    /** Month on month: this month against last month (a 1-2月 report against December, per month). */
    private Strat monthOnMonth(int j, boolean[] rep, double[] cur, double[] base) {
        for (int u = 0; u < n; u++) {
            if (!rep[u]) {
                cur[u] = Double.NaN;
                base[u] = Double.NaN;
                continue;
            }
            if (combinedFeb(0, u)) {
                cur[u] = Double.NaN; // tested against the other 1-2月 figures below
                base[u] = Double.NaN;
            } else {
                cur[u] = monthly(0, j, u);
                base[u] = monthly(1, j, u);
            }
        }
        Strat mom = stratify(cur, base);
        if (month == 2) {
            mom = withCombined(j, rep, cur, base, mom);
        }
        return mom;
    }

    /**
     * The month-on-month test of indicator {@code j} as {@link #run()} makes it, per unit (in panel order): the
     * figures compared, whether the unit reported 1-2月 together (compared per month against December), the key and
     * size of the stratum it was tested in (null and 0: not tested), the stratum's median ratio, the unit's HB
     * effect, the stratum's median effect and bounds, and HB's verdict. Reads months t, t - 1 and (for 1-2月
     * reports) t - 2 of the panel only.
     */
    public record MonthOnMonth(double[] current, double[] previous, boolean[] combined, String[] stratum,
            int[] size, double[] medianRatio, double[] effect, double[] effectMedian, double[] lower, double[] upper,
            boolean[] outlier) {
    }

    public MonthOnMonth monthOnMonth(int j) {
        boolean[] rep = new boolean[n];
        boolean[] combined = new boolean[n];
        for (int u = 0; u < n; u++) {
            rep[u] = p.reported(0, u);
            combined[u] = rep[u] && combinedFeb(0, u);
        }
        double[] cur = new double[n];
        double[] base = new double[n];
        Strat st = monthOnMonth(j, rep, cur, base);
        String[] keys = new String[n];
        for (int u = 0; u < n; u++) {
            keys[u] = st.key(u);
        }
        return new MonthOnMonth(cur, base, combined, keys, st.size, st.median, st.effect, st.eMedian, st.lower,
                st.upper, st.hbOutlier);
    }

    /**
     * A 1-2月 report is compared per month against December, and so against the same ratio of every unit of its
     * stratum, (January + February) / 2 / December, so that the Spring Festival move is in the median too.
     */
    private Strat withCombined(int j, boolean[] rep, double[] cur, double[] base, Strat mom) {
        double[] cc = new double[n];
        double[] cb = new double[n];
        boolean any = false;
        for (int u = 0; u < n; u++) {
            cc[u] = Double.NaN;
            cb[u] = Double.NaN;
            if (!rep[u]) {
                continue;
            }
            double dec = monthly(2, j, u);
            if (combinedFeb(0, u)) {
                cc[u] = monthly(0, j, u);
                any = true;
            } else {
                cc[u] = (p.get(0, j, u) + p.get(1, j, u)) / 2;
            }
            cb[u] = dec;
        }
        if (!any) {
            return mom;
        }
        Strat comb = stratify(cc, cb);
        for (int u = 0; u < n; u++) {
            if (rep[u] && combinedFeb(0, u)) {
                cur[u] = cc[u];
                base[u] = cb[u];
                mom.median[u] = comb.median[u];
                mom.size[u] = comb.size[u];
                mom.level[u] = comb.level[u];
                mom.hbOutlier[u] = comb.hbOutlier[u];
                mom.effect[u] = comb.effect[u];
                mom.eMedian[u] = comb.eMedian[u];
                mom.lower[u] = comb.lower[u];
                mom.upper[u] = comb.upper[u];
            }
        }
        return mom;
    }

    private void bandFlags(int j, Indicator ind, String rule, String label, double[] cur, double[] base, Strat st,
            double band, boolean[][] slipped, List<Flag> out) {
        for (int u = 0; u < n; u++) {
            if (!(st.median[u] > 0) || !(cur[u] > 0 && base[u] > 0) || slipped[j][u]) {
                continue;
            }
            double r = cur[u] / base[u];
            double dev = r / st.median[u];
            if (dev > band || dev < 1 / band) {
                double raw = p.get(0, j, u);
                out.add(new Flag(0, p.units[u], p.period, ind.code(), rule, COMPARATIVE, "warning", raw, raw / dev, 0,
                        String.format(Locale.ROOT, "%s%s%+.1f%%，同层（%s，%d家）中位数%+.1f%%，偏离超出范围",
                                ind.name(), label, (r - 1) * 100, st.name(u), st.size[u],
                                (st.median[u] - 1) * 100), "open"));
            }
        }
    }

    /** Per unit: the stratum it is tested in (merged upward while small), its median ratio, size, HB verdict. */
    private final class Strat {
        final double[] median = new double[n];
        final int[] size = new int[n];
        final int[] level = new int[n];
        final boolean[] hbOutlier = new boolean[n];
        /** The unit's HB effect, its stratum's median effect and bounds (NaN: not tested). */
        final double[] effect = new double[n];
        final double[] eMedian = new double[n];
        final double[] lower = new double[n];
        final double[] upper = new double[n];

        Strat() {
            Arrays.fill(level, -1);
            Arrays.fill(effect, Double.NaN);
            Arrays.fill(eMedian, Double.NaN);
            Arrays.fill(lower, Double.NaN);
            Arrays.fill(upper, Double.NaN);
        }

        String key(int u) {
            return level[u] < 0 ? null : stratumNames.get(level[u]).get(stratumId[level[u]][u]);
        }

        String name(int u) {
            String k = key(u);
            return k.equals("*") ? "全部" : k;
        }
    }

    private Strat stratify(double[] cur, double[] base) {
        Strat st = new Strat();
        Arrays.fill(st.median, Double.NaN);
        boolean[] valid = new boolean[n];
        int nValid = 0;
        for (int u = 0; u < n; u++) {
            valid[u] = cur[u] > 0 && base[u] > 0;
            if (valid[u]) {
                nValid++;
            }
        }
        if (nValid == 0) {
            return st;
        }
        int levels = stratumId.length;
        int[][] counts = new int[levels][];
        for (int l = 0; l < levels; l++) {
            counts[l] = new int[stratumNames.get(l).size()];
            for (int u = 0; u < n; u++) {
                if (valid[u]) {
                    counts[l][stratumId[l][u]]++;
                }
            }
        }
        // each valid unit is tested in the finest stratum of at least the minimum size; the top one if >= 3
        boolean[][] used = new boolean[levels][];
        for (int l = 0; l < levels; l++) {
            used[l] = new boolean[counts[l].length];
        }
        Arrays.fill(st.level, -1);
        for (int u = 0; u < n; u++) {
            if (!valid[u]) {
                continue;
            }
            for (int l = 0; l < levels; l++) {
                int c = counts[l][stratumId[l][u]];
                if (c >= s.minStratum() || l == levels - 1 && c >= 3) {
                    st.level[u] = l;
                    used[l][stratumId[l][u]] = true;
                    break;
                }
            }
        }
        for (int l = 0; l < levels; l++) {
            // members of every used stratum of this level, bucketed by key (counting sort)
            int k = counts[l].length;
            int[] startOf = new int[k + 1];
            for (int i = 0; i < k; i++) {
                startOf[i + 1] = startOf[i] + (used[l][i] ? counts[l][i] : 0);
            }
            int total = startOf[k];
            if (total == 0) {
                continue;
            }
            int[] fill = Arrays.copyOf(startOf, k);
            int[] members = new int[total];
            for (int u = 0; u < n; u++) {
                int id = stratumId[l][u];
                if (valid[u] && used[l][id]) {
                    members[fill[id]++] = u;
                }
            }
            double[] c = new double[n];
            double[] b = new double[n];
            for (int id = 0; id < k; id++) {
                if (!used[l][id]) {
                    continue;
                }
                int len = startOf[id + 1] - startOf[id];
                for (int i = 0; i < len; i++) {
                    int u = members[startOf[id] + i];
                    c[i] = cur[u];
                    b[i] = base[u];
                }
                Hb.Result hb = Hb.compute(c, b, len, s.hbU(), s.hbA(), s.hbC());
                for (int i = 0; i < len; i++) {
                    int u = members[startOf[id] + i];
                    if (st.level[u] == l) {
                        st.median[u] = hb.medianRatio();
                        st.size[u] = len;
                        st.hbOutlier[u] = hb.outlier(i);
                        st.effect[u] = hb.effect()[i];
                        st.eMedian[u] = hb.eMedian();
                        st.lower[u] = hb.lower();
                        st.upper[u] = hb.upper();
                    }
                }
            }
        }
        return st;
    }
}
