package org.statdesk.review.internal.tables;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/**
 * {@code rev_report}: one monthly report (报表) of a unit, a row per period, unit and form, the form's indicators
 * in the value columns {@code v1..v16} (their slots in {@link FormSlotTable}); NULL is a figure not reported.
 * Every statement on the table is here.
 */
public final class ReportTable {
    public static final String NAME = "rev_report";
    /** Value columns of a row: a form has at most this many indicators. */
    public static final int SLOTS = 16;

    private static final String VALUES = columns("", "");
    private static final String WHERE_ROW = " WHERE period = ? AND credit_code = ? AND form = ?";
    /** Key order: each index grows at one place when rows are written in it, and the review reads in it. */
    private static final String KEY_ORDER = " ORDER BY period, form, credit_code";

    /** Every report of a period with its form, write number and figures (what an import compares against). */
    public static final String SELECT_PERIOD = "SELECT credit_code, form, written, " + VALUES + " FROM " + NAME
            + " WHERE period = ?";
    public static final String INSERT = "INSERT INTO " + NAME + " (period, credit_code, form, specialty, " + VALUES
            + ", reported_on, written, revisions) VALUES (?, ?, ?, ?, " + String.join(", ", Collections.nCopies(SLOTS,
                    "?")) + ", ?, ?, 0)";
    public static final String UPDATE = "UPDATE " + NAME + " SET " + columns("", " = ?")
            + ", revisions = revisions + ?, written = ?" + WHERE_ROW;
    /** The units that reported a period on a form, in key order. */
    public static final String SELECT_UNITS = "SELECT credit_code FROM " + NAME + " WHERE period = ? AND form = ?"
            + KEY_ORDER;
    /** When each unit reported and how often its report was revised (for the rates). */
    public static final String SELECT_FILED = "SELECT credit_code, reported_on, revisions FROM " + NAME
            + " WHERE period = ? AND form = ?";
    /** Every figure of a period and form (for the totals). */
    public static final String SELECT_FIGURES = "SELECT credit_code, " + VALUES + " FROM " + NAME
            + " WHERE period = ? AND form = ?";

    /** Which units reported which months of a form in a range of periods (after ?, up to ? inclusive). */
    public static final String SELECT_REPORTED = "SELECT credit_code, period FROM " + NAME
            + " WHERE form = ? AND period > ? AND period <= ?";

    private ReportTable() {
    }

    /** The record key the journal uses: {@code period/credit_code/form}. */
    public static String key(String period, String creditCode, String form) {
        return period + "/" + creditCode + "/" + form;
    }

    /** Binds {@link #INSERT}: {@code v[1..SLOTS]} are the figures, NaN not reported. */
    public static void bindInsert(PreparedStatement ps, String period, String creditCode, String form,
            String specialty, double[] v, LocalDate reportedOn, long written) throws SQLException {
        ps.setString(1, period);
        ps.setString(2, creditCode);
        ps.setString(3, form);
        ps.setString(4, specialty);
        for (int i = 1; i <= SLOTS; i++) {
            Sql.setDouble(ps, 4 + i, v[i]);
        }
        ps.setDate(5 + SLOTS, Date.valueOf(reportedOn));
        ps.setLong(6 + SLOTS, written);
    }

    /** Binds {@link #UPDATE}: the figures, one more revision or none, the row's write number. */
    public static void bindUpdate(PreparedStatement ps, double[] v, boolean revision, long written, String period,
            String creditCode, String form) throws SQLException {
        for (int i = 1; i <= SLOTS; i++) {
            Sql.setDouble(ps, i, v[i]);
        }
        ps.setInt(SLOTS + 1, revision ? 1 : 0);
        ps.setLong(SLOTS + 2, written);
        ps.setString(SLOTS + 3, period);
        ps.setString(SLOTS + 4, creditCode);
        ps.setString(SLOTS + 5, form);
    }

    /** The figures of some slots of a period and form, in key order: {@code credit_code, v<slot>...}. */
    public static String selectSlots(int[] slots) {
        StringBuilder sql = new StringBuilder("SELECT credit_code");
        for (int s : slots) {
            sql.append(", v").append(slot(s));
        }
        return sql.append(" FROM ").append(NAME).append(" WHERE period = ? AND form = ?").append(KEY_ORDER)
                .toString();
    }

    /** One indicator of every unit that reported it: {@code credit_code, value} for a period and form. */
    public static String selectIndicator(int slot) {
        String v = "v" + slot(slot);
        return "SELECT credit_code, " + v + " FROM " + NAME + " WHERE period = ? AND form = ? AND " + v
                + " IS NOT NULL";
    }

    /** One unit's indicator by period: {@code period, value} for a unit, form and periods from..to. */
    public static String selectSeries(int slot) {
        String v = "v" + slot(slot);
        return "SELECT period, " + v + " FROM " + NAME + " WHERE credit_code = ? AND form = ? AND period >= ? AND "
                + "period <= ? AND " + v + " IS NOT NULL";
    }

    /** One figure of one report (parameters period, credit_code, form). */
    public static String selectFigure(int slot) {
        return "SELECT v" + slot(slot) + " FROM " + NAME + WHERE_ROW;
    }

    /** A corrected figure (数据修正): the value, then period, credit_code, form; the report counts one revision more. */
    public static String reviseFigure(int slot) {
        return "UPDATE " + NAME + " SET v" + slot(slot) + " = ?, revisions = revisions + 1" + WHERE_ROW;
    }

    private static int slot(int s) {
        if (s < 1 || s > SLOTS) {
            throw new IllegalArgumentException("no value column " + s);
        }
        return s;
    }

    private static String columns(String before, String after) {
        List<String> c = new ArrayList<>();
        for (int i = 1; i <= SLOTS; i++) {
            c.add(before + "v" + i + after);
        }
        return String.join(", ", c);
    }

    /**
     * The report rows the audit trail guards: every figure, when it was reported, how often it was revised (the
     * accuracy rate counts it) and its write number (whether a change is a revision needing a reason).
     */
    @Component(service = AuditedTable.class, property = SchemaImpl.TABLE + "=" + NAME)
    public static final class Audited extends GuardedTable {
        public Audited() {
            super(NAME, "period || '/' || credit_code || '/' || form", digestColumns());
        }

        private static List<String> digestColumns() {
            List<String> c = new ArrayList<>(List.of("specialty"));
            for (int i = 1; i <= SLOTS; i++) {
                c.add("v" + i);
            }
            c.addAll(List.of("reported_on", "revisions", "written"));
            return c;
        }
    }
}
