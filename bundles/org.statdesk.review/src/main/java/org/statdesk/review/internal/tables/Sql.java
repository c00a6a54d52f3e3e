package org.statdesk.review.internal.tables;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Nullable doubles as the review tables keep them: NaN in memory is NULL in the database. */
public final class Sql {
    private Sql() {
    }

    public static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    public static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        setDouble(ps, i, v == null ? Double.NaN : v);
    }

    /** Column {@code i} of the current row, NaN for NULL. */
    public static double getDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Column {@code i} of the current row, null for NULL. */
    public static Double getNullable(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    /** A figure as the journal writes it: whole numbers without ".0", NaN (not reported) as null. */
    public static String text(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
