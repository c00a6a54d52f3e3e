package org.statdesk.review.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.Bundle;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.store.Store;

/** A tiny in-memory store with the bundle's migrations, a journal that remembers, a register from a list. */
final class Fakes {
    /** Runs one of the bundle's migration scripts as the store does: comment lines dropped, split at ";". */
    static void applyMigration(Statement st, String script) throws Exception {
        applyScript(st, Files.newInputStream(Path.of("src/main/resources/db/migration/" + script)));
    }

    /** Runs a migration script read from a stream (another bundle's, from its jar): as the store does. */
    static void applyScript(Statement st, java.io.InputStream in) throws Exception {
        String sql;
        try (in) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String body = sql.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (x, y) -> x + "\n" + y);
        for (String stmt : body.split(";")) {
            if (!stmt.isBlank()) {
                st.execute(stmt);
            }
        }
    }

    static final class MemStore implements Store {
        final JdbcDataSource ds = new JdbcDataSource();

        MemStore(String name) throws Exception {
            ds.setURL(name.startsWith("jdbc:") ? name : "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                // the bundle's migrations in order; a kept database (the benchmark's second run) gets the missing
                for (String[] m : new String[][] {{"V1__review.sql", "REV_REPORT"}, {"V2__report_read_index.sql",
                    "REV_REPORT_READ"}, {"V3__report_unit_index.sql", "REV_REPORT_UNIT"},
                    {"V4__review_marks.sql", "REV_REVIEW_MARK"}}) {
                    boolean there;
                    try (var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '"
                            + m[1] + "'")) {
                        rs.next();
                        there = rs.getInt(1) > 0;
                    }
                    try (var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = '"
                            + m[1] + "'")) {
                        rs.next();
                        there |= rs.getInt(1) > 0;
                    }
                    if (there) {
                        continue;
                    }
                    applyMigration(st, m[0]);
                }
            }
        }

        public DataSource dataSource() {
            return ds;
        }

        public Connection connection() throws SQLException {
            return ds.getConnection();
        }

        public <T> T inTransaction(SqlWork<T> work) throws Exception {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    T r = work.run(c);
                    c.commit();
                    return r;
                } catch (Exception | Error e) {
                    c.rollback();
                    throw e;
                }
            }
        }

        /** As the store does for H2: large results streamed rather than copied. */
        public void streamResults(Connection c, boolean on) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION " + on);
            }
        }

        public int migrate(Bundle bundle) {
            return 0;
        }

        /** The data folder the store reports (what output files must stay out of). */
        Path dataFolder = Path.of("target");

        public Path dataFolder() {
            return dataFolder;
        }
    }

    static final class MemJournal implements Journal {
        final List<String> entries = new ArrayList<>();
        int rows;

        public void record(Connection c, Change change) {
            entries.add(change.entity() + " " + change.key() + " " + change.field() + " " + change.newValue());
        }

        public void recordRow(Connection c, String table, String key, String field, String oldValue,
                String newValue, String reason) {
            entries.add(table + " " + key + " " + field + " " + oldValue + " -> " + newValue + " : " + reason);
        }

        public void recordRows(Connection c, String table, Collection<String> keys, String action, String reason) {
            rows += keys.size();
            entries.add(table + " " + action + " " + keys.size());
        }

        public List<Entry> history(String key, LocalDate since) {
            return List.of();
        }

        public String currentUser() {
            return "tester";
        }
    }

    static final class ListRegister implements Register {
        final Map<String, Unit> units = new HashMap<>();

        ListRegister(Collection<Unit> us) {
            us.forEach(u -> units.put(u.creditCode(), u));
        }

        public Optional<Unit> find(String code) {
            return Optional.ofNullable(units.get(code));
        }

        public List<Unit> list(UnitQuery q) {
            return units.values().stream().filter(u -> (q.specialty() == null || q.specialty().equals(u.specialty()))
                    && (q.status() == null || q.status().equals(u.status()))
                    && (q.county() == null || q.county().equals(u.countyCode()))).toList();
        }

        public Divisions divisions() {
            return null;
        }
    }
}
