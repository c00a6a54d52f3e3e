package org.statdesk.registry.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/**
 * reg_spotcheck_unit: the units of a draw in draw order. Guarded: swapping a unit in the list changes who is
 * checked. The key ({@code DRAW:ordinal}) is not a path of the draw id, so a draw's history stays its one entry.
 */
@Component(service = AuditedTable.class)
public final class SpotCheckUnitTable extends RegisterTable {
    public static final String NAME = "reg_spotcheck_unit";

    public SpotCheckUnitTable() {
        super(NAME, "draw_id || ':' || CAST(ordinal AS VARCHAR(10))", List.of("draw_id", "ordinal", "credit_code"));
    }

    /** Inserts the members in draw order; returns their audit keys. */
    public static List<String> insert(Connection c, String drawId, List<String> members) throws SQLException {
        List<String> keys = new ArrayList<>(members.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_spotcheck_unit (draw_id, ordinal,"
                + " credit_code) VALUES (?, ?, ?)")) {
            for (int i = 0; i < members.size(); i++) {
                ps.setString(1, drawId);
                ps.setInt(2, i + 1);
                ps.setString(3, members.get(i));
                ps.addBatch();
                keys.add(drawId + ":" + (i + 1));
            }
            ps.executeBatch();
        }
        return keys;
    }
}
