package org.statdesk.registry.internal.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.registry.internal.Application;
import org.statdesk.registry.internal.Row;

/** reg_unit: one row per application (app_id), the unit as applied for and its status. */
@Component(service = AuditedTable.class)
public final class UnitTable extends RegisterTable {
    public static final String NAME = "reg_unit";
    private static final int BATCH = 2000;
    private static final String SELECT = "SELECT app_id, credit_code, name, division_code, county_code,"
            + " industry_code, specialty, scale, revenue, qualification, address, statistician, phone, status,"
            + " opened, closed, status_reason, exit_kind FROM reg_unit";
    private static final String INSERT = "INSERT INTO reg_unit (app_id, credit_code, name, division_code,"
            + " county_code, industry_code, specialty, scale, revenue, qualification, address, statistician, phone,"
            + " status, opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public UnitTable() {
        super(NAME, "app_id", List.of("credit_code", "name", "division_code", "county_code", "industry_code",
                "specialty", "scale", "revenue", "qualification", "address", "statistician", "phone", "status",
                "status_reason", "exit_kind", "opened", "closed"));
    }

    /** A unit of the register that is neither rejected nor exited, as the checks compare new rows with it. */
    public record Live(String appId, String code, String name, String address, String county, String specialty,
            String status) {
    }

    /** Inserts rows with their app ids: admitted ones in the register since {@code today}, the others applied. */
    public static void insert(Connection c, List<String> ids, List<Row> rows, IntPredicate admitted, String today)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < rows.size(); i++) {
                boolean in = admitted.test(i);
                Row r = rows.get(i);
                ps.setString(1, ids.get(i));
                ps.setString(2, r.creditCode());
                ps.setString(3, r.name());
                ps.setString(4, r.divisionCode());
                ps.setString(5, r.countyCode());
                ps.setString(6, r.industryCode());
                ps.setString(7, r.specialty());
                ps.setString(8, r.scale());
                if (r.revenue() == null) {
                    ps.setNull(9, Types.DECIMAL);
                } else {
                    ps.setBigDecimal(9, money(r.revenue()));
                }
                ps.setString(10, r.qualification());
                ps.setString(11, r.address());
                ps.setString(12, r.statistician());
                ps.setString(13, r.phone());
                ps.setString(14, in ? Unit.IN_REGISTER : Application.APPLIED);
                ps.setString(15, in ? today : null);
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static BigDecimal money(double revenue) {
        return BigDecimal.valueOf(revenue).setScale(3, RoundingMode.HALF_UP);
    }

    /** How many applications each credit code has (for the app ids of new rows). */
    public static Map<String, Integer> applicationsPerCode(Connection c) throws SQLException {
        Map<String, Integer> count = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT credit_code, COUNT(*) FROM reg_unit GROUP BY credit_code")) {
            while (rs.next()) {
                count.put(rs.getString(1), rs.getInt(2));
            }
        }
        return count;
    }

    /** Units neither rejected nor exited, but those whose app id is in {@code except}. */
    public static List<Live> live(Connection c, Set<String> except) throws SQLException {
        List<Live> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT app_id, credit_code, name,"
                + " address, county_code, specialty, status FROM reg_unit WHERE status NOT IN ('rejected', 'exited')")) {
            while (rs.next()) {
                if (!except.contains(rs.getString(1))) {
                    out.add(new Live(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The applications of a credit code, or the one with app id {@code code} when {@code byApp}, by app id. */
    public static List<Application> applications(Connection c, String code, boolean byApp) throws SQLException {
        List<Application> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + (byApp ? " WHERE app_id = ?" : " WHERE credit_code = ?")
                + " ORDER BY app_id")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Application(rs.getString(1), unit(rs), rs.getString(17), rs.getString(18)));
                }
            }
        }
        return out;
    }

    /** Units matching a query (null fields match everything) within {@code scope}, by app id. */
    public static List<Unit> list(Connection c, UnitQuery q, Scope scope) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        where(sql, params, "county_code = ?", q.county());
        where(sql, params, "specialty = ?", q.specialty());
        where(sql, params, "county_code = ?", scope.county());
        where(sql, params, "specialty = ?", scope.specialty());
        where(sql, params, "status = ?", q.status());
        where(sql, params, "scale = ?", q.scale());
        where(sql, params, "name LIKE ?", q.text() == null ? null : "%" + q.text() + "%");
        sql.append(" ORDER BY app_id");
        List<Unit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(unit(rs));
                }
            }
        }
        return out;
    }

    static void where(StringBuilder sql, List<String> params, String condition, String value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static Unit unit(ResultSet rs) throws SQLException {
        BigDecimal rev = rs.getBigDecimal(9);
        return new Unit(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rev == null ? 0 : rev.doubleValue(), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16));
    }

    /** A step of the checks: the new status and its reason; {@code opened} is set when it enters the register. */
    public static void setStatus(Connection c, String appId, String status, String reason, String opened)
            throws SQLException {
        if (opened == null) {
            update(c, appId, "status = ?, status_reason = ?", status, reason);
        } else {
            update(c, appId, "status = ?, status_reason = ?, opened = ?", status, reason, opened);
        }
    }

    /** registry:exit: the row stays with its kind and date. */
    public static void exit(Connection c, String appId, String reason, String kind, String closed)
            throws SQLException {
        update(c, appId, "status = ?, status_reason = ?, exit_kind = ?, closed = ?", Application.EXITED, reason,
                kind, closed);
    }

    /** A statistician change (变动报备): the unit's new statistician and phone. */
    public static void setStatistician(Connection c, String appId, String name, String phone) throws SQLException {
        update(c, appId, "statistician = ?, phone = ?", name, phone);
    }

    /** registry:change: the changed row's fields (its statistician changes through {@link #setStatistician}). */
    public static void change(Connection c, String appId, Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reg_unit SET name = ?, division_code = ?,"
                + " county_code = ?, industry_code = ?, specialty = ?, scale = ?, revenue = ?, qualification = ?,"
                + " address = ?, phone = ? WHERE app_id = ?")) {
            ps.setString(1, r.name());
            ps.setString(2, r.divisionCode());
            ps.setString(3, r.countyCode());
            ps.setString(4, r.industryCode());
            ps.setString(5, r.specialty());
            ps.setString(6, r.scale());
            ps.setBigDecimal(7, money(r.revenue()));
            ps.setString(8, r.qualification());
            ps.setString(9, r.address());
            ps.setString(10, r.phone());
            ps.setString(11, appId);
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String appId, String set, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reg_unit SET " + set + " WHERE app_id = ?")) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.setString(values.length + 1, appId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no unit " + appId);
            }
        }
    }

    /** In-register units with a statistician within {@code scope}: credit code → {county, statistician}. */
    public static Map<String, String[]> statisticians(Connection c, Scope scope) throws SQLException {
        Map<String, String[]> staff = new java.util.TreeMap<>();
        StringBuilder sql = new StringBuilder("SELECT credit_code, county_code, statistician FROM reg_unit"
                + " WHERE status = 'in_register' AND statistician IS NOT NULL");
        List<String> params = new ArrayList<>();
        where(sql, params, "county_code = ?", scope.county());
        where(sql, params, "specialty = ?", scope.specialty());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    staff.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return staff;
    }
}
