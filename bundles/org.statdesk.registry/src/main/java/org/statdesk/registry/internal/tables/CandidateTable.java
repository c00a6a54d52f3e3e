package org.statdesk.registry.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/** reg_candidate: the resolutions of 应统尽统 candidates (applied, exited, explained), one per unit and kind. */
@Component(service = AuditedTable.class)
public final class CandidateTable extends RegisterTable {
    public static final String NAME = "reg_candidate";

    public CandidateTable() {
        super(NAME, "credit_code || '/' || kind", List.of("credit_code", "kind", "result", "reason", "evidence",
                "resolved_on"));
    }

    /** A stored resolution. */
    public record Resolution(String creditCode, String kind, String result, String reason, String evidence,
            String resolvedOn) {
    }

    public static String key(String creditCode, String kind) {
        return creditCode + "/" + kind;
    }

    public static void insert(Connection c, Resolution r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + NAME
                + " (credit_code, kind, result, reason, evidence, resolved_on) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.creditCode());
            ps.setString(2, r.kind());
            ps.setString(3, r.result());
            ps.setString(4, r.reason());
            ps.setString(5, r.evidence());
            ps.setString(6, r.resolvedOn());
            ps.executeUpdate();
        }
    }

    /** Every resolution, by {@link #key}. */
    public static Map<String, Resolution> all(Connection c) throws SQLException {
        Map<String, Resolution> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT credit_code, kind, result, reason, evidence, "
                + "resolved_on FROM " + NAME + " ORDER BY credit_code, kind");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Resolution r = new Resolution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                out.put(key(r.creditCode(), r.kind()), r);
            }
        }
        return out;
    }
}
