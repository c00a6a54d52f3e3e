package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;

/** The SQL of {@code enf_draw} (a draw's seed, population hash, rules, digest) and {@code enf_draw_year}. */
final class DrawTable {
    static final String TABLE = "enf_draw";
    static final List<String> COLUMNS = List.of("draw_year", "seed", "population_hash", "algorithm", "rules",
            "result_digest", "status", "replaced_by", "replace_reason", "drawn_on", "drawn_by");

    /** The draw rows under the audit trail (their targets are guarded by the digest in them). */
    @Component(service = AuditedTable.class)
    public static final class Audited extends AuditedById {
        @Activate
        public Audited(@Reference Schema schema) {
            super(TABLE, COLUMNS);
        }
    }

    /** A new draw's row. */
    record NewDraw(int year, long seed, String seedSource, String populationHash, String algorithm, String rules,
            Map<String, Integer> counts, String digest, LocalDate drawnOn, String drawnBy) {
    }

    private DrawTable() {
    }

    static long insert(Connection c, NewDraw d) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_draw (draw_year, seed, seed_source, "
                + "population_hash, algorithm, rules, population_counts, result_digest, status, drawn_on, "
                + "drawn_at, drawn_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, d.year());
            ps.setLong(2, d.seed());
            ps.setString(3, d.seedSource());
            ps.setString(4, d.populationHash());
            ps.setString(5, d.algorithm());
            ps.setString(6, d.rules());
            ps.setString(7, encodeCounts(d.counts()));
            ps.setString(8, d.digest());
            ps.setObject(9, d.drawnOn());
            ps.setTimestamp(10, new Timestamp(System.currentTimeMillis()));
            ps.setString(11, d.drawnBy());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void markReplaced(Connection c, long old, long by, String reason) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE enf_draw SET status = 'replaced', replaced_by = ?, replace_reason = ? WHERE id = ?")) {
            ps.setLong(1, by);
            ps.setString(2, reason);
            ps.setLong(3, old);
            ps.executeUpdate();
        }
    }

    /**
     * Makes {@code newId} the year's active draw in {@code enf_draw_year}: a first draw inserts the year (a
     * concurrent first draw hits the primary key), a replacement moves it from the draw it replaces (a concurrent
     * replacement finds it moved). Either way the loser draws nothing.
     */
    static void claimYear(Connection c, int year, Long replaced, long newId) throws Exception {
        BadInputException raced = Inputs.bad(InputError.of("year", String.valueOf(year),
                year + " 年的抽取刚刚由他人完成或替代，本次未抽取；请先用 enforcement:draws 查看"));
        if (replaced == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO enf_draw_year (draw_year, active_id) VALUES (?, ?)")) {
                ps.setInt(1, year);
                ps.setLong(2, newId);
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                if ("23505".equals(e.getSQLState())) { // unique violation, the same code in H2 and PostgreSQL
                    throw raced;
                }
                throw e;
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE enf_draw_year SET active_id = ? WHERE draw_year = ? AND active_id = ?")) {
                ps.setLong(1, newId);
                ps.setInt(2, year);
                ps.setLong(3, replaced);
                if (ps.executeUpdate() != 1) {
                    throw raced;
                }
            }
        }
    }

    static List<Draws.DrawSummary> list(Connection c, Integer year) throws Exception {
        List<Draws.DrawSummary> out = new ArrayList<>();
        // two statements rather than "? IS NULL OR ...": PostgreSQL cannot type an untyped null parameter
        String sql = "SELECT d.id, d.draw_year, d.seed, d.status, d.population_hash, d.drawn_on, d.drawn_by, "
                + "d.replaced_by, d.replace_reason, (SELECT COUNT(*) FROM enf_draw_target t WHERE t.draw_id = d.id) "
                + "FROM enf_draw d" + (year == null ? "" : " WHERE d.draw_year = ?")
                + " ORDER BY d.draw_year DESC, d.id DESC";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (year != null) {
                ps.setInt(1, year);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rb = rs.getLong(8);
                    Long replacedBy = rs.wasNull() ? null : rb; // right after reading column 8, not later
                    out.add(new Draws.DrawSummary(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getInt(10), rs.getObject(6, LocalDate.class).toString(),
                            rs.getString(7), replacedBy, rs.getString(9)));
                }
            }
        }
        return out;
    }

    static Draws.Header header(Connection c, long id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT draw_year, seed, seed_source, population_hash, "
                + "algorithm, rules, population_counts, result_digest, status, drawn_on, drawn_by FROM enf_draw "
                + "WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Inputs.bad(InputError.of("id", String.valueOf(id), "没有此编号的抽取"));
                }
                return new Draws.Header(id, rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), DrawEngine.Rules.decode(rs.getString(6)), decodeCounts(rs.getString(7)),
                        rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11));
            }
        }
    }

    /** The draw that {@code id} replaced, or null. */
    static Long replaced(Connection c, long id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM enf_draw WHERE replaced_by = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static String encodeCounts(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    static Map<String, Integer> decodeCounts(String s) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String part : s.split(";")) {
            int eq = part.indexOf('=');
            m.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
        }
        return m;
    }
}
