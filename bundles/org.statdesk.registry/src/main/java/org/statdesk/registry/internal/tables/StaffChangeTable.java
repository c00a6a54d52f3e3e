package org.statdesk.registry.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/** reg_staff_change: statistician changes (统计人员变动报备) with the handover of records. */
@Component(service = AuditedTable.class)
public final class StaffChangeTable extends RegisterTable {
    public static final String NAME = "reg_staff_change";

    public StaffChangeTable() {
        super(NAME, "credit_code || '/staff/' || CAST(id AS VARCHAR(20))", List.of("credit_code", "old_name",
                "new_name", "new_phone", "change_date", "handover", "reason"));
    }

    public static String key(String creditCode, long id) {
        return creditCode + "/staff/" + id;
    }

    /** Inserts a change; returns its id. */
    public static long insert(Connection c, String creditCode, String oldName, String newName, String newPhone,
            String day, String handover, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_staff_change (credit_code, old_name,"
                + " new_name, new_phone, change_date, handover, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            ps.setString(1, creditCode);
            ps.setString(2, oldName);
            ps.setString(3, newName);
            ps.setString(4, newPhone);
            ps.setString(5, day);
            ps.setString(6, handover);
            ps.setString(7, reason);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every change as {credit code, new statistician, change date}. */
    public static List<String[]> all(Connection c) throws SQLException {
        List<String[]> changes = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT credit_code, new_name, change_date FROM reg_staff_change")) {
            while (rs.next()) {
                changes.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return changes;
    }
}
