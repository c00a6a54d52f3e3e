package org.statdesk.registry.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/** reg_training: training records (培训记录) of unit statisticians. */
@Component(service = AuditedTable.class)
public final class TrainingTable extends RegisterTable {
    public static final String NAME = "reg_training";

    public TrainingTable() {
        super(NAME, "'training/' || CAST(id AS VARCHAR(20))", List.of("person_name", "credit_code", "county_code",
                "training_date", "course", "hours"));
    }

    public static String key(long id) {
        return "training/" + id;
    }

    /** A training as stored: person, unit (or null), county, day. */
    public record Attended(String person, String creditCode, String county, String day) {
    }

    /** Inserts a training; returns its id. */
    public static long insert(Connection c, String person, String creditCode, String county, String day,
            String course, Double hours) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_training (person_name, credit_code,"
                + " county_code, training_date, course, hours) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, person);
            ps.setString(2, creditCode);
            ps.setString(3, county);
            ps.setString(4, day);
            ps.setString(5, course);
            if (hours == null) {
                ps.setNull(6, Types.DOUBLE);
            } else {
                ps.setDouble(6, hours);
            }
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static List<Attended> all(Connection c) throws SQLException {
        List<Attended> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT person_name, credit_code,"
                + " county_code, training_date FROM reg_training")) {
            while (rs.next()) {
                out.add(new Attended(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }
}
