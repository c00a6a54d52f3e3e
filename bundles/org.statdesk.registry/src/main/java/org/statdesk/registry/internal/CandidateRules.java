package org.statdesk.registry.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.statdesk.api.records.Records.MarketRecord;
import org.statdesk.api.registry.Unit;

/**
 * 应统尽统: which units should enter the register and which should leave it, from the market registrations and the
 * tax records. Pure: given the register's applications, the market records and the 12 months of invoices, it says
 * the candidates; what is shown, resolved and stored is the caller's.
 * <ul>
 * <li>missing (新生和成长性达标企业): active in the market registrations (存续, 在业, 开业), with no live application
 * (in the register, applied or county-checked), whose invoiced sales over the 12 months ending with the as-of month
 * meet the 四上 threshold of their industry (the market record's class, {@code entry-thresholds.csv}); a class with
 * no threshold (construction, real-estate development) or outside every standard gives no candidate;</li>
 * <li>exit: in the register, and 注销, 吊销 or 迁出 in the market registrations.</li>
 * </ul>
 */
public final class CandidateRules {
    /** Months of invoices summed against the threshold. */
    public static final int MONTHS = 12;

    private CandidateRules() {
    }

    /**
     * A unit to bring in: its market record, the standard it meets (industry class resolved with its section letter,
     * specialty, standard, threshold in 千元) and the evidence: the 12 months' invoiced sales and how many had records.
     */
    public record Missing(MarketRecord market, String industryCode, String specialty, String standard,
            int threshold, double invoiced, int monthsWithRecords, String from, String to) {
        public String countyCode() {
            return market.divisionCode() == null || market.divisionCode().length() < 6 ? null
                    : market.divisionCode().substring(0, 6);
        }
    }

    /** A unit to take out: its register entry and its market record (status and date). */
    public record Exit(Unit unit, MarketRecord market) {
    }

    /** The 12 months ending with {@code asOf}: its first month. */
    public static String from(String asOf) {
        java.time.YearMonth m = java.time.YearMonth.parse(asOf).minusMonths(MONTHS - 1);
        return m.toString();
    }

    /** Whether a code has a live application (in the register, applied, county-checked). */
    static Map<String, Boolean> live(List<Unit> applications) {
        Map<String, Boolean> out = new HashMap<>();
        for (Unit u : applications) {
            out.merge(u.creditCode(), Application.rank(u.status()) < 2, Boolean::logicalOr);
        }
        return out;
    }

    public static List<Missing> missing(Map<String, MarketRecord> market, List<Unit> applications,
            Map<String, NavigableMap<String, Double>> invoices, String asOf, Industries industries,
            EntryThresholds thresholds) {
        Map<String, Boolean> live = live(applications);
        String from = from(asOf);
        List<Missing> out = new ArrayList<>();
        for (MarketRecord m : market.values()) {
            if (!m.active() || live.getOrDefault(m.creditCode(), false)) {
                continue;
            }
            NavigableMap<String, Double> months = invoices.get(m.creditCode());
            if (months == null) {
                continue;
            }
            Industries.Resolved cls = industries.resolve(m.industryCode());
            EntryThresholds.Scope s = cls.code() == null ? null : thresholds.scope(cls.code());
            if (s == null || s.thresholdThousand() == null) {
                continue; // no 四上 revenue standard for the class (or no class at all): nothing to meet
            }
            double sum = 0;
            int n = 0;
            for (Map.Entry<String, Double> e : months.subMap(from, true, asOf, true).entrySet()) {
                sum += e.getValue();
                n++;
            }
            if (n > 0 && sum >= s.thresholdThousand()) {
                out.add(new Missing(m, cls.code(), s.specialty(), s.standard(), s.thresholdThousand(), sum, n, from,
                        asOf));
            }
        }
        out.sort(Comparator.comparing((Missing x) -> x.market().creditCode()));
        return out;
    }

    public static List<Exit> exits(Map<String, MarketRecord> market, List<Unit> applications) {
        List<Exit> out = new ArrayList<>();
        for (Unit u : applications) {
            MarketRecord m = market.get(u.creditCode());
            if (u.inRegister() && m != null && m.gone()) {
                out.add(new Exit(u, m));
            }
        }
        out.sort(Comparator.comparing((Exit x) -> x.unit().creditCode()));
        return out;
    }
}
