package org.statdesk.review.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.store.Store;

/**
 * {@code rev_review_mark} and the sequence {@code rev_write_seq}: every import takes a write number and stamps the
 * reports it writes with it; a period and form records the latest write number ({@code written}) and the highest a
 * review run has seen ({@code upto}). A report is reviewed when its write number is at most {@code upto}: a change
 * of it is then a revision that needs a reason.
 */
public final class ReviewMarkTable {
    public static final String NAME = "rev_review_mark";
    private static final String SELECT_UPTO = "SELECT form, upto FROM " + NAME + " WHERE period = ?";
    private static final String SELECT_WRITTEN = "SELECT written FROM " + NAME + " WHERE period = ? AND form = ?";
    // MERGE with a VALUES source is standard SQL (H2, PostgreSQL 15)
    private static final String MARK_WRITTEN = "MERGE INTO " + NAME + " m USING (VALUES (CAST(? AS VARCHAR(7)), "
            + "CAST(? AS VARCHAR(40)), CAST(? AS BIGINT))) s(period, form, w) ON m.period = s.period AND m.form = "
            + "s.form WHEN MATCHED THEN UPDATE SET written = s.w WHEN NOT MATCHED THEN INSERT (period, form, written, "
            + "upto) VALUES (s.period, s.form, s.w, -1)";
    private static final String MARK_REVIEWED = "UPDATE " + NAME + " SET upto = ? WHERE period = ? AND form = ? "
            + "AND upto < ?";

    private ReviewMarkTable() {
    }

    /** The record key the journal uses: {@code period/form}. */
    public static String key(String period, String form) {
        return period + "/" + form;
    }

    /** A new write number for an import. */
    public static long nextWriteNumber(Store store, Connection c) throws SQLException {
        String sql = store.databaseKind().equals("postgresql") ? "SELECT nextval('rev_write_seq')"
                : "SELECT NEXT VALUE FOR rev_write_seq";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The highest write number reviewed, by {@link #key period/form}; none: nothing of it reviewed yet. */
    public static Map<String, Long> reviewedUpTo(Connection c, Collection<String> periods) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_UPTO)) {
            for (String p : periods) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(key(p, rs.getString(1)), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    /** The latest write number of a period and form (-1: nothing written). */
    public static long lastWritten(Connection c, String period, String form) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_WRITTEN)) {
            ps.setString(1, period);
            ps.setString(2, form);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** The import's write number becomes the latest of each period and form it wrote; returns their keys. */
    public static List<String> markWritten(Connection c, Collection<List<String>> periodForms, long writeNo)
            throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(MARK_WRITTEN)) {
            for (List<String> pf : periodForms) {
                ps.setString(1, pf.get(0));
                ps.setString(2, pf.get(1));
                ps.setLong(3, writeNo);
                ps.addBatch();
                keys.add(key(pf.get(0), pf.get(1)));
            }
            ps.executeBatch();
        }
        return keys;
    }

    /** A run has seen the reports written up to {@code seen}; whether the mark moved. */
    public static boolean markReviewed(Connection c, String period, String form, long seen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MARK_REVIEWED)) {
            ps.setLong(1, seen);
            ps.setString(2, period);
            ps.setString(3, form);
            ps.setLong(4, seen);
            return ps.executeUpdate() > 0;
        }
    }

    /** The marks the audit trail guards: lowering {@code upto} would let a reviewed figure change without reason. */
    @Component(service = AuditedTable.class, property = SchemaImpl.TABLE + "=" + NAME)
    public static final class Audited extends GuardedTable {
        public Audited() {
            super(NAME, "period || '/' || form", List.of("written", "upto"));
        }
    }
}
