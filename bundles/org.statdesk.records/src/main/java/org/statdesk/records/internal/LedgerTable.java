package org.statdesk.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code rec_ledger}: the units' own ledger totals (统计台账), indicator by indicator. All its SQL is here. */
final class LedgerTable {
    static final String NAME = "rec_ledger";

    private LedgerTable() {
    }

    static int deletePeriods(Connection c, Collection<String> periods) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM rec_ledger WHERE period = ?")) {
            for (String p : periods) {
                ps.setString(1, p);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    static void insert(Connection c, List<Batch.Ledger> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rec_ledger (credit_code, period, indicator, amount) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Batch.Ledger r : rows) {
                ps.setString(1, r.creditCode());
                ps.setString(2, r.period());
                ps.setString(3, r.indicator());
                ps.setDouble(4, r.amount());
                ps.addBatch();
                if (++pending == MonthlyTable.BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    static Map<String, NavigableMap<String, Map<String, Double>>> read(Connection c, String from, String to)
            throws SQLException {
        Map<String, NavigableMap<String, Map<String, Double>>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT credit_code, period, indicator, amount FROM rec_ledger"
                + " WHERE period >= ? AND period <= ?")) {
            ps.setString(1, from);
            ps.setString(2, to);
            ps.setFetchSize(MonthlyTable.BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashMap<>()).put(rs.getString(3),
                                    rs.getDouble(4));
                }
            }
        }
        return out;
    }

    static Optional<String> latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(period) FROM rec_ledger");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    static MonthlyTable.Extent extent(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT credit_code), MIN(period),"
                + " MAX(period) FROM rec_ledger"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new MonthlyTable.Extent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
        }
    }

    static Set<String> codes(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT credit_code FROM rec_ledger");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
