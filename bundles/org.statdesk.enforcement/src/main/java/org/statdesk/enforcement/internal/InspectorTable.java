package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.AuditedTable;

/** The SQL of {@code enf_inspector}, the inspector roster (执法人员名录). */
final class InspectorTable {
    static final String TABLE = "enf_inspector";
    static final List<String> COLUMNS = List.of("name", "certificate_no", "certificate_date", "county_code",
            "specialty", "exam_required");
    /** Column widths (V1__enforcement.sql), so that a long value is refused with a short message, not by SQL. */
    static final int NAME = 100;
    static final int CERTIFICATE_NO = 50;
    static final int SPECIALTY = 100;

    /** The roster's rows under the audit trail. */
    @Component(service = AuditedTable.class)
    public static final class Audited extends AuditedById {
        @Activate
        public Audited(@Reference Schema schema) {
            super(TABLE, COLUMNS);
        }
    }

    private InspectorTable() {
    }

    static List<String> ids(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM enf_inspector")) {
            while (rs.next()) {
                out.add(String.valueOf(rs.getLong(1)));
            }
        }
        return out;
    }

    static void deleteAll(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM enf_inspector");
        }
    }

    static void insert(Connection c, List<Roster.Inspector> inspectors) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_inspector (name, certificate_no, "
                + "certificate_date, county_code, specialty, exam_required) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Roster.Inspector i : inspectors) {
                ps.setString(1, i.name());
                ps.setString(2, i.certificateNo());
                if (i.certificateDate() == null) {
                    ps.setNull(3, Types.DATE);
                } else {
                    ps.setObject(3, i.certificateDate());
                }
                ps.setString(4, i.countyCode());
                ps.setString(5, i.specialty());
                ps.setBoolean(6, i.examRequired());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The roster, or one county's part of it ({@code county} null: all), by county and id. */
    static List<Roster.Inspector> list(Connection c, String county) throws Exception {
        List<Roster.Inspector> out = new ArrayList<>();
        // two statements rather than "? IS NULL OR ...": PostgreSQL cannot type an untyped null parameter
        String sql = "SELECT id, name, certificate_no, certificate_date, county_code, specialty, exam_required "
                + "FROM enf_inspector" + (county == null ? "" : " WHERE county_code = ?") + " ORDER BY county_code, id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (county != null) {
                ps.setString(1, county);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Roster.Inspector(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
                }
            }
        }
        return out;
    }
}
