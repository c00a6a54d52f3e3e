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

/** The SQL of {@code enf_item}, the rectification ledger's items. */
final class ItemTable {
    static final String TABLE = "enf_item";
    static final List<String> COLUMNS = List.of("source", "source_ref", "owner_code", "county_code", "problem",
            "evidence", "opened_on", "deadline", "status", "closing_evidence", "closed_on", "closed_by");
    /** Width of problem, evidence and closing evidence. */
    static final int TEXT = 2000;

    /** The ledger under the audit trail. */
    @Component(service = AuditedTable.class)
    public static final class Audited extends AuditedById {
        @Activate
        public Audited(@Reference Schema schema) {
            super(TABLE, COLUMNS);
        }
    }

    /** An item as stored. */
    record Row(long id, String source, String sourceRef, String ownerCode, String countyCode, String problem,
            String evidence, LocalDate openedOn, LocalDate deadline, String status, String closingEvidence,
            LocalDate closedOn, String closedBy) {
    }

    private ItemTable() {
    }

    /** Adds an open item; returns its id. */
    static long insert(Connection c, Ledger.NewItem n, String countyCode, LocalDate deadline) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_item (source, source_ref, owner_code, "
                + "county_code, problem, evidence, opened_on, deadline, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, n.source());
            ps.setString(2, n.sourceRef());
            ps.setString(3, n.ownerCode().strip());
            ps.setString(4, countyCode);
            ps.setString(5, n.problem().strip());
            ps.setString(6, n.evidence());
            ps.setObject(7, n.openedOn());
            ps.setObject(8, deadline);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    /** Closes the item if it is still open; false when it was not (closed meanwhile). */
    static boolean close(Connection c, long id, String evidence, LocalDate on, String by) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("UPDATE enf_item SET status = 'closed', "
                + "closing_evidence = ?, closed_on = ?, closed_by = ? WHERE id = ? AND status = 'open'")) {
            ps.setString(1, evidence);
            ps.setObject(2, on);
            ps.setString(3, by);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    static List<Row> byId(Connection c, long id) throws Exception {
        return select(c, "id = ?", id);
    }

    /** Every item, or one county's ({@code county} null: all), by id. */
    static List<Row> byCounty(Connection c, String county) throws Exception {
        return county == null ? select(c, "1 = 1", null) : select(c, "county_code = ?", county);
    }

    private static List<Row> select(Connection c, String where, Object param) throws Exception {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, source, source_ref, owner_code, county_code, "
                + "problem, evidence, opened_on, deadline, status, closing_evidence, closed_on, closed_by FROM enf_item "
                + "WHERE " + where + " ORDER BY id")) {
            if (param != null) {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                            rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11),
                            rs.getObject(12, LocalDate.class), rs.getString(13)));
                }
            }
        }
        return out;
    }
}
