package org.statdesk.review.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import org.statdesk.api.records.Records;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.Indicator;

/**
 * Confrontation of a form's reports with administrative records and ledgers (行政记录、统计台账对比), flags of kind
 * {@code records}. Pure: reads a {@link Panel} and the {@link Records}, returns flags; which indicator carries
 * which record is the form's data ({@link FormSpec#confronted()}), never named here.
 * <ul>
 * <li>{@code records_tax}, {@code records_power} (warnings): over the run's month and the two before, the months
 * where both the report's figure and the record are present, the reported sum differs from the records' sum by more
 * than the band, relative to the records' sum. A year-to-date indicator gives its month as the difference of
 * consecutive year-to-date values (January's, and a 1-2月 report's, as is); a 1-2月 report (February with no January
 * report) is confronted with January's and February's records together.</li>
 * <li>{@code ledger_mismatch} (error): a figure of the run's month differs from the unit's ledger (统计台账) for the
 * same month and indicator by more than the tolerance.</li>
 * </ul>
 * Units without records are not flagged for lacking them; the result says which units had records to confront.
 */
public final class Confront {
    public static final String KIND = "records";
    public static final String TAX = "records_tax";
    public static final String POWER = "records_power";
    public static final String LEDGER = "ledger_mismatch";
    /** The run's month and the two before. */
    public static final int WINDOW = 3;
    /** Months of the panel the confrontation needs: the window and the month before its first (ytd, 1-2月). */
    public static final int DEPTH = WINDOW;
    private static final double EPS = 1e-9;

    /** The bands: tax and power as a share of the records' sum (0.25 = ±25%), the ledger's tolerance in units. */
    public record Bands(double tax, double power, double ledger) {
        public static Bands defaults() {
            return new Bands(0.25, 0.20, 1.0);
        }
    }

    /** Flags (id 0, score 0, open) and, per source ({@code tax}, {@code power}, {@code ledger}), the units confronted. */
    public record Result(List<Flag> flags, Map<String, Set<String>> confronted) {
    }

    private Confront() {
    }

    public static Result run(FormSpec form, Panel p, Records records, Bands bands) {
        List<Flag> flags = new ArrayList<>();
        Map<String, Set<String>> confronted = new LinkedHashMap<>();
        String t = p.period;
        String from = Period.shift(t, -WINDOW);
        for (String source : List.of(Records.TAX, Records.POWER)) {
            List<String> codes = form.confronted().get(source);
            if (codes == null || codes.isEmpty()) {
                continue;
            }
            Set<String> seen = new TreeSet<>();
            confronted.put(source, seen);
            Map<String, NavigableMap<String, Double>> data = records.monthly(source, from, t);
            double band = source.equals(Records.TAX) ? bands.tax() : bands.power();
            for (int u = 0; u < p.size(); u++) {
                NavigableMap<String, Double> mine = data.get(p.units[u]);
                if (mine == null || mine.isEmpty() || !p.reported(0, u)) {
                    continue;
                }
                Flag f = window(form, p, u, codes, mine, source, band, seen);
                if (f != null) {
                    flags.add(f);
                }
            }
        }
        Set<String> seen = new TreeSet<>();
        confronted.put(Records.LEDGER, seen);
        Map<String, NavigableMap<String, Map<String, Double>>> ledger = records.ledger(t, t);
        for (int u = 0; u < p.size(); u++) {
            NavigableMap<String, Map<String, Double>> mine = ledger.get(p.units[u]);
            Map<String, Double> month = mine == null ? null : mine.get(t);
            if (month == null || month.isEmpty() || !p.reported(0, u)) {
                continue;
            }
            ledger(form, p, u, month, bands.ledger(), seen, flags);
        }
        return new Result(flags, confronted);
    }

    /** The three months of one unit against one source: null when in the band or nothing to confront. */
    private static Flag window(FormSpec form, Panel p, int u, List<String> codes, NavigableMap<String, Double> rec,
            String source, double band, Set<String> seen) {
        int j = -1;
        for (String code : codes) {
            int k = form.indexOf(code);
            if (k >= 0 && !Double.isNaN(p.get(0, k, u))) {
                j = k;
                break;
            }
        }
        if (j < 0) {
            return null; // the unit does not report the figure these records carry
        }
        Indicator ind = form.indicators().get(j);
        double reported = 0;
        double recorded = 0;
        List<String> months = new ArrayList<>();
        for (int off = 0; off < WINDOW; off++) {
            double v = monthOf(ind, p, off, j, u);
            if (Double.isNaN(v)) {
                continue;
            }
            String pm = Period.shift(p.period, -off);
            List<String> covered = combinedFeb(p, off, u) ? List.of(Period.shift(pm, -1), pm) : List.of(pm);
            double r = 0;
            boolean all = true;
            for (String m : covered) {
                Double x = rec.get(m);
                if (x == null) {
                    all = false;
                    break;
                }
                r += x;
            }
            if (!all) {
                continue; // a month without its record is left out of both sums
            }
            reported += v;
            recorded += r;
            months.addAll(covered);
        }
        if (months.isEmpty()) {
            return null;
        }
        seen.add(p.units[u]);
        double d = recorded == 0 ? (reported == 0 ? 0 : Double.POSITIVE_INFINITY) : (reported - recorded) / recorded;
        if (Math.abs(d) <= band + EPS) {
            return null;
        }
        months.sort(null);
        String range = months.size() == 1 ? months.get(0) : months.get(0) + "至" + months.get(months.size() - 1);
        String what = source.equals(Records.TAX) ? "增值税发票销售额" : "供电公司抄表用电量";
        String message = String.format(Locale.ROOT, "%s：%s（%d个月）报表%s合计 %s %s，%s合计 %s %s，相差 %s，超出 ±%s",
                source.equals(Records.TAX) ? "与税务发票对比" : "与供电公司电量对比", range, months.size(), ind.name(),
                Engine.human(reported), ind.unit(), what, Engine.human(recorded), ind.unit(), percent(d),
                percent(band).substring(1));
        // sums of three months carry binary noise (11927.210000000001): stored as the figures were written
        return new Flag(0, p.units[u], p.period, ind.code(), source.equals(Records.TAX) ? TAX : POWER, KIND,
                "warning", tidy(reported), tidy(recorded), 0, message, "open");
    }

    /** A sum as its addends were written: rounded to 6 decimals (figures come with at most 3 or 4). */
    static double tidy(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static void ledger(FormSpec form, Panel p, int u, Map<String, Double> month, double tolerance,
            Set<String> seen, List<Flag> out) {
        for (int j = 0; j < form.indicators().size(); j++) {
            Indicator ind = form.indicators().get(j);
            Double l = valueOf(month, ind);
            double v = p.get(0, j, u);
            if (l == null || Double.isNaN(v)) {
                continue;
            }
            seen.add(p.units[u]);
            if (Math.abs(v - l) <= tolerance + EPS) {
                continue;
            }
            String message = String.format(Locale.ROOT, "报表与统计台账不符：%s 报表 %s %s，台账 %s %s，相差 %s，超过允差 %s %s",
                    ind.name(), Engine.human(v), ind.unit(), Engine.human(l), ind.unit(), Engine.human(v - l),
                    Engine.human(tolerance), ind.unit());
            out.add(new Flag(0, p.units[u], p.period, ind.code(), LEDGER, KIND, "error", v, l, 0, message, "open"));
        }
    }

    /** The ledger's figure of an indicator, named by its code, its Chinese name or an alias. */
    private static Double valueOf(Map<String, Double> month, Indicator ind) {
        Double v = month.get(ind.code());
        if (v == null) {
            v = month.get(ind.name());
        }
        for (int i = 0; v == null && i < ind.aliases().size(); i++) {
            v = month.get(ind.aliases().get(i));
        }
        return v;
    }

    /**
     * The figure of month t - off as a month's flow: a month indicator as reported; a year-to-date one less the
     * month before's year-to-date (January's and a 1-2月 report's as is); NaN when it cannot be told.
     */
    static double monthOf(Indicator ind, Panel p, int off, int j, int u) {
        double v = p.get(off, j, u);
        if (Double.isNaN(v) || !ind.kind().equals("ytd")) {
            return v;
        }
        if (Period.month(Period.shift(p.period, -off)) == 1 || combinedFeb(p, off, u)) {
            return v;
        }
        double before = p.get(off + 1, j, u);
        return Double.isNaN(before) ? Double.NaN : v - before;
    }

    /** February reported with no January report (1-2月合报), as the engine tells it. */
    static boolean combinedFeb(Panel p, int off, int u) {
        return Period.month(Period.shift(p.period, -off)) == 2 && off + 1 < Panel.DEPTH && p.x[off + 1] != null
                && !p.reported(off + 1, u) && p.reported(off, u);
    }

    private static String percent(double d) {
        if (Double.isInfinite(d)) {
            return "（发票或抄表为0）";
        }
        return String.format(Locale.ROOT, "%+.1f%%", d * 100);
    }
}
