import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Province-sized benchmark data for bench/province, seeded so that runs are comparable: a register of industrial
 * units spread over every Gansu township of the registry bundle's reference data (valid GB 32100 credit codes with a
 * valid GB 11714 organisation code, industrial classes of GB/T 4754-2017, revenue above the 规模以上 standard), and
 * two consecutive months of the industrial form as long CSV (credit_code,period,indicator,value).
 * Months follow a unit's level with the season, noise and a few planted slips, so the review has something to flag.
 * Usage: ProvinceData REFERENCE_DIR OUT_DIR UNITS MONTH1 SEED (MONTH1 as YYYY-MM, not December: the second month is
 * the next one of the same year).
 */
public final class ProvinceData {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] W_ORG = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final double[] SEASON = {0.86, 0.68, 1.00, 1.02, 1.03, 1.04, 1.00, 1.00, 1.04, 1.05, 1.08, 1.16};
    private static final String[] INDICATORS = {"output_value", "output_value_ytd", "sales_value", "export_value",
            "revenue_ytd", "electricity", "employees"};
    // brand characters: three of them make 64,000 brands
    private static final String BRAND = "祁天雷凉民古石丝金黄鑫源泰丰盛华宏兴瑞恒德隆昌达富利安康永嘉鸿润晟博远航骏峰辉煌";
    private static final String[] TRADES = {"机械制造", "食品加工", "建材", "化工", "纺织", "酿造", "电子", "新能源",
            "冶金", "矿业", "电力", "制药", "塑料制品", "农产品加工", "水泥", "铝业"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "孙"};
    private static final String[] GIVEN = {"丽", "强", "杰", "敏", "伟", "芳", "军", "娟", "勇", "艳", "磊", "霞"};

    private record Town(String code, String name) {
    }

    public static void main(String[] a) throws IOException {
        Path ref = Path.of(a[0]);
        Path out = Files.createDirectories(Path.of(a[1]));
        int n = Integer.parseInt(a[2]);
        String m1 = a[3];
        long seed = Long.parseLong(a[4]);
        int year = Integer.parseInt(m1.substring(0, 4));
        int month = Integer.parseInt(m1.substring(5, 7));
        if (month < 1 || month > 11) {
            throw new IllegalArgumentException("MONTH1 must be January to November: " + m1);
        }
        String m2 = String.format("%04d-%02d", year, month + 1);

        List<Town> towns = new ArrayList<>();
        for (String l : Files.readAllLines(ref.resolve("gansu-divisions.csv"), StandardCharsets.UTF_8)) {
            String[] f = l.split(",", -1);
            if (f.length >= 3 && f[2].equals("township")) {
                towns.add(new Town(f[0], f[1]));
            }
        }
        // industrial classes (B, C, D, divisions 06-46), by section so that manufacturing dominates as it does
        List<String> mining = new ArrayList<>();
        List<String> manufacturing = new ArrayList<>();
        List<String> utilities = new ArrayList<>();
        for (String l : Files.readAllLines(ref.resolve("gbt4754-2017-industries.csv"), StandardCharsets.UTF_8)) {
            String[] f = l.split(",", -1);
            if (f.length >= 3 && f[2].equals("class")) {
                switch (f[0].charAt(0)) {
                    case 'B' -> mining.add(f[0]);
                    case 'C' -> manufacturing.add(f[0]);
                    case 'D' -> utilities.add(f[0]);
                    default -> { }
                }
            }
        }
        if (towns.isEmpty() || manufacturing.isEmpty()) {
            throw new IllegalStateException("no townships or industrial classes in " + ref);
        }

        Random rnd = new Random(seed);
        StringBuilder b = new StringBuilder(256);
        try (BufferedWriter reg = Files.newBufferedWriter(out.resolve("units.csv"), StandardCharsets.UTF_8);
             BufferedWriter w1 = Files.newBufferedWriter(out.resolve("month1.csv"), StandardCharsets.UTF_8);
             BufferedWriter w2 = Files.newBufferedWriter(out.resolve("month2.csv"), StandardCharsets.UTF_8)) {
            reg.write("credit_code,name,division_code,industry_code,revenue,qualification,address,statistician,phone,"
                    + "scale\n");
            w1.write("credit_code,period,indicator,value\n");
            w2.write("credit_code,period,indicator,value\n");
            int slips = 0;
            for (int i = 0; i < n; i++) {
                Town town = towns.get(rnd.nextInt(towns.size()));
                double s = rnd.nextDouble();
                List<String> pool = s < 0.08 ? mining : s < 0.93 ? manufacturing : utilities;
                String industry = pool.get(rnd.nextInt(pool.size()));
                String code = creditCode(town.code().substring(0, 6), 20_000_000 + i);

                // monthly output in 千元, log-normal (median ~5,000), at least the 规模以上 standard over a year
                double level = Math.exp(8.5 + 1.2 * rnd.nextGaussian());
                level = Math.max(level, 1_900 * (1 + rnd.nextDouble()));
                double salesRate = 0.93 + 0.05 * rnd.nextDouble();
                double exportShare = rnd.nextDouble() < 0.15 ? 0.05 + 0.4 * rnd.nextDouble() : 0;
                double intensity = 0.02 + 0.05 * rnd.nextDouble(); // 万千瓦时 per 千元
                double employees = Math.max(20, Math.round(level / 60));
                double revenue = Math.round(level * 12 * salesRate * 1.03);

                // two characters of the township and a three-character brand: two names alike enough to be taken
                // for a duplicate (name similarity >= 0.85) are rare, as in a real register
                String name = town.name().substring(0, Math.min(2, town.name().length())) + brand(rnd)
                        + TRADES[rnd.nextInt(TRADES.length)] + "有限公司";
                String person = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
                b.setLength(0);
                b.append(code).append(',').append(name).append(',').append(town.code()).append(',').append(industry)
                        .append(',').append(plain(revenue)).append(",,").append(town.name()).append(i % 300 + 1)
                        .append("号,").append(person).append(',').append(String.format("139%08d", i)).append(",above\n");
                reg.write(b.toString());

                // the year so far up to the month before MONTH1, then the two months
                double ytd = 0;
                double revYtd = 0;
                for (int m = 1; m < month; m++) {
                    double o = level * SEASON[m - 1] * Math.exp(0.07 * rnd.nextGaussian());
                    ytd += o;
                    revYtd += o * salesRate * 1.03;
                }
                for (int k = 0; k < 2; k++) {
                    int mo = month + k;
                    double o = round(level * SEASON[mo - 1] * Math.exp(0.07 * rnd.nextGaussian()), 1);
                    double sales = round(o * salesRate * Math.exp(0.02 * rnd.nextGaussian()), 1);
                    double exp = round(sales * exportShare, 1);
                    double elec = round(o * intensity * Math.exp(0.05 * rnd.nextGaussian()), 2);
                    employees = Math.max(5, Math.round(employees * Math.exp(0.01 * rnd.nextGaussian())));
                    ytd += o;
                    revYtd += sales * 1.03;
                    double reported = o;
                    if (k == 1 && rnd.nextDouble() < 0.002) {
                        reported = o * 1000; // reported in 元 instead of 千元: the unit-slip rule's case
                        slips++;
                    } else if (k == 1 && rnd.nextDouble() < 0.003) {
                        reported = round(o * (1.6 + rnd.nextDouble()), 1); // a jump on last month
                    }
                    double[] v = {reported, round(ytd - o + reported, 1), sales, exp, round(revYtd, 1), elec,
                            employees};
                    String period = k == 0 ? m1 : m2;
                    BufferedWriter w = k == 0 ? w1 : w2;
                    for (int j = 0; j < INDICATORS.length; j++) {
                        b.setLength(0);
                        b.append(code).append(',').append(period).append(',').append(INDICATORS[j]).append(',')
                                .append(plain(v[j])).append('\n');
                        w.write(b.toString());
                    }
                }
            }
            System.out.println("units=" + n + " townships=" + towns.size() + " month1=" + m1 + " month2=" + m2
                    + " slips=" + slips);
        }
    }

    private static String brand(Random rnd) {
        StringBuilder b = new StringBuilder(3);
        for (int i = 0; i < 3; i++) {
            b.append(BRAND.charAt(rnd.nextInt(BRAND.length())));
        }
        return b.toString();
    }

    private static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }

    /** Plain decimal notation: no exponent, whatever the size. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A unified social credit code (GB 32100) whose organisation code (GB 11714) has a valid check character. */
    static String creditCode(String county, int n) {
        String org = String.format("%08d", n);
        int weighted = 0;
        for (int i = 0; i < org.length(); i++) {
            weighted += Character.digit(org.charAt(i), 10) * W_ORG[i];
        }
        int orgCheck = (11 - weighted % 11) % 11; // 10 is written X
        StringBuilder code = new StringBuilder("91").append(county).append(org)
                .append(orgCheck == 10 ? 'X' : (char) ('0' + orgCheck));
        // GB 32100 weights are 3^i mod 31
        int sum = 0;
        for (int i = 0, weight = 1; i < code.length(); i++, weight = weight * 3 % 31) {
            sum += CHARS.indexOf(code.charAt(i)) * weight;
        }
        return code.append(CHARS.charAt((31 - sum % 31) % 31)).toString();
    }
}
