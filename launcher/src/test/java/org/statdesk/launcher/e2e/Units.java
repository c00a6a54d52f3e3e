package org.statdesk.launcher.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Register rows with valid codes, built from the reference data the registry bundle ships. */
final class Units {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] W = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] W_ORG = {3, 7, 9, 10, 5, 8, 4, 2};
    static final String HEADER = "credit_code,name,division_code,industry_code,revenue,qualification,address,"
            + "statistician,phone,scale";

    final List<String> townships;
    final List<String> industries;

    Units(Path root) throws IOException {
        Path ref = root.resolve("bundles/org.statdesk.registry/src/main/resources/reference");
        townships = Files.readAllLines(ref.resolve("gansu-divisions.csv")).stream()
                .filter(l -> l.startsWith("6206") && l.contains(",township,")).map(l -> l.split(",")[0]).toList();
        industries = Files.readAllLines(ref.resolve("gbt4754-2017-industries.csv")).stream()
                .filter(l -> l.startsWith("C") && l.contains(",class,")).map(l -> l.split(",")[0]).toList();
    }

    /** A valid unified social credit code (GB 32100) with a valid organisation code (GB 11714) in it. */
    static String creditCode(String county, int n) {
        String body = String.format("%08d", n);
        int s = 0;
        for (int i = 0; i < 8; i++) {
            s += (body.charAt(i) - '0') * W_ORG[i];
        }
        int c = 11 - s % 11;
        String first = "91" + county + body + (c == 10 ? "X" : c == 11 ? "0" : String.valueOf(c));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first.charAt(i)) * W[i];
        }
        return first + CHARS.charAt((31 - sum % 31) % 31);
    }

    /** The n-th unit's CSV row: distinct names and addresses, so that no pair looks like a duplicate. */
    String row(int n, Random rnd) {
        String town = townships.get(n % townships.size());
        String code = creditCode(town.substring(0, 6), 10_000_000 + n);
        String[] words = {"祁连", "天马", "雷台", "凉州", "民勤", "古浪", "天祝", "石羊河", "沙漠", "丝路", "金羊", "黄羊"};
        String[] trades = {"机械制造", "食品加工", "建材", "化工", "纺织", "酿造", "电子", "新能源"};
        String name = "武威" + words[n % words.length] + trades[(n / words.length) % trades.length] + (n + 1) + "号有限公司";
        return String.join(",", code, name, town, industries.get((n * 7) % industries.size()),
                String.valueOf(30_000 + rnd.nextInt(500_000)), "", "凉州区" + words[(n / 3) % words.length] + "路" + (n + 1)
                        + "号", "统计员" + (n + 1), String.format("1389350%04d", n % 10_000), "above");
    }

    Path file(Path dir, String name, int count, long seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < count; i++) {
            sb.append(row(i, rnd)).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }
}
