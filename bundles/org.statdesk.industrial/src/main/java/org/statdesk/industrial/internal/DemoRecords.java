package org.statdesk.industrial.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The demo's administrative records (行政记录), the four files {@code records:import} reads: tax invoices close to the
 * reported sales (±8%), metered power close to the reported electricity (±6%), market registrations (存续) of every
 * register unit, and ledgers equal to the reports for output and sales, over the demo's months; with planted
 * divergences a new user sees at once: three units whose invoiced sales are 40-60% below their reports over the last
 * three months, two whose power is 35% off, two ledger mismatches in the last month, four registered, operating units
 * outside the register above their industry's 四上 threshold (and two just below it), and two register units whose
 * registration is cancelled or revoked. Drawn from a random stream of its own, so the reports stay as they were.
 */
final class DemoRecords {
    /** A register unit and its true figures by period index: sales (千元), power (万千瓦时), reported output and sales. */
    static final class Unit {
        final String code;
        final String name;
        final String division;
        final String industry;
        final String kind;
        final long revenue;
        final TreeMap<Integer, Double> sales = new TreeMap<>();
        final TreeMap<Integer, Double> power = new TreeMap<>();
        final TreeMap<Integer, double[]> reported = new TreeMap<>();
        boolean planted;
        boolean combined;
        boolean late;

        Unit(String code, String name, String division, String industry, String kind, long revenue) {
            this.code = code;
            this.name = name;
            this.division = division;
            this.industry = industry;
            this.kind = kind;
            this.revenue = revenue;
        }

        /** A unit whose last three months are plain reports: where a planted divergence is unmistakable. */
        boolean plain(int last) {
            return kind.equals("industrial") && !planted && !combined && !late
                    && reported.keySet().containsAll(List.of(last - 2, last - 1, last));
        }
    }

    /** A planted divergence of the records: the unit, the source and what is planted. */
    record Planted(String creditCode, String source, String what) {
    }

    final StringBuilder tax = new StringBuilder("credit_code,period,invoice_sales\n");
    final StringBuilder power = new StringBuilder("credit_code,period,kwh\n");
    final StringBuilder market = new StringBuilder(
            "credit_code,name,status,status_date,industry_code,division_code,registered_capital\n");
    final StringBuilder ledger = new StringBuilder("credit_code,period,indicator,value\n");
    final Map<String, Integer> rows = new TreeMap<>();
    final List<Planted> planted = new ArrayList<>();

    DemoRecords(DemoData d, long seed, int last) {
        Random rnd = new Random(seed ^ 0x5EC0_4D5L);
        List<Unit> plain = d.recordUnits.stream().filter(u -> u.plain(last)).toList();
        // distinct plain units for each planted divergence, chosen from the seed
        List<Unit> pool = new ArrayList<>(plain);
        java.util.Collections.shuffle(pool, rnd);
        List<Unit> taxLow = pool.subList(0, 3);
        List<Unit> powerOff = pool.subList(3, 5);
        List<Unit> ledgerOff = pool.subList(5, 7);
        List<Unit> gone = pool.subList(7, 9);
        for (Unit u : taxLow) {
            planted.add(new Planted(u.code, "tax", "invoiced sales 40-60% below the reported sales_value, last 3 months"));
        }
        for (Unit u : powerOff) {
            planted.add(new Planted(u.code, "power", "metered power 35% off the reported electricity, last 3 months"));
        }
        for (Unit u : ledgerOff) {
            planted.add(new Planted(u.code, "ledger", "ledger output_value differs from the report, last month"));
        }
        for (int i = 0; i < gone.size(); i++) {
            planted.add(new Planted(gone.get(i).code, "market", (i == 0 ? "注销" : "吊销")
                    + " in the market register, still in the statistical register"));
        }
        for (Unit u : d.recordUnits) {
            double below = taxLow.contains(u) ? 0.4 + 0.2 * rnd.nextDouble() : 0;
            for (Map.Entry<Integer, Double> e : u.sales.entrySet()) {
                int p = e.getKey();
                boolean planted = below > 0 && p > last - 3;
                // the reported figure of the planted months, so that "below the report" is what is measured
                double base = planted ? u.reported.get(p)[1] : e.getValue();
                double factor = planted ? 1 - below : 1 + 0.08 * (2 * rnd.nextDouble() - 1);
                line(tax, "tax", u.code, p, round1(base * factor));
            }
            double off = powerOff.indexOf(u) == 0 ? 0.65 : powerOff.indexOf(u) == 1 ? 1.35 : 0;
            for (Map.Entry<Integer, Double> e : u.power.entrySet()) {
                int p = e.getKey();
                double factor = off > 0 && p > last - 3 ? off : 1 + 0.06 * (2 * rnd.nextDouble() - 1);
                line(power, "power", u.code, p, Math.round(e.getValue() * factor * 100) / 100.0);
            }
            // the ledger of every month reported (台账规范: output for each, sales too for the last three), but about
            // one unit in twenty-five has a month of its first two years missing from it (the 台账 rate below 100%)
            int gap = rnd.nextInt(25) == 0 ? last - 12 - rnd.nextInt(12) : Integer.MIN_VALUE;
            for (Map.Entry<Integer, double[]> e : new TreeMap<>(u.reported).entrySet()) {
                int p = e.getKey();
                double[] r = e.getValue();
                if (p == gap && !ledgerOff.contains(u)) {
                    continue;
                }
                double output = r[0];
                if (p == last && ledgerOff.contains(u)) {
                    output = round1(output + (ledgerOff.indexOf(u) == 0 ? 86.4 : -35.0));
                }
                ledgerLine(u.code, p, "output_value", output);
                if (p > last - 3) {
                    ledgerLine(u.code, p, "sales_value", r[1]);
                }
            }
            int g = gone.indexOf(u);
            String approved = String.format("%04d-%02d-%02d", 2003 + rnd.nextInt(20), 1 + rnd.nextInt(12),
                    1 + rnd.nextInt(28));
            String status = g == 0 ? "注销" : g == 1 ? "吊销" : rnd.nextDouble() < 0.9 ? "存续" : "在业";
            String date = g < 0 ? approved : DemoData.period(last - g) + "-" + (g == 0 ? "18" : "09");
            marketLine(u.code, u.name, status, date, u.industry, u.division, Math.max(10, u.revenue / 50));
        }
        // units registered and operating but not in the register: 应统尽统 candidates, and two just below
        String[][] outside = {{"C3089", "20000", "1.25"}, {"C1391", "20000", "1.10"}, {"C2625", "20000", "1.60"},
                {"F5212", "5000", "1.30"}, {"C3311", "20000", "0.97"}, {"F5212", "5000", "0.96"}};
        String[] counties = {"620602", "620621", "620622", "620623"};
        String[] names = {"新材料", "食品", "化工", "百货", "金属制品", "超市"};
        for (int i = 0; i < outside.length; i++) {
            String county = counties[i % counties.length];
            String code = DemoData.creditCode(county, rnd, d.used);
            double yearly = Double.parseDouble(outside[i][1]) * Double.parseDouble(outside[i][2]);
            String name = "武威" + names[i] + "未入库" + (i + 1) + "号有限公司";
            marketLine(code, name, "存续", String.format("%04d-%02d-15", 2022 + i % 3, 2 + i), outside[i][0],
                    county + "100", Math.round(yearly / 40));
            double[] months = new double[12];
            double sum = 0;
            for (int m = 0; m < 12; m++) {
                months[m] = DemoData.SEASON[(last - 11 + m) % 12] * Math.exp(0.05 * rnd.nextGaussian());
                sum += months[m];
            }
            // scaled so that the twelve months add up to the year's figure (to a tenth of a 千元 per month)
            for (int m = 0; m < 12; m++) {
                line(tax, "tax", code, last - 11 + m, round1(months[m] / sum * yearly));
            }
            planted.add(new Planted(code, "market", yearly > Double.parseDouble(outside[i][1])
                    ? "存续, not in the register, 12-month invoiced sales above the 四上 threshold"
                    : "存续, not in the register, 12-month invoiced sales just below the threshold"));
        }
    }

    private void line(StringBuilder b, String source, String code, int p, double v) {
        b.append(code).append(',').append(DemoData.period(p)).append(',').append(num(v)).append('\n');
        rows.merge(source, 1, Integer::sum);
    }

    private void ledgerLine(String code, int p, String indicator, double v) {
        ledger.append(code).append(',').append(DemoData.period(p)).append(',').append(indicator).append(',')
                .append(num(v)).append('\n');
        rows.merge("ledger", 1, Integer::sum);
    }

    private void marketLine(String code, String name, String status, String date, String industry, String division,
            long capital) {
        market.append(code).append(',').append(name).append(',').append(status).append(',').append(date).append(',')
                .append(industry).append(',').append(division).append(',').append(capital).append('\n');
        rows.merge("market", 1, Integer::sum);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
