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

/** {@code rec_monthly}: the monthly figures of the tax and power sources. All its SQL is here. */
final class MonthlyTable {
    static final String NAME = "rec_monthly";
    /** Rows sent to the database at a time: large enough that a province file is a few hundred round trips. */
    static final int BATCH = 5000;

    private MonthlyTable() {
    }

    /** Deletes {@code source}'s records of {@code periods}; returns how many there were. */
    static int deletePeriods(Connection c, String source, Collection<String> periods) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM rec_monthly WHERE source = ? AND period = ?")) {
            for (String p : periods) {
                ps.setString(1, source);
                ps.setString(2, p);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    static void insert(Connection c, String source, List<Batch.Monthly> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rec_monthly (source, credit_code, period, amount) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Batch.Monthly r : rows) {
                ps.setString(1, source);
                ps.setString(2, r.creditCode());
                ps.setString(3, r.period());
                ps.setDouble(4, r.amount());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** credit code → period → figure of {@code source} for the periods {@code from} to {@code to}. */
    static Map<String, NavigableMap<String, Double>> read(Connection c, String source, String from, String to)
            throws SQLException {
        Map<String, NavigableMap<String, Double>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT credit_code, period, amount FROM rec_monthly"
                + " WHERE source = ? AND period >= ? AND period <= ?")) {
            ps.setString(1, source);
            ps.setString(2, from);
            ps.setString(3, to);
            ps.setFetchSize(BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getDouble(3));
                }
            }
        }
        return out;
    }

    static Optional<String> latest(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(period) FROM rec_monthly WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records, units, first and latest period of {@code source}. */
    static Extent extent(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT credit_code), MIN(period),"
                + " MAX(period) FROM rec_monthly WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Extent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    static Set<String> codes(Connection c, String source) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT credit_code FROM rec_monthly WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** How much a source holds: records, distinct units, first and latest period (null when empty). */
    record Extent(long records, long units, String first, String latest) {
    }
}
