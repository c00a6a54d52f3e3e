package org.statdesk.review.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.review.Flag;

/** {@code rev_flag}: review flags (审核疑问) with their workflow state; a flag is keyed by unit, indicator and rule. */
public final class FlagTable {
    public static final String NAME = "rev_flag";
    private static final String FLAG_COLUMNS = "id, credit_code, period, indicator, rule_id, kind, severity, val, "
            + "expected, score, message, status";
    private static final String SELECT_STORED = "SELECT id, credit_code, indicator, rule_id, status, val, expected, "
            + "kind, severity, score, message FROM " + NAME + " WHERE period = ? AND form = ?";
    private static final String UPDATE_RAISED = "UPDATE " + NAME + " SET kind = ?, severity = ?, val = ?, "
            + "expected = ?, score = ?, message = ?, status = ?, updated_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM " + NAME + " WHERE id = ?";
    private static final String INSERT = "INSERT INTO " + NAME + " (period, credit_code, form, specialty, "
            + "indicator, rule_id, kind, severity, val, expected, score, message, status, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)";
    private static final String SELECT_ONE = "SELECT " + FLAG_COLUMNS + ", form FROM " + NAME + " WHERE id = ?";
    private static final String NOT_ACCURATE = "SELECT DISTINCT credit_code FROM " + NAME + " WHERE period = ? AND "
            + "form = ? AND ((status = 'open' AND severity = 'error') OR status = 'corrected')";

    private FlagTable() {
    }

    /** A stored flag as a rerun compares it: which it is, its state and what it said. */
    public record Stored(long id, String key, String status, Double value, Double expected, String kind,
            String severity, double score, String message) {
    }

    /** A flag as the workflow finds it, with its form. */
    public record Found(Flag flag, String form) {
    }

    /** The identity of a flag across runs: {@code credit_code/indicator/rule}. */
    public static String identity(String creditCode, String indicator, String rule) {
        return creditCode + "/" + indicator + "/" + rule;
    }

    /** The flags stored for a period and form. */
    public static List<Stored> stored(Connection c, String period, String form) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_STORED)) {
            ps.setString(1, period);
            ps.setString(2, form);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getLong(1), identity(rs.getString(2), rs.getString(3), rs.getString(4)),
                            rs.getString(5), Sql.getNullable(rs, 6), Sql.getNullable(rs, 7), rs.getString(8),
                            rs.getString(9), rs.getDouble(10), rs.getString(11)));
                }
            }
        }
        return out;
    }

    /** Rewrites flags raised again ({@code flag} with the status it gets), as one batch. */
    public static void update(Connection c, List<Flag> flags, Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_RAISED)) {
            for (Flag f : flags) {
                ps.setString(1, f.kind());
                ps.setString(2, f.severity());
                ps.setDouble(3, f.value());
                Sql.setDouble(ps, 4, f.expected());
                ps.setDouble(5, f.score());
                ps.setString(6, f.message());
                ps.setString(7, f.status());
                ps.setTimestamp(8, now);
                ps.setLong(9, f.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static void delete(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Stores new flags (open) of a form; returns their ids in the same order. */
    public static List<Long> insert(Connection c, String period, String form, String specialty, List<Flag> flags,
            Timestamp now) throws SQLException {
        List<Long> ids = new ArrayList<>(flags.size());
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            for (Flag f : flags) {
                ps.setString(1, period);
                ps.setString(2, f.creditCode());
                ps.setString(3, form);
                ps.setString(4, specialty);
                ps.setString(5, f.indicator());
                ps.setString(6, f.rule());
                ps.setString(7, f.kind());
                ps.setString(8, f.severity());
                ps.setDouble(9, f.value());
                Sql.setDouble(ps, 10, f.expected());
                ps.setDouble(11, f.score());
                ps.setString(12, f.message());
                ps.setTimestamp(13, now);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The flags of a period (of one specialty, or all when null), unordered. */
    public static List<Flag> list(Connection c, String period, String specialty) throws SQLException {
        List<Flag> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FLAG_COLUMNS + " FROM " + NAME
                + " WHERE period = ?" + (specialty == null ? "" : " AND specialty = ?"))) {
            ps.setString(1, period);
            if (specialty != null) {
                ps.setString(2, specialty);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(flagOf(rs));
                }
            }
        }
        return out;
    }

    /** One flag by id, with its form; null when there is none. */
    public static Found find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Found(flagOf(rs), rs.getString(13)) : null;
            }
        }
    }

    /** Moves a flag to {@code status}; a non-null note replaces the flag's note. */
    public static void setStatus(Connection c, long id, String status, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + NAME + " SET status = ?, updated_at = ?"
                + (note == null ? "" : ", note = ?") + " WHERE id = ?")) {
            ps.setString(1, status);
            ps.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
            int i = 3;
            if (note != null) {
                ps.setString(i++, note);
            }
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    /** Units of a period and form with an open error flag or a corrected figure: not accurate (准确率). */
    public static Set<String> notAccurate(Connection c, String period, String form) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(NOT_ACCURATE)) {
            ps.setString(1, period);
            ps.setString(2, form);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static Flag flagOf(ResultSet rs) throws SQLException {
        return new Flag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDouble(8), Sql.getNullable(rs, 9), rs.getDouble(10),
                rs.getString(11), rs.getString(12));
    }

    /** The flags the audit trail guards: what was flagged, how badly (score), what it said and its state. */
    @Component(service = AuditedTable.class, property = SchemaImpl.TABLE + "=" + NAME)
    public static final class Audited extends GuardedTable {
        public Audited() {
            super(NAME, "CAST(id AS VARCHAR(20))", List.of("period", "credit_code", "form", "specialty", "indicator",
                    "rule_id", "kind", "severity", "val", "expected", "score", "message", "status", "note"));
        }
    }
}
