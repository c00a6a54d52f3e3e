package org.statdesk.registry.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/**
 * reg_spotcheck: a spot-check draw (实地核查抽查) with what makes it reproducible. Guarded by the audit trail: a
 * changed seed, share or population hash would make a different list look like the one drawn.
 */
@Component(service = AuditedTable.class)
public final class SpotCheckTable extends RegisterTable {
    public static final String NAME = "reg_spotcheck";

    public SpotCheckTable() {
        super(NAME, "draw_id", List.of("drawn_at", "drawn_by", "seed", "share", "filter_text", "population_size",
                "population_hash", "algorithm"));
    }

    public static void insert(Connection c, String drawId, String drawnAt, String drawnBy, long seed, double share,
            String filter, int populationSize, String populationHash, String algorithm) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_spotcheck (draw_id, drawn_at, drawn_by,"
                + " seed, share, filter_text, population_size, population_hash, algorithm)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, drawId);
            ps.setString(2, drawnAt);
            ps.setString(3, drawnBy);
            ps.setLong(4, seed);
            ps.setDouble(5, share);
            ps.setString(6, filter);
            ps.setInt(7, populationSize);
            ps.setString(8, populationHash);
            ps.setString(9, algorithm);
            ps.executeUpdate();
        }
    }

    /** Draws so far (the next draw's number is one more). */
    public static int count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM reg_spotcheck")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
