package org.statdesk.review.internal.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.statdesk.api.records.Records;
import org.statdesk.api.registry.Unit;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Period;
import org.statdesk.review.internal.tables.ReportTable;

/**
 * 台账规范达标率: per county, the share of the register's 四上 units of a specialty whose ledger (统计台账, imported as
 * records) covers every month they reported in the three years ending with the period. Computed here only.
 */
public final class LedgerCoverage {
    static final int MONTHS = 36;

    /** Units counted (reported at least once in the window), units covered, and the rate (null without units). */
    public record Coverage(int units, int covered, Double rate) {
    }

    private LedgerCoverage() {
    }

    /**
     * County code (and {@code all}) to its coverage; empty when no ledger was ever imported, or none of a unit that
     * reported these forms.
     */
    public static Map<String, Coverage> of(Connection c, Records records, Iterable<FormSpec> forms,
            Map<String, Unit> units, String period) throws SQLException {
        Map<String, Coverage> out = new TreeMap<>();
        if (records == null || records.latest(Records.LEDGER).isEmpty()) {
            return out;
        }
        String after = Period.shift(period, -MONTHS);
        Map<String, Set<String>> reported = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ReportTable.SELECT_REPORTED)) {
            for (FormSpec f : forms) {
                ps.setString(1, f.code());
                ps.setString(2, after);
                ps.setString(3, period);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reported.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
        }
        var ledger = records.ledger(Period.shift(after, 1), period);
        if (reported.keySet().stream().noneMatch(ledger::containsKey)) {
            return out; // no ledger of this specialty's units was imported: its rate is unknown, not 0%
        }
        Map<String, int[]> counts = new TreeMap<>();
        reported.forEach((code, months) -> {
            Unit u = units.get(code);
            if (u == null || !u.inRegister()) {
                return;
            }
            var mine = ledger.get(code);
            boolean covered = mine != null && mine.keySet().containsAll(months);
            for (String area : new String[] {u.countyCode(), "all"}) {
                int[] n = counts.computeIfAbsent(area, k -> new int[2]);
                n[0]++;
                n[1] += covered ? 1 : 0;
            }
        });
        counts.forEach((area, n) -> out.put(area, new Coverage(n[0], n[1],
                n[0] == 0 ? null : Math.round(10000.0 * n[1] / n[0]) / 10000.0)));
        return out;
    }
}
