package org.statdesk.review.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/** {@code rev_period}: the status of a period of a specialty (collecting, reviewed, evaluated, released). */
public final class PeriodTable {
    public static final String NAME = "rev_period";
    private static final String SELECT = "SELECT status, note FROM " + NAME + " WHERE period = ? AND specialty = ?";
    private static final String DELETE = "DELETE FROM " + NAME + " WHERE period = ? AND specialty = ?";
    private static final String INSERT = "INSERT INTO " + NAME + " (period, specialty, status, note, updated_at) "
            + "VALUES (?, ?, ?, ?, ?)";

    private PeriodTable() {
    }

    /** The record key the journal uses: {@code period/specialty}. */
    public static String key(String period, String specialty) {
        return period + "/" + specialty;
    }

    /** Status and note, or null when the period has none stored (it is then collecting). */
    public static String[] read(Connection c, String period, String specialty) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, period);
            ps.setString(2, specialty);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    /** Stores the period's status (replacing the one before; delete and insert is the same on every database). */
    public static void write(Connection c, String period, String specialty, String status, String note)
            throws SQLException {
        try (PreparedStatement del = c.prepareStatement(DELETE); PreparedStatement ins = c.prepareStatement(INSERT)) {
            del.setString(1, period);
            del.setString(2, specialty);
            del.executeUpdate();
            ins.setString(1, period);
            ins.setString(2, specialty);
            ins.setString(3, status);
            ins.setString(4, note);
            ins.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
            ins.executeUpdate();
        }
    }

    /** The statuses the audit trail guards. */
    @Component(service = AuditedTable.class, property = SchemaImpl.TABLE + "=" + NAME)
    public static final class Audited extends GuardedTable {
        public Audited() {
            super(NAME, "period || '/' || specialty", List.of("status", "note"));
        }
    }
}
