package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.AuditedTable;

/** The SQL of {@code enf_check}, the checks of drawn targets, and what they led to (cases filed on them). */
final class CheckTable {
    static final String TABLE = "enf_check";
    static final List<String> COLUMNS = List.of("draw_id", "target_code", "county_code", "check_date",
            "failed_items", "note", "recorded_by");
    /** Width of {@code note}. */
    static final int NOTE = 2000;

    /** The checks under the audit trail. */
    @Component(service = AuditedTable.class)
    public static final class Audited extends AuditedById {
        @Activate
        public Audited(@Reference Schema schema) {
            super(TABLE, COLUMNS);
        }
    }

    /** A check as stored; {@code failedItems} comma-separated, empty when all passed. */
    record Row(long drawId, String targetCode, String countyCode, LocalDate date, String failedItems, String note) {
    }

    /** One check of a draw with the violation of a case filed on it (null: none). */
    record Result(String targetCode, LocalDate date, String failedItems, String violation) {
    }

    private CheckTable() {
    }

    static long insert(Connection c, Row r, String recordedBy) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_check (draw_id, target_code, county_code, "
                + "check_date, failed_items, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, r.drawId());
            ps.setString(2, r.targetCode());
            ps.setString(3, r.countyCode());
            ps.setObject(4, r.date());
            ps.setString(5, r.failedItems());
            ps.setString(6, r.note());
            ps.setString(7, recordedBy);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    /** The check, or null. */
    static Row find(Connection c, long id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT draw_id, target_code, county_code, check_date, "
                + "failed_items, note FROM enf_check WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)) : null;
            }
        }
    }

    /** The checks of a draw by date, each with the cases filed on it (a check with two cases: two results). */
    static List<Result> results(Connection c, long drawId) throws Exception {
        List<Result> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.target_code, k.check_date, k.failed_items, "
                + "s.violation FROM enf_check k LEFT JOIN enf_case s ON s.check_id = k.id WHERE k.draw_id = ? "
                + "ORDER BY k.check_date, k.id, s.id")) {
            ps.setLong(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Result(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }
}
