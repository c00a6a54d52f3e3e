package org.statdesk.store.internal.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** H2 2.x: SNAPSHOT isolation (its REPEATABLE READ reads each table as of its first read), INFORMATION_SCHEMA. */
public final class H2Dialect implements Dialect {
    @Override
    public void beginSnapshot(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
        }
    }

    @Override
    public List<Manifest.Sequence> sequences(Connection c) throws SQLException {
        List<Manifest.Sequence> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SEQUENCE_NAME, BASE_VALUE"
                + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA ORDER BY SEQUENCE_NAME")) {
            while (rs.next()) {
                out.add(new Manifest.Sequence(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2)));
            }
        }
        return out;
    }

    @Override
    public Identity identity(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, IDENTITY_BASE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?"
                + " AND IS_IDENTITY = 'YES'")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Identity(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2)) : null;
            }
        }
    }

    @Override
    public void streamResults(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
