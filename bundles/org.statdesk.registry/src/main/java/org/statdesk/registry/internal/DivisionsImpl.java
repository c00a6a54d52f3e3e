package org.statdesk.registry.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.statdesk.api.registry.Divisions;

/** The division list of Gansu from the bundled reference file. */
public final class DivisionsImpl implements Divisions {
    private final Map<String, Division> byCode = new LinkedHashMap<>();

    public static DivisionsImpl load() {
        try (InputStream in = DivisionsImpl.class.getResourceAsStream("/reference/gansu-divisions.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/gansu-divisions.csv is missing from the bundle");
            }
            DivisionsImpl d = new DivisionsImpl();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line; (line = r.readLine()) != null;) {
                String[] f = line.split(",", -1);
                if (f.length >= 4) {
                    d.byCode.put(f[0], new Division(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3]));
                }
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Division> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean isTownship(String code) {
        Division d = code == null ? null : byCode.get(code);
        return d != null && d.level().equals("township");
    }

    @Override
    public List<Division> townships(String prefix) {
        return level("township", prefix);
    }

    @Override
    public List<Division> counties(String cityCode) {
        return level("county", cityCode);
    }

    /**
     * Divisions of a level under a code: a city's code 620600 stands for every code beginning 6206, so the trailing
     * zero pairs of a 6-digit code are not part of the prefix.
     */
    private List<Division> level(String level, String code) {
        String prefix = code;
        while (prefix != null && prefix.length() > 2 && prefix.length() <= 6 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        List<Division> out = new ArrayList<>();
        for (Division d : byCode.values()) {
            if (d.level().equals(level) && (prefix == null || d.code().startsWith(prefix))) {
                out.add(d);
            }
        }
        return out;
    }

    /** Names of the province, cities and counties: place prefixes that name normalisation strips. */
    List<String> placeNames() {
        List<String> out = new ArrayList<>();
        for (Division d : byCode.values()) {
            if (d.level().equals("province") || d.level().equals("city") || d.level().equals("county")) {
                out.add(d.name());
                String n = d.name();
                if (n.length() > 2 && "省市区县".indexOf(n.charAt(n.length() - 1)) >= 0) {
                    out.add(n.substring(0, n.length() - 1));
                }
            }
        }
        // Longest first, so 武威市 is stripped as a whole rather than leaving 市.
        out.sort((a, b) -> b.length() - a.length());
        return out;
    }
}
