package org.statdesk.charts.internal;

import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.registry.Unit;

/**
 * Strata (分层) of a form's stratification, merged upward while too small, exactly as the review tests them:
 * all the form's fields; then dropping the last field while more than one is left; then coarsening an industry
 * field class → group → division → section; then all units ({@code *}). For {@code [industry_division, county]}:
 * division × county, division, section, all. The review bundle keeps its own copy (its package is private); the
 * two must agree, which ChartDataTest checks on a worked example.
 */
final class Strata {
    private static final List<String> INDUSTRY = List.of("industry_class", "industry_group", "industry_division",
            "industry_section");

    private Strata() {
    }

    static List<List<String>> levels(List<String> stratification) {
        List<List<String>> out = new ArrayList<>();
        List<String> f = new ArrayList<>(stratification == null ? List.of() : stratification);
        if (!f.isEmpty()) {
            out.add(List.copyOf(f));
        }
        while (f.size() > 1) {
            f.remove(f.size() - 1);
            out.add(List.copyOf(f));
        }
        if (f.size() == 1 && INDUSTRY.contains(f.get(0))) {
            for (int i = INDUSTRY.indexOf(f.get(0)) + 1; i < INDUSTRY.size(); i++) {
                out.add(List.of(INDUSTRY.get(i)));
            }
        }
        out.add(List.of());
        return out;
    }

    static String field(Unit u, String field) {
        String ind = u.industryCode() == null ? "" : u.industryCode();
        // the register writes classes with their section letter (C1391); the digits start after it
        int d = !ind.isEmpty() && Character.isLetter(ind.charAt(0)) ? 1 : 0;
        switch (field) {
            case "industry_class": return ind;
            case "industry_group": return ind.substring(0, Math.min(ind.length(), d + 3));
            case "industry_division": return ind.substring(0, Math.min(ind.length(), d + 2));
            case "industry_section": return d == 1 ? ind.substring(0, 1) : "?";
            case "county": return u.countyCode();
            case "township": return u.divisionCode();
            default: return "?";
        }
    }

    static String key(Unit u, List<String> fields) {
        if (fields.isEmpty()) {
            return "*";
        }
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (b.length() > 0) {
                b.append('×');
            }
            b.append(u == null ? "?" : field(u, f));
        }
        return b.toString();
    }
}
