package org.statdesk.audit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Adopting a new audit coverage (审计覆盖范围的变更). When an update makes a table's digests cover other columns (or
 * guards a table for the first time), every existing row would otherwise read as changed behind StatDesk's back. So
 * the rows are first checked against their journal digests under the former coverage (recorded in
 * {@code aud_coverage}, or for a database of StatDesk 1.0.0 the coverage that version had); those that match are
 * journaled under the new coverage, those that do not stay as they are and {@code audit:verify} keeps reporting them.
 * A table never guarded before has nothing to check against: its rows are journaled as they stand.
 */
final class Coverage {
    static final String TABLE = "aud_coverage";
    static final String ACTION = "coverage";

    /** A coverage: the key expression and the columns the digest covers. */
    record Covered(String keyExpression, List<String> columns) {
    }

    private static final Map<String, Covered> LEGACY = legacy();

    private Coverage() {
    }

    private static Map<String, Covered> legacy() {
        Map<String, Covered> out = new HashMap<>();
        try (InputStream in = Coverage.class.getResourceAsStream("/legacy-coverage.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";");
                out.put(f[0], new Covered(f[1], List.of(f[2].split(","))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read legacy-coverage.txt: " + e, e);
        }
        return out;
    }

    /** What happened: rows journaled under the new coverage, rows that did not match the former one. */
    record Adoption(int adopted, int refused) {
    }

    /**
     * Adopts {@code t}'s coverage on {@code c} (in the caller's transaction) when it differs from the one recorded;
     * empty when nothing changed.
     */
    static Optional<Adoption> adopt(Connection c, TableInfo t, JournalImpl journal) throws SQLException {
        if (!exists(c, t.table())) {
            // declared before its bundle's migration made it (a fresh data folder): adopted at the next start
            return Optional.empty();
        }
        Covered now = new Covered(t.keyExpression(), t.columns());
        Optional<Covered> recorded = recorded(c, t.table());
        if (recorded.isPresent() && recorded.get().equals(now)) {
            return Optional.empty();
        }
        Map<String, String> journaled = lastDigests(c, t.table());
        Covered former = recorded.orElse(journaled.isEmpty() ? null : LEGACY.get(t.table()));
        if (former == null && !journaled.isEmpty()) {
            // guarded before by a coverage we do not know: keep checking it as it is declared now
            record(c, t.table(), now, journal);
            return Optional.of(new Adoption(0, 0));
        }
        if (now.equals(former)) {
            record(c, t.table(), now, journal);
            return Optional.of(new Adoption(0, 0));
        }
        List<String> newKeys = new ArrayList<>();
        List<String> oldKeys = new ArrayList<>();
        int refused = 0;
        MessageDigest md = Digests.sha256();
        int n = now.columns().size();
        // Per row: already journaled under the coverage as declared now (a table declared before its first rows, or
        // a coverage recorded late) -> nothing to do; else under the former coverage -> adopted; else refused.
        String sql = "SELECT " + now.keyExpression() + ", " + String.join(", ", now.columns())
                + (former == null ? "" : ", " + former.keyExpression() + ", " + String.join(", ", former.columns()))
                + " FROM " + t.table();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString(1);
                if (Digests.row(md, rs, 2, n + 1).equals(journaled.get(key))) {
                    continue;
                }
                if (former == null) {
                    newKeys.add(key);
                    continue;
                }
                String oldKey = rs.getString(n + 2);
                String digest = Digests.row(md, rs, n + 3, n + 2 + former.columns().size());
                if (digest.equals(journaled.get(oldKey))) {
                    newKeys.add(key);
                    if (!oldKey.equals(key)) {
                        oldKeys.add(oldKey);
                    }
                } else {
                    refused++;
                }
            }
        }
        String reason = "审计覆盖范围更新 (audit coverage of " + t.table() + " now " + String.join(",", t.columns())
                + "; rows checked against the journal under the former coverage)";
        if (!oldKeys.isEmpty()) {
            journal.recordRows(c, t.table(), oldKeys, ACTION, reason); // the former keys end here
        }
        if (!newKeys.isEmpty()) {
            journal.recordRows(c, t.table(), newKeys, ACTION, reason);
        }
        record(c, t.table(), now, journal);
        return Optional.of(new Adoption(newKeys.size(), refused));
    }

    private static Optional<Covered> recorded(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key_expression, columns FROM " + TABLE
                + " WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Covered(rs.getString(1), List.of(rs.getString(2).split(","))))
                        : Optional.empty();
            }
        }
    }

    /** The last row digest journaled for each key of {@code table}. */
    private static Map<String, String> lastDigests(Connection c, String table) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_key, row_digest FROM aud_journal"
                + " WHERE entity = ? AND row_digest IS NOT NULL ORDER BY seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static void record(Connection c, String table, Covered now, JournalImpl journal) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + TABLE + " WHERE table_name = ?")) {
            del.setString(1, table);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + TABLE
                + " (table_name, key_expression, columns, adopted_seq) VALUES (?, ?, ?, ?)")) {
            ins.setString(1, table);
            ins.setString(2, now.keyExpression());
            ins.setString(3, String.join(",", now.columns()));
            ins.setLong(4, journal.headSeq(c));
            ins.executeUpdate();
        }
    }

    /** Whether {@code table} exists (asked of the metadata: a failed query would spoil PostgreSQL's transaction). */
    static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // in the connection's own schema: a PostgreSQL database may hold other data folders' schemas (the tests make
        // one per data folder), whose tables would otherwise count as this one's
        String schema = c.getSchema();
        for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(null, schema, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
