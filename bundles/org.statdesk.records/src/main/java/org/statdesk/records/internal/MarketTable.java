package org.statdesk.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statdesk.api.records.Records;

/** {@code rec_market}: the market registrations (市场主体登记), one per credit code. All its SQL is here. */
final class MarketTable {
    static final String NAME = "rec_market";

    private MarketTable() {
    }

    /** Deletes the registrations of the codes of {@code rows}; returns how many there were. */
    static int deleteCodes(Connection c, List<Batch.Market> rows) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM rec_market WHERE credit_code = ?")) {
            int pending = 0;
            for (Batch.Market r : rows) {
                ps.setString(1, r.creditCode());
                ps.addBatch();
                if (++pending == MonthlyTable.BATCH) {
                    n += sum(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                n += sum(ps.executeBatch());
            }
        }
        return n;
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int k : counts) {
            n += Math.max(k, 0);
        }
        return n;
    }

    static void insert(Connection c, List<Batch.Market> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rec_market (credit_code, name, status,"
                + " status_date, industry_code, division_code, registered_capital) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Batch.Market r : rows) {
                ps.setString(1, r.creditCode());
                ps.setString(2, r.name());
                ps.setString(3, r.status());
                ps.setString(4, r.statusDate());
                ps.setString(5, r.industryCode());
                ps.setString(6, r.divisionCode());
                if (r.registeredCapital() == null) {
                    ps.setNull(7, Types.DOUBLE);
                } else {
                    ps.setDouble(7, r.registeredCapital());
                }
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

    static Map<String, Records.MarketRecord> read(Connection c) throws SQLException {
        Map<String, Records.MarketRecord> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT credit_code, name, status, status_date, industry_code,"
                + " division_code, registered_capital FROM rec_market"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double capital = rs.getDouble(7);
                Double cap = rs.wasNull() ? null : capital;
                out.put(rs.getString(1), new Records.MarketRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), cap));
            }
        }
        return out;
    }

    /** Registrations, and the first and latest status date (null when none is given). */
    static MonthlyTable.Extent extent(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(status_date), MAX(status_date)"
                + " FROM rec_market"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new MonthlyTable.Extent(rs.getLong(1), rs.getLong(1), rs.getString(2), rs.getString(3));
        }
    }

    /** How many registrations are of each status. */
    static Map<String, Long> statuses(Connection c) throws SQLException {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM rec_market GROUP BY status");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
