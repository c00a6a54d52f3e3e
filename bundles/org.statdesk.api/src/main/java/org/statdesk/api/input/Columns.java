package org.statdesk.api.input;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header row of an imported table matched to the fields an import knows (表头识别), the same way for every import:
 * English codes as today, or the Chinese names and aliases that platform exports and Excel files carry
 * ({@code 统一社会信用代码}, {@code 营业收入（万元）}). A header is normalised first: NFKC (full-width to half-width),
 * whitespace removed, English lower-cased, and a trailing parenthesis either read as the column's unit or, when it is
 * not a unit, dropped around its text ({@code 工业总产值（当年价格）} is {@code 工业总产值当年价格}). A money unit sets
 * the scale into 千元 ({@code 万元} ×10, {@code 元} ÷1000, {@code 亿元} ×100000); any other unit must be the field's.
 */
public final class Columns {
    /** Fields every import of survey units shares: the unit's code, the report period, the day it reported. */
    public static final Field CREDIT_CODE = new Field("credit_code", null, List.of("统一社会信用代码", "社会信用代码",
            "信用代码"));
    public static final Field PERIOD = new Field("period", null, List.of("报告期", "报告期别", "时期"));
    public static final Field REPORTED_ON = new Field("reported_on", null, List.of("填报日期", "报送日期"));

    /** 千元, the unit of money throughout StatDesk. */
    public static final String THOUSAND_YUAN = "千元";
    private static final Map<String, BigDecimal> MONEY = Map.of("元", new BigDecimal("0.001"), "千元", BigDecimal.ONE,
            "万元", BigDecimal.TEN, "亿元", new BigDecimal("100000"));
    /** Units recognised in a header's parenthesis besides money: what platform templates write. */
    private static final Set<String> UNITS = Set.of("人", "万人", "个", "家", "户", "台", "辆", "吨", "万吨", "千瓦时",
            "万千瓦时", "亿千瓦时", "平方米", "万平方米", "米", "公里", "%", "千克", "立方米", "万立方米");
    private static final Pattern TRAILING_PAREN = Pattern.compile("^(.*)[(\\[【]([^()\\[\\]【】]*)[)\\]】]$");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    private Columns() {
    }

    /**
     * A field an import reads: its code, its unit ({@code null} for text and codes; {@code 千元} for money), and the
     * names a file may give it (the Chinese name first: it is what messages name).
     */
    public record Field(String code, String unit, List<String> names) {
        public Field {
            names = List.copyOf(names);
        }

        /** The Chinese name messages use, else the code. */
        public String title() {
            return names.isEmpty() ? code : names.get(0);
        }
    }

    /** A header cell as normalised: its name without the unit, and the unit ({@code null} when none). */
    public record Name(String name, String unit) {
    }

    /**
     * A column of the file read as a field: its position, the header as written, its column letter and the factor its
     * values are multiplied by (1 unless a money unit other than 千元).
     */
    public record Column(int index, String header, String letter, Field field, BigDecimal scale) {
        /** {@code raw} scaled into the field's unit as plain decimal text; unchanged when 1 or not a number. */
        public String value(String raw) {
            return scaled(raw, scale);
        }
    }

    /**
     * How a header row reads: the columns matched (by field code), the columns ignored (as written), the fields
     * missing with the file's header nearest to each (or null), and the header errors (a column twice, a unit that
     * does not fit), each naming the column as written.
     */
    public record Header(Map<String, Column> columns, List<String> ignored, Map<String, String> missing,
            List<Problem> problems, List<String> unknownCodes) {
        public boolean has(String code) {
            return columns.containsKey(code);
        }
    }

    /** A header error: the column (letter), the header as written, the field code (or null) and what is wrong. */
    public record Problem(String letter, String header, String field, String message) {
    }

    /** Normalises one header cell: NFKC, no whitespace, English lower case, the unit in parentheses apart. */
    public static Name normalise(String header) {
        String t = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
                b.append(c);
            }
        }
        String s = b.toString().toLowerCase(Locale.ROOT);
        String unit = null;
        Matcher m = TRAILING_PAREN.matcher(s);
        if (m.matches()) {
            String inner = m.group(2);
            if (isUnit(inner)) {
                unit = inner;
                s = m.group(1);
            } else {
                s = m.group(1) + inner;
            }
        }
        s = s.replaceAll("[()\\[\\]【】]", "");
        return new Name(s, unit);
    }

    private static boolean isUnit(String s) {
        return MONEY.containsKey(s) || UNITS.contains(s);
    }

    /**
     * Matches a header row against {@code fields}. A column whose name is no field's is ignored, except an English
     * identifier ({@code phone}, {@code sales_valu}), listed in {@link Header#unknownCodes}: a misspelt code would
     * otherwise drop a field unseen, and each import decides what an unknown code means (an error for the register,
     * an indicator to judge for a report).
     */
    public static Header match(List<String> header, List<Field> fields) {
        Map<String, Field> byName = new HashMap<>();
        for (Field f : fields) {
            byName.putIfAbsent(normalise(f.code()).name(), f);
            for (String n : f.names()) {
                byName.putIfAbsent(normalise(n).name(), f);
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        List<String> unknownCodes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String written = header.get(i) == null ? "" : header.get(i);
            Name n = normalise(written);
            String letter = TableFiles.columnLetter(i);
            Field f = byName.get(n.name());
            if (f == null) {
                if (IDENTIFIER.matcher(n.name()).matches() && n.unit() == null) {
                    unknownCodes.add(n.name());
                } else if (!n.name().isEmpty()) {
                    ignored.add(Inputs.shown(written.strip()));
                }
                continue;
            }
            if (columns.containsKey(f.code())) {
                problems.add(new Problem(letter, written, f.code(), "列重复：" + f.code() + " 已见于第 "
                        + columns.get(f.code()).letter() + " 列"));
                continue;
            }
            BigDecimal scale = BigDecimal.ONE;
            if (n.unit() != null) {
                if (THOUSAND_YUAN.equals(f.unit()) && MONEY.containsKey(n.unit())) {
                    scale = MONEY.get(n.unit());
                } else if (!n.unit().equals(f.unit())) {
                    problems.add(new Problem(letter, written, f.code(), "单位不符：" + f.title() + " 的单位是 "
                            + (f.unit() == null ? "（无单位）" : f.unit()) + "，这一列是 " + n.unit()));
                    continue;
                }
            }
            columns.put(f.code(), new Column(i, written, letter, f, scale));
        }
        return new Header(columns, List.copyOf(ignored), Map.of(), List.copyOf(problems), List.copyOf(unknownCodes));
    }

    /**
     * The file's header nearest to {@code field}'s names (edit distance at most a third of the name, at least 1), or
     * null: what "是否为「…」?" proposes when a required column is missing.
     */
    public static String closest(Field field, List<String> header) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String h : header) {
            String hn = normalise(h).name();
            if (hn.isEmpty()) {
                continue;
            }
            for (String name : names(field)) {
                int d = distance(hn, name);
                int limit = Math.max(1, name.length() / 3);
                if (d <= limit && d < bestDistance && d > 0) {
                    bestDistance = d;
                    best = h.strip();
                }
            }
        }
        return best;
    }

    /** "缺少列 NAME" with the nearest header proposed, as every import words a missing column. */
    public static String missing(String prefix, Field field, List<String> header) {
        String near = closest(field, header);
        return prefix + (near == null ? "" : "；是否为「" + Inputs.shown(near) + "」？");
    }

    private static List<String> names(Field f) {
        List<String> out = new ArrayList<>();
        out.add(normalise(f.code()).name());
        for (String n : f.names()) {
            out.add(normalise(n).name());
        }
        return out;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** {@code raw} × {@code scale} as plain text (exact decimal arithmetic); unchanged when 1 or not a plain number. */
    static String scaled(String raw, BigDecimal scale) {
        if (scale.compareTo(BigDecimal.ONE) == 0 || raw == null || raw.isBlank()) {
            return raw;
        }
        try {
            Inputs.decimal(raw);
            return new BigDecimal(raw.strip()).multiply(scale).stripTrailingZeros().toPlainString();
        } catch (IllegalArgumentException notANumber) {
            return raw; // judged, and refused, with the line by the import
        }
    }
}
