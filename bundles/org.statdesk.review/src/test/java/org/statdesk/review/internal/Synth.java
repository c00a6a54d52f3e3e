package org.statdesk.review.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.statdesk.api.registry.Unit;

/**
 * Synthetic industrial units and monthly reports with seasonality (the Spring Festival dip in January and
 * February), unit trends and noise, some units reporting 1-2月 together, and planted faults of every kind in
 * chosen months. Values are in form order of {@link TestForms#INDUSTRIAL}.
 */
final class Synth {
    static final double[] SEASON = {0.86, 0.68, 1.00, 1.02, 1.03, 1.04, 1.00, 1.00, 1.04, 1.05, 1.08, 1.16};
    static final String[] COUNTIES = {"620602", "620621", "620622", "620623"};
    static final String[] DIVISIONS = {"C13", "C14", "C15", "C17", "C26", "C30", "C31", "C33", "C39", "D44", "B06"};
    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] W = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    record Fault(String creditCode, String period, String indicator, String what) {
    }

    final List<Unit> units = new ArrayList<>();
    /** period → credit code → values (NaN = not reported); absent unit = no report. */
    final Map<String, Map<String, double[]>> reports = new HashMap<>();
    final List<Fault> faults = new ArrayList<>();
    final Set<String> faulty = new HashSet<>();
    final List<String> periods = new ArrayList<>();

    static String creditCode(String area, long seq) {
        String body = "91" + area + String.format("%09d", seq % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(body.charAt(i)) * W[i];
        }
        return body + CHARS.charAt((31 - sum % 31) % 31);
    }

    /** {@code n} units over {@code months} months ending at {@code last}; divisions scale with n. */
    Synth(int n, String last, int months, long seed, int counties) {
        Random rnd = new Random(seed);
        int first = Period.index(last) - months + 1;
        for (int m = 0; m < months; m++) {
            periods.add(Period.of(first + m));
        }
        for (int i = 0; i < n; i++) {
            int ci = rnd.nextInt(counties);
            String county = ci < COUNTIES.length ? COUNTIES[ci] : String.valueOf(620000 + 100 + ci);
            String div = DIVISIONS[rnd.nextInt(DIVISIONS.length)];
            String code = creditCode(county, 100000 + i);
            units.add(new Unit(code, "单位" + i, county + "100", county, div + "1" + (i % 9), "industrial", "above",
                    0, "", "", "统计员" + i, "1390000" + String.format("%04d", i % 10000), "in_register",
                    "2020-01-01", null));
        }
        for (Unit u : units) {
            double level = Math.exp(8.5 + 1.3 * rnd.nextGaussian()); // monthly output, 千元: median ~5,000
            double growth = 0.05 + 0.08 * rnd.nextGaussian();
            double salesRate = 0.93 + 0.05 * rnd.nextDouble();
            double export = rnd.nextDouble() < 0.15 ? 0.05 + 0.4 * rnd.nextDouble() : 0;
            double intensity = 0.02 + 0.05 * rnd.nextDouble(); // 万千瓦时 per 千元
            double employees = Math.max(20, Math.round(level / 60));
            double ytd = 0;
            double revYtd = 0;
            for (int m = 0; m < months; m++) {
                String p = periods.get(m);
                int mo = Period.month(p);
                if (mo == 1) {
                    ytd = 0;
                    revYtd = 0;
                }
                double out = level * Math.pow(1 + growth, m / 12.0) * SEASON[mo - 1]
                        * Math.exp(0.07 * rnd.nextGaussian());
                out = Math.round(out * 10) / 10.0;
                double sales = Math.round(out * salesRate * Math.exp(0.02 * rnd.nextGaussian()) * 10) / 10.0;
                double exp = Math.round(sales * export * 10) / 10.0;
                double elec = Math.round(out * intensity * Math.exp(0.05 * rnd.nextGaussian()) * 100) / 100.0;
                employees = Math.max(5, Math.round(employees * Math.exp(0.01 * rnd.nextGaussian())));
                ytd += out;
                revYtd += sales * 1.03;
                double[] v = {out, Math.round(ytd * 10) / 10.0, sales, exp, Math.round(revYtd * 10) / 10.0, elec,
                        employees};
                reports.computeIfAbsent(p, k -> new HashMap<>()).put(u.creditCode(), v);
            }
        }
        // some units report January and February together (1-2月): no January report, February holds both
        for (Unit u : units) {
            if (rnd.nextDouble() < 0.05) {
                for (String p : periods) {
                    if (Period.month(p) == 2 && reports.containsKey(Period.shift(p, -1))) {
                        double[] jan = reports.get(Period.shift(p, -1)).remove(u.creditCode());
                        double[] feb = reports.get(p).get(u.creditCode());
                        for (int j : new int[] {0, 2, 3, 5}) {
                            feb[j] = Math.round((feb[j] + jan[j]) * 100) / 100.0;
                        }
                    }
                }
            }
        }
    }

    double[] v(String period, String code) {
        return reports.get(period).get(code);
    }

    /** Plants one fault of each kind for distinct units in {@code period}; returns them. */
    List<Fault> plant(String period, long seed) {
        Random rnd = new Random(seed);
        Map<String, double[]> month = reports.get(period);
        Map<String, double[]> prev = reports.get(Period.shift(period, -1));
        List<Unit> pool = new ArrayList<>(units);
        java.util.Collections.shuffle(pool, rnd);
        List<Fault> out = new ArrayList<>();
        int k = 0;
        for (String what : List.of("negative", "ytd", "export", "ratio", "divergence", "slip1000", "slip10",
                "slip_tenth", "mom", "hb")) {
            Unit u = null;
            while (u == null) {
                Unit c = pool.get(k++);
                double[] v = month.get(c.creditCode());
                boolean ok = v != null && prev != null && prev.get(c.creditCode()) != null && !faulty.contains(
                        c.creditCode());
                if (ok && what.equals("hb")) {
                    ok = v[0] > 60000; // a big unit: a moderate move moves the total
                }
                if (ok) {
                    u = c;
                }
            }
            double[] v = month.get(u.creditCode());
            String ind;
            switch (what) {
                case "negative": v[3] = -v[2] * 0.1 - 1; ind = "export_value"; break;
                case "ytd": v[1] += 500; ind = "output_value_ytd"; break;
                case "export": v[3] = v[2] * 1.2; ind = "export_value"; break;
                case "ratio": v[2] = Math.round(v[0] * 0.3); v[3] = 0; ind = "sales_value"; break;
                case "divergence": { // output up 45% on last month whatever the season, electricity down 20%
                    double add = prev.get(u.creditCode())[0] * 1.45 - v[0];
                    v[0] += add;
                    v[1] += add;
                    v[2] += add * 0.95;
                    v[5] = prev.get(u.creditCode())[5] * 0.8;
                    ind = "output_value";
                    break;
                }
                case "slip1000": v[0] = v[0] * 1000; ind = "output_value"; break;
                case "slip10": v[2] = v[2] * 10; ind = "sales_value"; break;
                case "slip_tenth": v[2] = Math.round(v[2] / 10 * 10) / 10.0; v[3] = 0; ind = "sales_value"; break;
                case "mom": {
                    double add = v[0] * 3;
                    v[0] += add;
                    v[1] += add;
                    v[2] += add;
                    v[5] += v[5] * 3;
                    ind = "output_value";
                    break;
                }
                default: { // hb: 60% up with sales and electricity along: within the bands, but big
                    double add = v[0] * 0.6;
                    v[0] += add;
                    v[1] += add;
                    v[2] += add * 0.97;
                    v[5] *= 1.6;
                    ind = "output_value";
                }
            }
            faulty.add(u.creditCode());
            Fault f = new Fault(u.creditCode(), period, ind, what);
            out.add(f);
            faults.add(f);
        }
        return out;
    }

    /** The panel of a period for the engine, as the service would load it. */
    Panel panel(String period) {
        Map<String, double[]> month = reports.get(period);
        List<Unit> rep = units.stream().filter(u -> month.containsKey(u.creditCode())).toList();
        String[] codes = rep.stream().map(Unit::creditCode).toArray(String[]::new);
        Panel p = new Panel(period, codes, rep.toArray(new Unit[0]), 7);
        for (int off : Panel.OFFSETS) {
            Map<String, double[]> m = reports.get(Period.shift(period, -off));
            if (m == null) {
                continue;
            }
            for (int u = 0; u < codes.length; u++) {
                double[] v = m.get(codes[u]);
                if (v != null) {
                    for (int j = 0; j < 7; j++) {
                        p.x[off][j][u] = v[j];
                    }
                }
            }
        }
        return p;
    }

    /** Writes the reports of some periods as a long CSV. */
    void writeLong(Writer w, List<String> which) throws IOException {
        w.write("credit_code,period,indicator,value\n");
        StringBuilder b = new StringBuilder();
        for (String p : which) {
            for (Map.Entry<String, double[]> e : reports.get(p).entrySet()) {
                for (int j = 0; j < 7; j++) {
                    b.setLength(0);
                    b.append(e.getKey()).append(',').append(p).append(',')
                            .append(TestForms.INDUSTRIAL.get(j).code()).append(',')
                            .append(org.statdesk.review.internal.tables.Sql.text(e.getValue()[j])).append('\n');
                    w.write(b.toString());
                }
            }
        }
    }
}
