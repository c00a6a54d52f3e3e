package org.statdesk.store.internal.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: a REPEATABLE READ read-only transaction sees every table as of its first statement; sequences and
 * identity columns read from the catalog of the connection's schema (an identity column's sequence is not one of
 * the schema's own sequences: restoring the column restarts it).
 */
public final class PgDialect implements Dialect {
    @Override
    public void beginSnapshot(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
    }

    @Override
    public List<Manifest.Sequence> sequences(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.relname FROM pg_class s JOIN pg_namespace n ON"
                + " n.oid = s.relnamespace WHERE s.relkind = 'S' AND n.nspname = current_schema() AND NOT EXISTS"
                + " (SELECT 1 FROM pg_depend d WHERE d.objid = s.oid AND d.deptype IN ('a', 'i')) ORDER BY s.relname");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<Manifest.Sequence> out = new ArrayList<>();
        for (String n : names) {
            out.add(new Manifest.Sequence(n, next(c, n)));
        }
        return out;
    }

    @Override
    public Identity identity(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, pg_get_serial_sequence(quote_ident(?),"
                + " column_name) FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? AND is_identity = 'YES'")) {
            ps.setString(1, table);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Identity(rs.getString(1), next(c, rs.getString(2))) : null;
            }
        }
    }

    /** The value a sequence hands out next (StatDesk's sequences all count up by one). */
    private static long next(Connection c, String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_value, is_called FROM " + sequence);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(2) ? rs.getLong(1) + 1 : rs.getLong(1);
        }
    }

    @Override
    public void streamResults(Connection c, boolean on) {
        // the fetch size of the reading statement does it (BackupWriter sets one)
    }
}
