package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.statdesk.enforcement.internal.DrawEngine.Target;

/**
 * The SQL of {@code enf_draw_target}: one row per target, its inspectors inline (a draw holds tens of thousands of
 * targets; one row each keeps storing it within its time).
 */
final class DrawTargetTable {
    private DrawTargetTable() {
    }

    static void insert(Connection c, long drawId, List<Target> targets) throws Exception {
        try (PreparedStatement t = c.prepareStatement("INSERT INTO enf_draw_target (draw_id, seq, kind, code, "
                + "county_code, stratum, inspectors) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Target x : targets) {
                seq++;
                t.setLong(1, drawId);
                t.setInt(2, seq);
                t.setString(3, x.kind());
                t.setString(4, x.code());
                t.setString(5, x.countyCode());
                t.setString(6, x.stratum());
                t.setString(7, encodeTeam(x.inspectors()));
                t.addBatch();
                if (seq % 5000 == 0) {
                    t.executeBatch();
                }
            }
            t.executeBatch();
        }
    }

    /** The targets of a draw in the order drawn. */
    static List<Target> read(Connection c, long drawId) throws Exception {
        List<Target> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, code, county_code, stratum, inspectors FROM "
                + "enf_draw_target WHERE draw_id = ? ORDER BY seq")) {
            ps.setLong(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            decodeTeam(rs.getString(5))));
                }
            }
        }
        return out;
    }

    /** The target with this code (without its inspectors), or null. */
    static Target find(Connection c, long drawId, String code) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, code, county_code, stratum FROM "
                + "enf_draw_target WHERE draw_id = ? AND code = ?")) {
            ps.setLong(1, drawId);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        List.of()) : null;
            }
        }
    }

    /** Targets drawn per stratum. */
    static Map<String, Integer> drawnByStratum(Connection c, long drawId) throws Exception {
        return countBy(c, "SELECT stratum, COUNT(*) FROM enf_draw_target WHERE draw_id = ? GROUP BY stratum", drawId);
    }

    /** Targets checked at least once (enf_check) per stratum. */
    static Map<String, Integer> checkedByStratum(Connection c, long drawId) throws Exception {
        return countBy(c, "SELECT t.stratum, COUNT(DISTINCT t.code) FROM enf_draw_target t JOIN enf_check k ON "
                + "k.draw_id = t.draw_id AND k.target_code = t.code WHERE t.draw_id = ? GROUP BY t.stratum", drawId);
    }

    private static Map<String, Integer> countBy(Connection c, String sql, long id) throws Exception {
        Map<String, Integer> m = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return m;
    }

    /** Inspectors of a target as stored: certificate|name|county, separated by ';' (names cannot hold either). */
    static String encodeTeam(List<DrawEngine.Inspector> team) {
        StringBuilder sb = new StringBuilder();
        for (DrawEngine.Inspector i : team) {
            sb.append(sb.length() == 0 ? "" : ";").append(clean(i.id())).append('|').append(clean(i.name()))
                    .append('|').append(i.countyCode());
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return s.replace('|', '/').replace(';', ',');
    }

    static List<DrawEngine.Inspector> decodeTeam(String s) {
        List<DrawEngine.Inspector> out = new ArrayList<>(2);
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String part : s.split(";")) {
            String[] f = part.split("\\|", -1);
            out.add(new DrawEngine.Inspector(f[0], f[1], f[2]));
        }
        return out;
    }
}
