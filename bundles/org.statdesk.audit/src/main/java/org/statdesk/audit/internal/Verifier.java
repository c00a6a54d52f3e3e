package org.statdesk.audit.internal;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the journal's chain, then every guarded table against the last journaled digest of each record: a row
 * changed, deleted or inserted outside StatDesk does not match.
 */
public final class Verifier {
    /** Problems listed in full; beyond this only counted, so that a wrecked table does not flood the output. */
    static final int MAX_LISTED = 10_000;
    private static final int PAGE = 50_000;

    public record Problem(String table, String key, String field, String message) {
    }

    /**
     * The journal's checks as audit:verify prints them; {@code checkpoints} the signed checkpoints checked,
     * {@code anchor} the first anchored head the database does not hold (null when all hold).
     */
    public record Result(boolean ok, long checked, long entries, long rows, long problemCount,
            List<Problem> problems, long checkpoints, Mismatch anchor) {
    }

    /** An anchored head the database does not hold: the expected hash at seq, what the journal has there (or null). */
    public record Mismatch(long seq, String expected, String found, String source) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;

    private void problem(String table, String key, String field, String message) {
        problemCount++;
        if (problems.size() < MAX_LISTED) {
            problems.add(new Problem(table, key, field, message));
        }
    }

    public static Result verify(Connection c, Collection<TableInfo> tables) throws SQLException {
        return new Verifier().run(c, tables);
    }

    private Result run(Connection c, Collection<TableInfo> tables) throws SQLException {
        return run(c, null, tables, null, null);
    }

    /**
     * With a second connection the tables are read and digested in a second thread while the chain is walked:
     * the two halves of the work are about equal, and the machine has two cores.
     */
    public static Result verify(Connection c, Connection second, Collection<TableInfo> tables) throws SQLException {
        return new Verifier().run(c, second, tables, null, null);
    }

    /**
     * Verifies also against {@code trust} (pinned keys and anchored heads, outside the database) and the head
     * {@code given} on the command line (may be null): checkpoints' signatures, the chain through each checkpoint and
     * anchor, and its end signed.
     */
    static Result verify(Connection c, Connection second, Collection<TableInfo> tables, Anchors.Trust trust,
            org.statdesk.api.audit.TrustAnchors.Head given) throws SQLException {
        return new Verifier().run(c, second, tables, trust, given);
    }

    private Result run(Connection c, Connection second, Collection<TableInfo> tables, Anchors.Trust trust,
            org.statdesk.api.audit.TrustAnchors.Head given) throws SQLException {
        TrustCheck check = trust == null ? null
                : new TrustCheck(trust, given, Checkpoints.after(c, Long.MIN_VALUE), this::problem);
        // Maps sized from the row counts up front: growing million-entry maps (rehashing, garbage) was a good part of
        // a verify's time. The counts only size the maps; every row is still read and checked.
        Map<String, Integer> sizes = new HashMap<>();
        for (TableInfo t : tables) {
            sizes.put(t.table(), count(c, t));
        }
        Map<String, Map<String, String>> last = new HashMap<>();
        for (TableInfo t : tables) {
            last.put(t.table(), sized(sizes.get(t.table())));
        }
        java.util.concurrent.CompletableFuture<Map<String, Map<String, String>>> current = null;
        if (second != null) {
            current = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return digestTables(second, tables, sizes);
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
        }
        long entries = chain(c, last, check);
        Map<String, Map<String, String>> now;
        try {
            now = current == null ? digestTables(c, tables, sizes) : current.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
        }
        long rows = 0;
        for (TableInfo t : tables) {
            Map<String, String> expected = last.get(t.table());
            Map<String, String> actual = now.get(t.table());
            rows += actual.size();
            for (Map.Entry<String, String> row : actual.entrySet()) {
                String key = row.getKey();
                String want = expected.remove(key);
                if (want == null || want.equals(Digests.DELETED)) {
                    problem(t.table(), key, JournalImpl.WHOLE_RECORD, want == null
                            ? "记录不在审计日志中：在 StatDesk 之外插入"
                            : "记录已经按审计日志删除，却又出现：在 StatDesk 之外插入");
                } else if (!want.equals(row.getValue())) {
                    problem(t.table(), key, JournalImpl.WHOLE_RECORD,
                            "记录与审计日志中最后记录的状态不符：在 StatDesk 之外被修改");
                }
            }
            for (Map.Entry<String, String> e : expected.entrySet()) {
                if (!e.getValue().equals(Digests.DELETED)) {
                    problem(t.table(), e.getKey(), JournalImpl.WHOLE_RECORD,
                            "审计日志中有此记录，数据表中却没有：在 StatDesk 之外被删除");
                }
            }
        }
        return new Result(problemCount == 0, entries + rows, entries, rows, problemCount, List.copyOf(problems),
                check == null ? 0 : check.checkpoints(), check == null ? null : check.mismatch());
    }

    /** The current digest of every row of every guarded table, by key. */
    /** A map that holds n entries without rehashing (release 17 has no HashMap.newHashMap). */
    private static <K, V> Map<K, V> sized(int n) {
        return new HashMap<>((int) (n / 0.75f) + 16);
    }

    private static int count(Connection c, TableInfo t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.table());
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? (int) Math.min(Integer.MAX_VALUE / 2, rs.getLong(1)) : 0;
        }
    }

    private static Map<String, Map<String, String>> digestTables(Connection c, Collection<TableInfo> tables,
            Map<String, Integer> sizes) throws SQLException {
        MessageDigest md = Digests.sha256();
        Map<String, Map<String, String>> out = new HashMap<>();
        for (TableInfo t : tables) {
            Map<String, String> m = sized(sizes.get(t.table()));
            int n = t.columns().size() + 1;
            try (PreparedStatement ps = c.prepareStatement(t.select(false)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), Digests.row(md, rs, 2, n));
                }
            }
            out.put(t.table(), m);
        }
        return out;
    }

    /** Walks the chain in pages by seq; collects the last row digest of each guarded record. */
    private long chain(Connection c, Map<String, Map<String, String>> last, TrustCheck check) throws SQLException {
        MessageDigest md = Digests.sha256();
        String prev = Digests.GENESIS;
        long expectSeq = 1;
        long count = 0;
        long after = Long.MIN_VALUE;
        boolean firstBadSeen = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, entry_time, user_name, bundle, entity,"
                + " entity_key, field, old_value, new_value, reason, row_digest, hash FROM aud_journal"
                + " WHERE seq > ? ORDER BY seq FETCH FIRST " + PAGE + " ROWS ONLY")) {
            while (true) {
                ps.setLong(1, after);
                int inPage = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inPage++;
                        count++;
                        long seq = rs.getLong(1);
                        String entity = rs.getString(5);
                        String key = rs.getString(6);
                        String digest = rs.getString(11);
                        String hash = rs.getString(12);
                        String computed = Digests.chain(md, prev, seq, rs.getString(2), rs.getString(3),
                                rs.getString(4), entity, key, rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), digest);
                        String what = null;
                        if (seq != expectSeq) {
                            what = seq > expectSeq ? "审计日志条目 " + expectSeq + (seq - 1 > expectSeq ? "-" + (seq - 1) : "")
                                    + " 缺失：被删除" : "审计日志条目序号重复或顺序被打乱";
                        } else if (!computed.equals(hash)) {
                            what = "审计日志条目的哈希不符：条目被修改、插入或调换了顺序";
                        }
                        if (what != null) {
                            problem("aud_journal", Long.toString(seq), "hash",
                                    (firstBadSeen ? "" : "第一个有问题的条目：") + what);
                            firstBadSeen = true;
                        }
                        if (check != null) {
                            check.entry(seq, hash);
                        }
                        // Resynchronise on the stored values so that one bad entry is reported once, not forever.
                        prev = hash;
                        expectSeq = seq + 1;
                        after = seq;
                        if (digest != null && entity != null) {
                            Map<String, String> m = last.get(entity);
                            if (m != null) {
                                m.put(key, digest);
                            }
                        }
                    }
                }
                if (inPage < PAGE) {
                    break;
                }
            }
        }
        if (check != null) {
            check.finish(expectSeq - 1);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM aud_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                problem("aud_head", "1", "last_hash", "审计日志的链头记录缺失");
            } else if (rs.getLong(1) != expectSeq - 1 || !rs.getString(2).equals(prev)) {
                problem("aud_journal", Long.toString(rs.getLong(1)), "hash", (firstBadSeen ? "" : "第一个有问题的条目：")
                        + "审计日志末尾与链头不符：最后的条目被删除或在末尾插入了条目（链头 " + rs.getLong(1)
                        + "，实际最后条目 " + (expectSeq - 1) + "）");
            }
        }
        return count;
    }
}
