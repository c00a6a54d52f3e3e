package org.statdesk.review.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/**
 * {@code rev_evaluation}: the city's evaluation of a county's figures of a period and specialty (passed, returned,
 * reopened). Every statement on the table is here.
 */
public final class EvaluationTable {
    public static final String NAME = "rev_evaluation";
    private static final String SELECT = "SELECT county, result, note, checks, evaluator, evaluated_at FROM " + NAME
            + " WHERE period = ? AND specialty = ? ORDER BY county";
    private static final String DELETE = "DELETE FROM " + NAME + " WHERE period = ? AND specialty = ? AND county = ?";
    private static final String INSERT = "INSERT INTO " + NAME + " (period, specialty, county, result, note, checks,"
            + " evaluator, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** A stored evaluation; {@code checks} is the JSON of what was checked. */
    public record Row(String county, String result, String note, String checks, String evaluator, String at) {
    }

    private EvaluationTable() {
    }

    /** The record key the journal uses: {@code period/specialty/county}. */
    public static String key(String period, String specialty, String county) {
        return period + "/" + specialty + "/" + county;
    }

    /** The evaluations of a period and specialty by county. */
    public static Map<String, Row> read(Connection c, String period, String specialty) throws SQLException {
        Map<String, Row> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, period);
            ps.setString(2, specialty);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(6);
                    out.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), at == null ? null : at.toInstant().toString()));
                }
            }
        }
        return out;
    }

    /** Stores a county's evaluation, replacing the one before (delete and insert: the same on every database). */
    public static void write(Connection c, String period, String specialty, Row row) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(DELETE); PreparedStatement ins = c.prepareStatement(INSERT)) {
            del.setString(1, period);
            del.setString(2, specialty);
            del.setString(3, row.county());
            del.executeUpdate();
            ins.setString(1, period);
            ins.setString(2, specialty);
            ins.setString(3, row.county());
            ins.setString(4, row.result());
            ins.setString(5, row.note());
            ins.setString(6, row.checks());
            ins.setString(7, row.evaluator());
            ins.setTimestamp(8, new Timestamp(System.currentTimeMillis()));
            ins.executeUpdate();
        }
    }

    /** The evaluations the audit trail guards. */
    @Component(service = AuditedTable.class, property = SchemaImpl.TABLE + "=" + NAME)
    public static final class Audited extends GuardedTable {
        public Audited() {
            super(NAME, "period || '/' || specialty || '/' || county", List.of("result", "note", "checks",
                    "evaluator"));
        }
    }
}
