package org.statdesk.review.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/**
 * {@code rev_form_slot}: which value column of {@link ReportTable} holds which indicator of a form. Slots are never
 * reused; a changed slot would swap figures (工业总产值 for 工业销售产值) in every report of the form.
 */
public final class FormSlotTable {
    public static final String NAME = "rev_form_slot";
    private static final String SELECT = "SELECT indicator, slot FROM " + NAME + " WHERE form = ?";
    private static final String INSERT = "INSERT INTO " + NAME + " (form, indicator, slot) VALUES (?, ?, ?)";

    private FormSlotTable() {
    }

    /** The record key the journal uses: {@code form/indicator}. */
    public static String key(String form, String indicator) {
        return form + "/" + indicator;
    }

    /** Slot (1..16) of each indicator of a form that has one. */
    public static Map<String, Integer> read(Connection c, String form) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, form);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /** Gives the indicators their slots (form, indicator, slot). */
    public static void insert(Connection c, String form, List<Map.Entry<String, Integer>> slots) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Map.Entry<String, Integer> s : slots) {
                ps.setString(1, form);
                ps.setString(2, s.getKey());
                ps.setInt(3, s.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The slots the audit trail guards. */
    @Component(service = AuditedTable.class, property = SchemaImpl.TABLE + "=" + NAME)
    public static final class Audited extends GuardedTable {
        public Audited() {
            super(NAME, "form || '/' || indicator", List.of("slot"));
        }
    }
}
