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

/**
 * GB/T 4754-2017 (国民经济行业分类) from the bundled reference file: codes and names of every level; what a class
 * must meet to enter the register is in {@link EntryThresholds}.
 */
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
        String shown = org.statdesk.api.input.Inputs.shown(s); // messages never echo a long value whole
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
                    ? "行业代码“" + shown + "”是" + level + "，需要4位小类代码"
                    : "行业代码应为4位数字的小类代码，实际为" + digits.length() + "位");
        }
        String full = classByDigits.get(digits);
        if (full == null) {
            return new Resolved(null, "行业代码“" + shown + "”不是 GB/T 4754-2017 的小类");
        }
        if (letter != null && !full.startsWith(letter)) {
            return new Resolved(null, "行业代码“" + shown + "”的门类字母不符：" + digits + " 属于门类 " + full.charAt(0));
        }
        return new Resolved(full, null);
    }
}
