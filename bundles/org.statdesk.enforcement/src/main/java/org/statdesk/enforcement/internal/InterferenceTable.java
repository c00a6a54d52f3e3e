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

/** The SQL of {@code enf_interference}, the interference register. */
final class InterferenceTable {
    static final String TABLE = "enf_interference";
    static final List<String> COLUMNS = List.of("quarter", "entry_date", "official", "target", "request",
            "action_taken", "recorded_by");
    /** Widths of official, target, request and action taken. */
    static final int OFFICIAL = 200;
    static final int TARGET = 500;
    static final int REQUEST = 2000;
    static final int ACTION = 2000;

    /** The register under the audit trail. */
    @Component(service = AuditedTable.class)
    public static final class Audited extends AuditedById {
        @Activate
        public Audited(@Reference Schema schema) {
            super(TABLE, COLUMNS);
        }
    }

    private InterferenceTable() {
    }

    /** Adds an entry (texts as given, stripped by the caller); returns its id. */
    static long insert(Connection c, Interference.Entry e, LocalDate date) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_interference (quarter, entry_date, "
                + "official, target, request, action_taken, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, e.quarter());
            ps.setObject(2, date);
            ps.setString(3, e.official());
            ps.setString(4, e.target());
            ps.setString(5, e.request());
            ps.setString(6, e.actionTaken());
            ps.setString(7, e.recordedBy());
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    static List<Interference.Entry> byId(Connection c, long id) throws Exception {
        return select(c, "id = ?", id);
    }

    static List<Interference.Entry> byQuarter(Connection c, String quarter) throws Exception {
        return select(c, "quarter = ?", quarter);
    }

    private static List<Interference.Entry> select(Connection c, String where, Object param) throws Exception {
        List<Interference.Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, quarter, entry_date, official, target, request, "
                + "action_taken, recorded_by FROM enf_interference WHERE " + where + " ORDER BY entry_date, id")) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Interference.Entry(rs.getLong(1), rs.getString(2),
                            rs.getObject(3, LocalDate.class).toString(), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return out;
    }
}
