package org.statdesk.industrial.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Realistic Wuwei demo data: about 1,500 units over the real townships of the four counties, valid credit codes
 * (GB 32100 check character), mostly industrial; 36 months of industrial reports with seasonality (the Spring
 * Festival dip in January and February, some units reporting 1-2月 together), 12 months of trade and services
 * reports, and a handful of planted anomalies of each kind in the last month.
 */
final class DemoData {
    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] W = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] W_ORG = {3, 7, 9, 10, 5, 8, 4, 2};
    static final double[] SEASON = {0.86, 0.68, 1.00, 1.02, 1.03, 1.04, 1.00, 1.00, 1.04, 1.05, 1.08, 1.16};
    private static final String[] INDUSTRIAL = {"C1311", "C1351", "C1391", "C1513", "C1521", "C1713", "C2614",
            "C2625", "C3011", "C3021", "C3089", "C3130", "C3311", "C3391", "D4411", "D4420"};
    private static final String[] TRADE = {"F5121", "F5212", "H6110", "H6210"};
    private static final String[] SERVICES = {"G5411", "G5431", "I6440", "L7212", "M7482"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "马", "孙", "朱", "何", "郭"};
    private static final String[] GIVEN = {"建国", "海燕", "志强", "秀英", "晓东", "丽娟", "文博", "春梅", "永福",
            "玉兰", "国庆", "彦军"};

    record Township(String code, String name, String county) {
    }

    record Planted(String creditCode, String indicator, String what) {
    }

    final StringBuilder register = new StringBuilder(
            "credit_code,name,division_code,industry_code,revenue,qualification,address,statistician,phone,scale\n");
    static final String REPORT_HEADER = "credit_code,period,indicator,value,reported_on\n";
    /** The report rows of each specialty (industrial, trade, services), without header. */
    final Map<String, StringBuilder> reportsOf = new LinkedHashMap<>();
    /** The indicators each specialty's rows use: checked against the forms present before anything is imported. */
    final Map<String, Set<String>> indicatorsOf = new LinkedHashMap<>();
    final Map<String, Integer> rowsOf = new LinkedHashMap<>();
    /** The specialty of the unit being generated. */
    private String kind;
    final List<Planted> planted = new ArrayList<>();
    int units;
    int reportRows;
    /** Every register unit with the figures the demo's administrative records are drawn from (see {@link DemoRecords}). */
    final List<DemoRecords.Unit> recordUnits = new ArrayList<>();
    /** The credit codes given out, so that the records' units outside the register get codes of their own. */
    final Set<String> used = new HashSet<>();
    private DemoRecords.Unit current;

    /** GB 32100 check character over the first 17 characters. */
    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * W[i];
        }
        return CHARS.charAt((31 - sum % 31) % 31);
    }

    /** A credit code: 9 (market regulation), 1 (enterprise), the county, an organisation code with its GB 11714 check. */
    static String creditCode(String county, Random rnd, Set<String> used) {
        while (true) {
            StringBuilder org = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                org.append(CHARS.charAt(rnd.nextInt(i < 2 ? 10 : 31)));
            }
            int s = 0;
            for (int i = 0; i < 8; i++) {
                char ch = org.charAt(i); // GB 11714 values: digits as they are, A-Z as 10-35
                s += (ch <= '9' ? ch - '0' : ch - 'A' + 10) * W_ORG[i];
            }
            int c = 11 - s % 11;
            org.append(c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
            if (org.indexOf("X") >= 0 && org.indexOf("X") < 8) {
                continue; // X only as a check character, never among the body characters, to keep it plain
            }
            String first = "91" + county + org;
            String code = first + check(first);
            if (used.add(code)) {
                return code;
            }
        }
    }

    static List<Township> townships() throws IOException {
        List<Township> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                DemoData.class.getResourceAsStream("/demo/wuwei-townships.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                out.add(new Township(f[0], f[1], f[2]));
            }
        }
        return out;
    }

    static String period(int index) {
        return String.format("%04d-%02d", index / 12, index % 12 + 1);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    DemoData(long seed, int lastIndex) throws IOException {
        Random rnd = new Random(seed);
        List<Township> towns = townships();
        int nInd = 1250;
        int nTrade = 160;
        int nServ = 90;
        List<String> plantFor = List.of("negative", "ytd", "export", "ratio", "divergence", "slip1000",
                "slip_tenth", "mom", "hb");
        int plantIndex = 0;
        for (int i = 0; i < nInd + nTrade + nServ; i++) {
            // 凉州区 is the city's seat and has most of the industry
            Township t = towns.get(rnd.nextDouble() < 0.55 ? rnd.nextInt(50) : rnd.nextInt(towns.size()));
            String code = creditCode(t.county(), rnd, used);
            kind = i < nInd ? "industrial" : i < nInd + nTrade ? "trade" : "services";
            String[] classes = kind.equals("industrial") ? INDUSTRIAL : kind.equals("trade") ? TRADE : SERVICES;
            String industry = classes[rnd.nextInt(classes.length)];
            double level = Math.exp(7.9 + 1.0 * rnd.nextGaussian()); // monthly figure, 千元
            double minYear = industry.startsWith("F52") ? 5_000 : industry.startsWith("H") ? 2_000
                    : industry.startsWith("L") || industry.startsWith("M") ? 10_000 : 20_000;
            level = Math.max(level, minYear / 12 * 1.2);
            String name = t.name().replaceAll("(街道|镇|乡|地区办事处)$", "") + SUFFIX[kind.equals("industrial") ? 0
                    : kind.equals("trade") ? 1 : 2] + (i + 1) + "号" + (kind.equals("industrial") ? "有限公司" : "有限责任公司");
            String person = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
            String phone = "1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000));
            register.append(code).append(',').append(name).append(',').append(t.code()).append(',').append(industry)
                    .append(',').append(Math.round(level * 12)).append(",,").append("甘肃省武威市").append(t.name())
                    .append(',').append(person).append(',').append(phone).append(",above\n");
            units++;
            current = new DemoRecords.Unit(code, name, t.code(), industry, kind, Math.round(level * 12));
            recordUnits.add(current);
            if (kind.equals("industrial")) {
                String plant = null;
                if (rnd.nextDouble() < 0.03 && plantIndex < 2 * plantFor.size()) {
                    plant = plantFor.get(plantIndex++ % plantFor.size());
                }
                current.planted = plant != null;
                industrial(code, level, rnd, lastIndex, plant);
            } else if (kind.equals("trade")) {
                trade(code, level, industry.startsWith("H"), industry.startsWith("F52"), rnd, lastIndex);
            } else {
                services(code, level, rnd, lastIndex);
            }
        }
    }

    private static final String[] SUFFIX = {"工贸", "商贸", "服务"};

    private String reportedOn(int p, Random rnd) {
        int next = p + 1;
        int day = rnd.nextDouble() < 0.03 ? 9 + rnd.nextInt(8) : 1 + rnd.nextInt(6);
        String on = period(next) + String.format("-%02d", day);
        // early in a month last month's reports cannot all have been filed yet: none is dated in the future
        String today = java.time.LocalDate.now().toString();
        return on.compareTo(today) > 0 ? today : on;
    }

    /** The report file of some specialties (a header and their rows), and how many rows it has. */
    String reports(Set<String> specialties) {
        StringBuilder b = new StringBuilder(REPORT_HEADER);
        reportsOf.forEach((k, rows) -> {
            if (specialties.contains(k)) {
                b.append(rows);
            }
        });
        return b.toString();
    }

    int rows(Set<String> specialties) {
        return rowsOf.entrySet().stream().filter(e -> specialties.contains(e.getKey())).mapToInt(Map.Entry::getValue)
                .sum();
    }

    private void row(String code, String p, String ind, double v, String on) {
        StringBuilder reports = reportsOf.computeIfAbsent(kind, k -> new StringBuilder());
        indicatorsOf.computeIfAbsent(kind, k -> new java.util.TreeSet<>()).add(ind);
        rowsOf.merge(kind, 1, Integer::sum);
        reports.append(code).append(',').append(p).append(',').append(ind).append(',').append(num(v)).append(',')
                .append(on).append('\n');
        reportRows++;
    }

    private void industrial(String code, double level, Random rnd, int last, String plant) {
        double growth = 0.05 + 0.07 * rnd.nextGaussian();
        double salesRate = 0.93 + 0.05 * rnd.nextDouble();
        double export = rnd.nextDouble() < 0.12 ? 0.05 + 0.3 * rnd.nextDouble() : 0;
        double intensity = 0.02 + 0.05 * rnd.nextDouble();
        double employees = Math.max(20, Math.round(level / 50));
        boolean combined = rnd.nextDouble() < 0.05;
        boolean late = rnd.nextDouble() < 0.04; // not yet reported in the last month
        current.combined = combined;
        current.late = late;
        double[] janTrue = null;
        int first = last - 35;
        double ytd = 0;
        double revYtd = 0;
        double[] prev = null;
        double[] jan = null;
        if (plant != null && plant.equals("hb")) {
            level = Math.max(level, 40_000); // a big unit: a moderate move matters
        }
        for (int p = first; p <= last; p++) {
            int mo = p % 12 + 1;
            if (mo == 1) {
                ytd = 0;
                revYtd = 0;
            }
            double out = round1(level * Math.pow(1 + growth, (p - first) / 12.0) * SEASON[mo - 1]
                    * Math.exp(0.06 * rnd.nextGaussian()));
            double sales = round1(out * salesRate * Math.exp(0.02 * rnd.nextGaussian()));
            double exp = round1(sales * export);
            double elec = Math.round(out * intensity * Math.exp(0.05 * rnd.nextGaussian()) * 100) / 100.0;
            employees = Math.max(5, Math.round(employees * Math.exp(0.01 * rnd.nextGaussian())));
            double[] v = {out, 0, sales, exp, 0, elec, employees};
            // what the unit really sold and used, before a planted report error: what tax and power record
            double[] truth = {v[2], v[5]};
            if (p == last && plant != null) {
                plant(code, plant, v, prev, ytd);
            }
            ytd += v[0];
            revYtd += v[2] * 1.03;
            v[1] = round1(ytd);
            v[4] = round1(revYtd);
            if (p == last && plant != null && plant.equals("ytd")) {
                v[1] += 500;
            }
            if (p == last && plant != null && plant.equals("slip1000")) {
                v[1] = round1(ytd - v[0] + v[0]); // the slipped figure is carried into the year to date too
            }
            if (combined && mo == 1 && p != last) {
                jan = v;
                janTrue = truth;
                continue; // reported together with February
            }
            if (combined && mo == 2 && jan != null) {
                for (int j : new int[] {0, 2, 3, 5}) {
                    v[j] = round1(v[j] + jan[j]);
                }
                jan = null;
                // the records of a unit reporting 1-2月 together are read as the report is: one figure for both
                truth = new double[] {truth[0] + janTrue[0], truth[1] + janTrue[1]};
            }
            if (p == last && late) {
                // no records either for the month not yet reported: the demo's records stay with the months reported,
                // so that what the confrontation finds is what was planted, not the lateness of a report
                continue;
            }
            current.sales.put(p, truth[0]);
            current.power.put(p, truth[1]);
            current.reported.put(p, new double[] {v[0], v[2]});
            String per = period(p);
            String on = reportedOn(p, rnd);
            for (int j = 0; j < 7; j++) {
                row(code, per, IndustrialForm.INDICATORS.get(j).code(), v[j], on);
            }
            prev = v;
        }
    }

    private void plant(String code, String what, double[] v, double[] prev, double ytdBefore) {
        String ind;
        switch (what) {
            case "negative": v[3] = -round1(v[2] * 0.1 + 1); ind = "export_value"; break;
            case "ytd": ind = "output_value_ytd"; break;
            case "export": v[3] = round1(v[2] * 1.2); ind = "export_value"; break;
            case "ratio": v[2] = round1(v[0] * 0.3); v[3] = 0; ind = "sales_value"; break;
            case "divergence":
                if (prev == null) {
                    return;
                }
                v[0] = round1(prev[0] * 1.45);
                v[2] = round1(v[0] * 0.95);
                v[3] = Math.min(v[3], v[2]);
                v[5] = Math.round(prev[5] * 80) / 100.0;
                ind = "output_value";
                break;
            case "slip1000": v[0] = v[0] * 1000; ind = "output_value"; break;
            case "slip_tenth": v[2] = round1(v[2] / 10); v[3] = 0; ind = "sales_value"; break;
            case "mom": v[0] *= 4; v[2] *= 4; v[3] *= 4; v[5] *= 4; ind = "output_value"; break;
            default: v[0] = round1(v[0] * 1.6); v[2] = round1(v[2] * 1.6); v[3] = round1(v[3] * 1.6); v[5] *= 1.6;
                ind = "output_value";
        }
        planted.add(new Planted(code, ind, what));
    }

    private void trade(String code, double level, boolean catering, boolean retail, Random rnd, int last) {
        double ytd = 0;
        for (int p = last - 11; p <= last; p++) {
            int mo = p % 12 + 1;
            if (mo == 1) {
                ytd = 0;
            }
            double season = mo == 2 ? 1.15 : mo == 1 ? 1.05 : 1.0; // the Spring Festival sells
            double x = round1(level * season * Math.exp(0.06 * rnd.nextGaussian()));
            current.sales.put(p, x);
            String per = period(p);
            String on = reportedOn(p, rnd);
            if (catering) {
                row(code, per, "turnover", x, on);
            } else {
                ytd += x;
                row(code, per, "sales", x, on);
                row(code, per, "sales_ytd", round1(ytd), on);
                row(code, per, "retail_sales", round1(x * (retail ? 0.85 : 0.1)), on);
            }
        }
    }

    private void services(String code, double level, Random rnd, int last) {
        double rev = 0;
        double cost = 0;
        double pay = 0;
        double emp = Math.max(10, Math.round(level / 40));
        for (int p = last - 11; p <= last; p++) {
            int mo = p % 12 + 1;
            if (mo == 1) {
                rev = 0;
                cost = 0;
                pay = 0;
            }
            double r = level * Math.exp(0.05 * rnd.nextGaussian());
            current.sales.put(p, r);
            rev += r;
            cost += r * 0.78;
            pay += emp * 6;
            String per = period(p);
            String on = reportedOn(p, rnd);
            row(code, per, "revenue_ytd", round1(rev), on);
            row(code, per, "cost_ytd", round1(cost), on);
            row(code, per, "payroll_ytd", round1(pay), on);
            row(code, per, "employees", emp, on);
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A roster for the enforcement section: certified inspectors in the city bureau and each county, a few without. */
    static String inspectors() {
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
        String[] given = {"建国", "秀兰", "志强", "海燕", "永红", "文军", "丽娟", "国庆", "春梅", "晓东"};
        String[][] places = {{"620600", "6"}, {"620602", "4"}, {"620621", "3"}, {"620622", "3"}, {"620623", "3"}};
        String[] specialties = {"industrial", "trade", "services", "enforcement"};
        StringBuilder sb = new StringBuilder("name,certificate_no,certificate_date,county_code,specialty\n");
        int n = 0;
        for (String[] p : places) {
            int count = Integer.parseInt(p[1]);
            for (int i = 0; i <= count; i++, n++) {
                String name = surnames[n % surnames.length] + given[(n * 7) % given.length];
                boolean certified = i < count; // the last of each office has no certificate yet
                sb.append(name).append(',')
                        .append(certified ? String.format("甘统执字%s%03d", p[0], i + 1) : "").append(',')
                        .append(certified ? String.format("20%02d-%02d-15", 18 + i % 4, 3 + i % 9) : "").append(',')
                        .append(p[0]).append(',').append(specialties[n % specialties.length]).append('\n');
            }
        }
        return sb.toString();
    }
}
