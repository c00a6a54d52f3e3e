package org.statdesk.registry.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.people.Scope;
import org.statdesk.registry.internal.Finding;
import org.statdesk.registry.internal.StoredFinding;

/**
 * reg_finding: findings of the checks (核查发现), kept when resolved. The digest covers the score too: a
 * possible_duplicate's score decides whether a finding is raised, so changing it is changing a verdict.
 */
@Component(service = AuditedTable.class)
public final class FindingTable extends RegisterTable {
    public static final String NAME = "reg_finding";

    public FindingTable() {
        super(NAME, "app_id || '/finding/' || CAST(id AS VARCHAR(20))", List.of("app_id", "credit_code", "check_id",
                "severity", "message", "other_code", "score", "resolved_by", "resolved_reason"));
    }

    /** The audit key of a finding. */
    public static String key(String appId, long id) {
        return appId + "/finding/" + id;
    }

    /** Inserts findings; returns their audit keys in the same order. */
    public static List<String> insert(Connection c, List<Finding> findings) throws SQLException {
        List<String> keys = new ArrayList<>(findings.size());
        if (findings.isEmpty()) {
            return keys;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_finding (app_id, credit_code, check_id,"
                + " severity, message, other_code, score) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            for (Finding f : findings) {
                ps.setString(1, f.appId());
                ps.setString(2, f.creditCode());
                ps.setString(3, f.check());
                ps.setString(4, f.severity());
                ps.setString(5, f.message());
                ps.setString(6, f.otherCode());
                if (f.score() == null) {
                    ps.setNull(7, Types.DOUBLE);
                } else {
                    ps.setDouble(7, f.score());
                }
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                int i = 0;
                while (rs.next()) {
                    keys.add(key(findings.get(i++).appId(), rs.getLong(1)));
                }
            }
        }
        if (keys.size() != findings.size()) {
            throw new SQLException("the database returned " + keys.size() + " keys for " + findings.size()
                    + " findings");
        }
        return keys;
    }

    /** Findings of an app id and check (null: all), optionally only open ones, in the order they were found. */
    public static List<StoredFinding> find(Connection c, String appId, String check, boolean openOnly, Scope scope)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, app_id, credit_code, check_id, severity, message, other_code,"
                + " score, resolved_by, resolved_reason FROM reg_finding WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        UnitTable.where(sql, params, "app_id = ?", appId);
        UnitTable.where(sql, params, "check_id = ?", check);
        UnitTable.where(sql, params, "app_id IN (SELECT app_id FROM reg_unit WHERE county_code = ?)", scope.county());
        UnitTable.where(sql, params, "app_id IN (SELECT app_id FROM reg_unit WHERE specialty = ?)",
                scope.specialty());
        if (openOnly) {
            sql.append(" AND resolved_by IS NULL");
        }
        sql.append(" ORDER BY id");
        List<StoredFinding> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(8);
                    out.add(new StoredFinding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.wasNull() ? null : score,
                            rs.getString(9) != null, rs.getString(9), rs.getString(10)));
                }
            }
        }
        return out;
    }

    /** Marks a finding resolved, by whom and why. */
    public static void resolve(Connection c, long id, String by, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reg_finding SET resolved_by = ?, resolved_reason = ?"
                + " WHERE id = ?")) {
            ps.setString(1, by);
            ps.setString(2, why);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }
}
