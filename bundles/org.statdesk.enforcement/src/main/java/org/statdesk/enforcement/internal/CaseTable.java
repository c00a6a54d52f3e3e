package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.AuditedTable;

/** The SQL of {@code enf_case}, the violation cases. */
final class CaseTable {
    static final String TABLE = "enf_case";
    static final List<String> COLUMNS = List.of("unit_code", "county_code", "violation", "facts", "decision",
            "penalty", "filed_on", "deadline", "status", "check_id", "closed_on");
    /** Widths of the free-text columns. */
    static final int FACTS = 4000;
    static final int DECISION = 4000;
    static final int PENALTY = 1000;
    /** The columns a case's update may set (named in SQL, so only these). */
    private static final Set<String> SETTABLE = Set.of("decision", "penalty", "deadline", "status", "closed_on");

    /** The cases under the audit trail. */
    @Component(service = AuditedTable.class)
    public static final class Audited extends AuditedById {
        @Activate
        public Audited(@Reference Schema schema) {
            super(TABLE, COLUMNS);
        }
    }

    /** A case as stored. */
    record Row(long id, String unitCode, String countyCode, String violation, String facts, String decision,
            String penalty, LocalDate filedOn, LocalDate deadline, String status, Long checkId, LocalDate closedOn) {
    }

    private CaseTable() {
    }

    /** Files a case (status filed); returns its id. */
    static long insert(Connection c, String unitCode, String countyCode, String violation, String facts,
            LocalDate filedOn, LocalDate deadline, Long checkId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_case (unit_code, county_code, violation, "
                + "facts, filed_on, deadline, status, check_id) VALUES (?, ?, ?, ?, ?, ?, 'filed', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, unitCode);
            ps.setString(2, countyCode);
            ps.setString(3, violation);
            ps.setString(4, facts);
            ps.setObject(5, filedOn);
            if (deadline == null) {
                ps.setNull(6, Types.DATE);
            } else {
                ps.setObject(6, deadline);
            }
            if (checkId == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, checkId);
            }
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    /** Sets one column of a case to text or a date. */
    static void set(Connection c, long id, String column, Object value) throws Exception {
        if (!SETTABLE.contains(column)) {
            throw new IllegalArgumentException("not a column a case update sets: " + column);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE enf_case SET " + column + " = ? WHERE id = ?")) {
            ps.setObject(1, value);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static List<Row> byId(Connection c, long id) throws Exception {
        return select(c, "id = ?", id);
    }

    static List<Row> byStatus(Connection c, String status) throws Exception {
        return status == null ? select(c, "1 = 1", null) : select(c, "status = ?", status);
    }

    private static List<Row> select(Connection c, String where, Object param) throws Exception {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, unit_code, county_code, violation, facts, "
                + "decision, penalty, filed_on, deadline, status, check_id, closed_on FROM enf_case WHERE " + where
                + " ORDER BY id")) {
            if (param != null) {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long check = rs.getLong(11);
                    Long checkId = rs.wasNull() ? null : check;
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                            rs.getObject(9, LocalDate.class), rs.getString(10), checkId,
                            rs.getObject(12, LocalDate.class)));
                }
            }
        }
        return out;
    }
}
