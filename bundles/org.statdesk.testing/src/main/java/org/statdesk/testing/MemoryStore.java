package org.statdesk.testing;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.Bundle;
import org.statdesk.api.store.Store;
import org.statdesk.store.internal.Migrations;

/**
 * A {@link Store} on an H2 database (a private in-memory one by default) whose schema comes from the bundles' real
 * migration scripts, applied by the store's own {@link Migrations}: a test's tables are exactly the workstation's.
 * <pre>
 * MemoryStore store = MemoryStore.create().migrate("org.statdesk.registry").migrate("org.statdesk.review");
 * </pre>
 */
public final class MemoryStore implements Store {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final JdbcDataSource ds = new JdbcDataSource();
    private final Connection keeper;
    private Path dataFolder;

    /** A store on {@code url} (e.g. a file database for a benchmark that keeps its data). */
    public MemoryStore(String url) throws SQLException {
        ds.setURL(url);
        keeper = ds.getConnection(); // keeps an in-memory database alive until close()
    }

    /** A fresh private in-memory database. */
    public static MemoryStore create() throws SQLException {
        return new MemoryStore("jdbc:h2:mem:statdesk-test-" + SEQ.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    /** A fresh in-memory database with the migrations of the module the test runs in. */
    public static MemoryStore withOwnMigrations() throws SQLException {
        return create().migrateOwn();
    }

    /**
     * Applies the migrations of bundle {@code symbolicName} not yet applied, read from its sources
     * ({@code bundles/NAME/src/main/resources/db/migration}), so that a test sees a new migration as soon as it is
     * written.
     */
    public MemoryStore migrate(String symbolicName) throws SQLException {
        Path dir = migrationFolder(symbolicName);
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
            try (Connection c = connection()) {
                Migrations.apply(c, symbolicName, Migrations.read(urls));
            }
        } catch (IOException e) {
            throw new SQLException("cannot read the migrations of " + symbolicName + " in " + dir + ": " + e, e);
        }
        return this;
    }

    /** {@link #migrate} for the module whose tests are running (Maven runs them in the module's folder). */
    public MemoryStore migrateOwn() throws SQLException {
        return migrate(Path.of("").toAbsolutePath().getFileName().toString());
    }

    static Path migrationFolder(String symbolicName) {
        Path here = Path.of("").toAbsolutePath();
        Path rel = Path.of("src", "main", "resources", "db", "migration");
        for (Path p : new Path[] {here.getFileName().toString().equals(symbolicName) ? here : null,
                here.resolveSibling(symbolicName), here.resolve("bundles").resolve(symbolicName),
                here.getParent() == null ? null : here.getParent().resolve("bundles").resolve(symbolicName)}) {
            if (p != null && Files.isDirectory(p.resolve(rel))) {
                return p.resolve(rel);
            }
        }
        throw new IllegalArgumentException("no migrations of " + symbolicName + " found from " + here);
    }

    /** The data folder the store reports: a new folder under {@code target/} unless set. */
    public MemoryStore dataFolder(Path folder) {
        this.dataFolder = folder;
        return this;
    }

    @Override
    public Path dataFolder() {
        if (dataFolder == null) {
            try {
                Files.createDirectories(Path.of("target"));
                dataFolder = Files.createTempDirectory(Path.of("target"), "data-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return dataFolder;
    }

    @Override
    public DataSource dataSource() {
        return ds;
    }

    @Override
    public Connection connection() throws SQLException {
        return ds.getConnection();
    }

    @Override
    public int migrate(Bundle bundle) throws SQLException {
        migrate(bundle.getSymbolicName());
        return 0;
    }

    @Override
    public void streamResults(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    /** Rows in {@code table}. */
    public long count(String table) throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs one statement (a test's tampering, a fixture). */
    public void exec(String sql) throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql}, as text (null when no row). */
    public String query(String sql) throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Drops the in-memory database. */
    public void close() throws SQLException {
        keeper.close();
    }
}
