package org.statdesk.store.internal.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.statdesk.store.internal.Migrations;

/**
 * Loads a checked backup into an empty database: the installation's own migrations create the tables as they were
 * at the backup's schema versions, the rows go in through prepared statements in batches, sequences and identity
 * columns continue where they were, then the newer migrations of this installation bring the data up to date (so an
 * older backup restores into a newer StatDesk). Nothing from the file reaches SQL but values bound to parameters and
 * names that the manifest check allowed and that the migrations created.
 */
public final class Loader {
    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 50_000;

    private final Map<String, List<Migrations.Script>> installed;

    /** {@code installed}: the migrations of every bundle of this installation that has any, by symbolic name. */
    public Loader(Map<String, List<Migrations.Script>> installed) {
        this.installed = installed;
    }

    /** Refuses a backup whose schema this installation does not know: a bundle not here, or a newer version. */
    public void checkKnown(Manifest m) throws BackupException {
        for (Map.Entry<String, Integer> e : m.schema().entrySet()) {
            List<Migrations.Script> scripts = installed.get(e.getKey());
            if (scripts == null) {
                throw new BackupException("the backup holds the data of " + e.getKey() + ", which is not installed"
                        + " here: enable its feature, then restore");
            }
            int newest = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
            if (e.getValue() > newest || scripts.stream().noneMatch(s -> s.version() == e.getValue())) {
                throw new BackupException("the backup was made with schema version " + e.getValue() + " of "
                        + e.getKey() + ", this installation knows versions up to " + newest
                        + ": restore it with the StatDesk that made it, or a newer one");
            }
        }
    }

    /** Loads {@code r} into the empty database on {@code c}; returns the rows loaded. */
    public long load(BackupReader r, Connection c) throws SQLException, BackupException {
        Manifest m = r.manifest();
        checkKnown(m);
        for (Map.Entry<String, Integer> e : m.schema().entrySet()) {
            Migrations.apply(c, e.getKey(), installed.get(e.getKey()).stream()
                    .filter(s -> s.version() <= e.getValue()).toList());
        }
        Map<String, List<Manifest.Column>> here = Schema.tables(c);
        for (Manifest.Table t : m.tables()) {
            List<Manifest.Column> cols = here.get(t.name());
            if (cols == null) {
                throw new BackupException("table " + t.name() + " of the backup is not in the schema of the"
                        + " backup's versions here");
            }
            String diff = Schema.difference(t.columns(), cols);
            if (diff != null) {
                throw new BackupException("table " + t.name() + ": " + diff);
            }
        }
        TreeSet<String> missing = new TreeSet<>(here.keySet());
        m.tables().forEach(t -> missing.remove(t.name()));
        if (!missing.isEmpty()) {
            throw new BackupException("the backup lacks table " + missing.first() + " of its own schema versions");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        long rows = 0;
        try {
            for (Manifest.Table t : m.tables()) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM " + t.name()); // what the migrations seeded; the backup has it
                }
                rows += insert(r, t, c);
                c.commit();
            }
            if (!Schema.versions(c).equals(m.schema())) {
                throw new BackupException("the backup's " + Schema.HISTORY + " does not match the schema versions"
                        + " its manifest declares");
            }
            for (Manifest.Table t : m.tables()) {
                if (t.identity() != null) {
                    long next = Math.max(t.identityNext(), max(c, t.name(), t.identity()) + 1);
                    try (Statement st = c.createStatement()) {
                        st.execute("ALTER TABLE " + t.name() + " ALTER COLUMN " + t.identity() + " RESTART WITH "
                                + next);
                    }
                }
            }
            for (Manifest.Sequence q : m.sequences()) {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER SEQUENCE " + q.name() + " RESTART WITH " + q.next());
                }
            }
            c.commit();
        } catch (SQLException | BackupException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        // This installation's newer migrations, and the tables of bundles the backup had none of.
        for (Map.Entry<String, List<Migrations.Script>> e : installed.entrySet()) {
            Migrations.apply(c, e.getKey(), e.getValue());
        }
        return rows;
    }

    private static long insert(BackupReader r, Manifest.Table t, Connection c) throws SQLException, BackupException {
        List<Manifest.Column> cols = t.columns();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(t.name()).append(" (");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(cols.get(i).name());
        }
        sql.append(") VALUES (").append("?, ".repeat(cols.size() - 1)).append("?)");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            long[] n = {0};
            r.rows(t, values -> {
                for (int i = 0; i < values.length; i++) {
                    cols.get(i).type().bind(ps, i + 1, values[i]);
                }
                ps.addBatch();
                if (++n[0] % BATCH == 0) {
                    executeBatch(ps, t, n[0]);
                }
                if (n[0] % COMMIT_EVERY == 0) {
                    c.commit();
                }
            });
            executeBatch(ps, t, n[0]);
            return n[0];
        }
    }

    /** Rows that each are well-formed but together break the schema (a key twice): the backup is refused. */
    private static void executeBatch(PreparedStatement ps, Manifest.Table t, long upTo) throws BackupException {
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            throw new BackupException(t.entryName() + " rows up to " + upTo + " do not fit the table: "
                    + Manifest.shorten(m.lines().findFirst().orElse(m)));
        }
    }

    private static long max(Connection c, String table, String column) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(" + column + ") FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
