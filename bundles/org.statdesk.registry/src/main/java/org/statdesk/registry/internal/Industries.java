package org.statdesk.registry.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GB/T 4754-2017 (国民经济行业分类) from the bundled reference file: classes, and their specialty and threshold. */
public final class Industries {
    private static final Pattern INPUT = Pattern.compile("([A-Za-z])?(\\d+)");
    /** code (letter + digits) → name, for every level; digits of a class → its full code. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> classByDigits = new HashMap<>();

    public record Resolved(String code, String error) {
    }

    public static Industries load() {
        try (InputStream in = Industries.class.getResourceAsStream("/reference/gbt4754-2017-industries.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/gbt4754-2017-industries.csv is missing from the bundle");
            }
            Industries ind = new Industries();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line; (line = r.readLine()) != null;) {
                String[] f = line.split(",", -1);
                if (f.length < 3) {
                    continue;
                }
                ind.names.put(f[0], f[1]);
                if (f[2].equals("class")) {
                    ind.classByDigits.put(f[0].substring(1), f[0]);
                }
            }
            return ind;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name(String code) {
        return names.get(code);
    }

    /** Resolves a user's industry code to a 4-digit class with its section letter, or says why it cannot. */
    public Resolved resolve(String input) {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty()) {
            return new Resolved(null, "行业代码为空");
        }
        Matcher m = INPUT.matcher(s);
        if (!m.matches()) {
            return new Resolved(null, "行业代码格式错误：应为 GB/T 4754-2017 的4位小类代码，如 C1391 或 1391");
        }
        String letter = m.group(1) == null ? null : m.group(1).toUpperCase(java.util.Locale.ROOT);
        String digits = m.group(2);
        if (digits.length() != 4) {
            String level = digits.length() == 2 ? "大类" : digits.length() == 3 ? "中类" : null;
            return new Resolved(null, level != null
                    ? "行业代码“" + s + "”是" + level + "，需要4位小类代码"
                    : "行业代码应为4位数字的小类代码，实际为" + digits.length() + "位");
        }
        String full = classByDigits.get(digits);
        if (full == null) {
            return new Resolved(null, "行业代码“" + s + "”不是 GB/T 4754-2017 的小类");
        }
        if (letter != null && !full.startsWith(letter)) {
            return new Resolved(null, "行业代码“" + s + "”的门类字母不符：" + digits + " 属于门类 " + full.charAt(0));
        }
        return new Resolved(full, null);
    }

    /** The specialty and entry threshold of a class, or null when the class is outside every specialty. */
    public static Scope scope(String classCode) {
        char section = classCode.charAt(0);
        int div = Integer.parseInt(classCode.substring(1, 3));
        String digits = classCode.substring(1);
        switch (section) {
            case 'B':
            case 'C':
            case 'D':
                if (div >= 6 && div <= 46) {
                    return new Scope("industrial", "规模以上工业", 20_000, false);
                }
                return null;
            case 'E':
                return new Scope("construction", "资质等级建筑业", null, true);
            case 'F':
                return div == 51 ? new Scope("trade", "限额以上批发业", 20_000, false)
                        : new Scope("trade", "限额以上零售业", 5_000, false);
            case 'H':
                return new Scope("trade", "限额以上住宿和餐饮业", 2_000, false);
            case 'K':
                return digits.equals("7010") ? new Scope("real_estate", "房地产开发经营", null, false)
                        : new Scope("services", "规模以上服务业（房地产服务）", 10_000, false);
            case 'G':
            case 'I':
            case 'N':
                return new Scope("services", "规模以上服务业", 20_000, false);
            case 'Q':
                return div == 84 ? new Scope("services", "规模以上服务业", 20_000, false)
                        : new Scope("services", "规模以上服务业（社会工作）", 5_000, false);
            case 'L':
            case 'M':
            case 'P':
                return new Scope("services", "规模以上服务业", 10_000, false);
            case 'O':
            case 'R':
                return new Scope("services", "规模以上服务业", 5_000, false);
            default:
                return null; // A agriculture, J finance, S public administration, T international organisations
        }
    }

    /**
     * What a class is held to: {@code thresholdThousand} is the 四上 revenue threshold in 千元 (null: none),
     * {@code needsQualification} for construction.
     */
    public record Scope(String specialty, String standard, Integer thresholdThousand, boolean needsQualification) {
        /** The below_threshold message for a unit declared above, or null when it meets the standard. */
        String shortfall(Double revenue, String qualification) {
            if (needsQualification) {
                return qualification == null || qualification.isBlank()
                        ? "申报为四上单位，但没有建筑业资质等级（" + standard + "要求有资质）；可作为四下样本单位入库" : null;
            }
            if (thresholdThousand == null) {
                return null;
            }
            if (revenue == null || revenue < thresholdThousand) {
                return "申报为四上单位，但上年营业收入 " + Registry.fmt(revenue) + " 千元低于" + standard + "标准 "
                        + thresholdThousand + " 千元；可作为四下样本单位入库";
            }
            return null;
        }
    }
}
