package org.statdesk.registry.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The 四上 entry standards (入库标准) from the bundled reference file {@code reference/entry-thresholds.csv}: which
 * specialty a GB/T 4754-2017 class belongs to and what it must meet. Reference data, not code, so that the core names
 * no specialty and a new standard (as the 2019 services tiers were) is a change of the file.
 */
public final class EntryThresholds {
    static final String RESOURCE = "/reference/entry-thresholds.csv";
    /** Scope (section letter, letter + division digits, or letter + class digits) → what it is held to. */
    private final Map<String, Scope> byScope = new HashMap<>();

    public static EntryThresholds load() {
        try (InputStream in = EntryThresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE.substring(1) + " is missing from the bundle");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EntryThresholds read(BufferedReader r) throws IOException {
        EntryThresholds t = new EntryThresholds();
        String header = r.readLine();
        if (header == null || !header.strip().equals("scope,specialty,standard,threshold_thousand,needs_qualification")) {
            throw new IllegalStateException(RESOURCE.substring(1) + ": unexpected header " + header);
        }
        int line = 1;
        for (String s; (s = r.readLine()) != null;) {
            line++;
            if (s.isBlank()) {
                continue;
            }
            String[] f = s.split(",", -1);
            if (f.length != 5 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()
                    || !(f[4].equals("yes") || f[4].equals("no"))) {
                throw new IllegalStateException(RESOURCE.substring(1) + " line " + line + " is not"
                        + " scope,specialty,standard,threshold_thousand,yes|no: " + s);
            }
            Integer threshold = f[3].isBlank() ? null : Integer.valueOf(f[3].strip());
            if (t.byScope.put(f[0].strip(), new Scope(f[1].strip(), f[2].strip(), threshold, f[4].equals("yes")))
                    != null) {
                throw new IllegalStateException(RESOURCE.substring(1) + " line " + line + ": scope " + f[0]
                        + " twice");
            }
        }
        return t;
    }

    /** The standard of a class (e.g. C1391): its longest listed scope, or null when the class is outside them all. */
    public Scope scope(String classCode) {
        for (int n = classCode.length(); n >= 1; n--) {
            Scope s = byScope.get(classCode.substring(0, n));
            if (s != null) {
                return s;
            }
        }
        return null;
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
                return "申报为四上单位，但上年营业收入 " + Row.plain(revenue) + " 千元低于" + standard + "标准 "
                        + thresholdThousand + " 千元；可作为四下样本单位入库";
            }
            return null;
        }
    }
}
