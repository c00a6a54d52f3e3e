package org.statdesk.store.internal.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The tables of the connection's schema and their columns, as JDBC's metadata tells them (any database). */
final class Schema {
    static final String HISTORY = "statdesk_schema_history";

    private Schema() {
    }

    /** Table name (lower case) to its columns in their order; sorted by name. */
    static Map<String, List<Manifest.Column>> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, List<Manifest.Column>> out = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String n : names) {
            Map<Integer, Manifest.Column> byPosition = new TreeMap<>();
            try (ResultSet rs = md.getColumns(null, schema, n, "%")) {
                while (rs.next()) {
                    String col = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    ColumnType type;
                    try {
                        type = ColumnType.ofJdbc(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                                rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"));
                    } catch (SQLException e) {
                        throw new SQLException("table " + n.toLowerCase(Locale.ROOT) + " column " + col + ": "
                                + e.getMessage(), e);
                    }
                    byPosition.put(rs.getInt("ORDINAL_POSITION"), new Manifest.Column(col, type,
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
                }
            }
            out.put(n.toLowerCase(Locale.ROOT), new ArrayList<>(byPosition.values()));
        }
        return out;
    }

    /** The newest applied migration of each bundle, from the migrations' history table. */
    static Map<String, Integer> versions(Connection c) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT owner, MAX(version) FROM "
                + HISTORY + " GROUP BY owner ORDER BY owner")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** Says how two column lists differ, or null when they are the same. */
    static String difference(List<Manifest.Column> backup, List<Manifest.Column> here) {
        if (backup.equals(here)) {
            return null;
        }
        Map<String, Manifest.Column> h = new HashMap<>();
        here.forEach(c -> h.put(c.name(), c));
        for (Manifest.Column b : backup) {
            Manifest.Column x = h.remove(b.name());
            if (x == null) {
                return "column " + b.name() + " is not in this installation's schema";
            }
            if (!x.equals(b)) {
                return "column " + b.name() + " is " + b.type() + (b.nullable() ? "" : " NOT NULL")
                        + " in the backup but " + x.type() + (x.nullable() ? "" : " NOT NULL") + " here";
            }
        }
        return h.isEmpty() ? "the columns are in another order" : "column " + h.keySet().iterator().next()
                + " is missing from the backup";
    }
}
