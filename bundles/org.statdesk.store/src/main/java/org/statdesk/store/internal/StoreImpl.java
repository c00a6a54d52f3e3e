package org.statdesk.store.internal;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.statdesk.api.store.Store;
import org.statdesk.store.internal.backup.H2Swap;

/**
 * The database from configuration ({@code etc/org.statdesk.store.cfg}), through the JDBC DataSourceFactory service
 * that the driver bundle publishes (H2 by default, PostgreSQL's works the same). One connection stays open for the
 * life of the component so that an embedded database is opened once, not per connection.
 *
 * <p>The Store service is registered by hand, only once the database is open: when it cannot be opened the user gets
 * one clear message and the bundles that need the store simply wait, instead of every one of them failing in turn.
 * The driver is chosen by the reference's target, {@code dataSourceFactory.target} in the configuration.
 */
@Component(service = {}, configurationPid = "org.statdesk.store", immediate = true)
@Designate(ocd = StoreConfig.class)
public final class StoreImpl implements Store {
    private final DataSourceFactory factory;
    private final Path dataFolder;
    private volatile Settings settings;
    private volatile DataSource dataSource;
    private volatile Connection keeper;

    private record Settings(String url, String user, String password) {
    }

    /** Connections that a restore hands to audit:verify on its own thread: those of the new database. */
    private final ThreadLocal<DataSource> redirected = new ThreadLocal<>();

    @Activate
    public StoreImpl(@Reference(name = "dataSourceFactory", target = "(osgi.jdbc.driver.class=org.h2.Driver)")
            DataSourceFactory factory, StoreConfig config, BundleContext ctx) {
        this.factory = factory;
        this.context = ctx;
        String data = ctx.getProperty("statdesk.data");
        this.dataFolder = Path.of(data == null ? System.getProperty("user.home") + "/.statdesk" : data);
        H2Loopback.bind();
        Settings s = settingsOf(config);
        recover(s);
        openAndPublish(s);
    }

    /** Before the database opens: completes or rolls back a restore's swap that a kill interrupted. */
    private static void recover(Settings s) {
        Path base = H2Swap.baseOf(s.url());
        if (base != null) {
            try {
                String said = new H2Swap(base).recover();
                if (said != null) {
                    System.err.println("statdesk: " + said);
                }
            } catch (java.io.IOException e) {
                System.err.println("statdesk ERROR: cannot complete an interrupted restore in " + base.getParent()
                        + ": " + e.getMessage());
            }
        }
    }

    private final BundleContext context;
    private org.osgi.framework.ServiceRegistration<Store> registration;

    /** Opens the database and offers the Store service; on failure withdraws it and says why, once. */
    private synchronized void openAndPublish(Settings s) {
        try {
            open(s);
            if (registration == null) {
                registration = context.registerService(Store.class, this, null);
            }
        } catch (SQLException e) {
            unpublish();
        }
    }

    private synchronized void unpublish() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            registration = null;
        }
    }

    /**
     * H2's page cache in KB. The default (64 MB) is small for a province register or a year of province reports:
     * with 256 MB a 100,000-unit register import took 9.4-9.7 s instead of 10.4-11.1 s (RegistryBenchmark, same
     * runs). The cache only holds pages read, so a city database (about 80 MB) never fills it.
     */
    static final int CACHE_KB = 262_144;

    /**
     * The options of the workstation's H2 file database, after its path. {@code WRITE_DELAY=0}: H2 writes on the
     * committing thread and runs no background writer. With the default background writer (every 500 ms) a kill -9
     * during a large uncommitted import once left one row of the killed transaction behind (1 of 40 kills in the
     * insert phase; KillDuringImportTest failed so in CI): the writer saves the maps of a chunk one after another while
     * the import thread writes a row's undo entry and the row itself, so a chunk can hold the row without its undo
     * entry, and recovery cannot roll it back (our reading of H2's design; 0 of 40 kills with this option left
     * anything). Without that thread a chunk is saved between two writes, never in the middle of one; a commit is
     * also on disk when the command reports it.
     */
    public static final String H2_FILE_OPTIONS = ";AUTO_SERVER=TRUE;CACHE_SIZE=" + CACHE_KB + ";WRITE_DELAY=0";

    private Settings settingsOf(StoreConfig c) {
        String url = c.url() == null || c.url().isBlank()
                ? "jdbc:h2:file:" + dataFolder.resolve("db").resolve("statdesk").toAbsolutePath()
                        + H2_FILE_OPTIONS
                : c.url();
        return new Settings(url, c.user(), c.password());
    }

    private synchronized void open(Settings s) throws SQLException {
        if (s.equals(settings) && keeper != null) {
            return; // FileInstall delivers the same settings the defaults already gave: nothing to do
        }
        try {
            if (s.url().startsWith("jdbc:h2:file:")) {
                Files.createDirectories(dataFolder.resolve("db"));
            }
            Properties p = new Properties();
            p.setProperty(DataSourceFactory.JDBC_URL, s.url());
            p.setProperty(DataSourceFactory.JDBC_USER, s.user());
            if (!s.password().isEmpty()) {
                p.setProperty(DataSourceFactory.JDBC_PASSWORD, s.password());
            }
            DataSource ds = factory.createDataSource(p);
            Connection k = ds.getConnection();
            if (s.url().startsWith("jdbc:postgresql:")) {
                recoverSchemaSwap(k);
            }
            closeKeeper();
            dataSource = ds;
            keeper = k;
            settings = s;
        } catch (SQLException | java.io.IOException e) {
            String msg = "cannot open the database " + s.url() + " as user " + s.user() + ": " + e.getMessage()
                    + " - check url, user and password in etc/org.statdesk.store.cfg";
            System.err.println("statdesk ERROR: " + msg);
            throw new SQLException(msg, e);
        }
    }

    /** On PostgreSQL, as {@link #recover} for H2: a restore's swap that a kill interrupted is completed or undone. */
    private void recoverSchemaSwap(Connection c) {
        try {
            String said = new org.statdesk.store.internal.backup.PgSwap(dataFolder.resolve("db")).recover(c);
            if (said != null) {
                System.err.println("statdesk: " + said);
            }
        } catch (java.io.IOException | SQLException e) {
            System.err.println("statdesk ERROR: cannot complete an interrupted restore: " + e.getMessage());
        }
    }

    @Modified
    void modified(StoreConfig config) {
        openAndPublish(settingsOf(config));
    }

    @Deactivate
    void deactivate() {
        unpublish();
        closeKeeper();
    }

    private void closeKeeper() {
        Connection k = keeper;
        keeper = null;
        if (k != null) {
            try {
                k.close();
            } catch (SQLException ignored) {
                // closing on the way out
            }
        }
    }

    @Override
    public DataSource dataSource() {
        DataSource r = redirected.get();
        return r == null ? dataSource : r;
    }

    @Override
    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    /**
     * The migration scripts a bundle ships for the database of {@code kind}: {@code db/migration/V*.sql}, each
     * replaced by its variant in {@code db/migration/KIND/} when there is one; empty for none.
     */
    static List<Migrations.Script> scriptsOf(Bundle bundle, String kind) throws java.io.IOException {
        List<URL> portable = new ArrayList<>();
        List<URL> mine = new ArrayList<>();
        List<URL> others = new ArrayList<>();
        Enumeration<URL> e = bundle.findEntries("db/migration", "V*.sql", true);
        if (e != null) {
            for (URL u : Collections.list(e)) {
                String path = u.getPath();
                String folder = path.substring(0, path.lastIndexOf('/'));
                if (folder.endsWith("/db/migration")) {
                    portable.add(u);
                } else if (folder.endsWith("/db/migration/" + kind)) {
                    mine.add(u);
                } else {
                    others.add(u);
                }
            }
        }
        return Migrations.read(portable, mine, others);
    }

    @Override
    public int migrate(Bundle bundle) throws SQLException {
        try (Connection c = connection()) {
            return Migrations.apply(c, bundle.getSymbolicName(), scriptsOf(bundle, databaseKind()));
        } catch (java.io.IOException ex) {
            throw new SQLException("cannot read the migrations of " + bundle.getSymbolicName() + ": " + ex, ex);
        }
    }

    @Override
    public String databaseKind() {
        return settings.url().startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    }

    @Override
    public void streamResults(Connection c, boolean on) throws SQLException {
        if (databaseKind().equals("h2")) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
            }
        }
    }

    @Override
    public Path dataFolder() {
        return dataFolder;
    }

    String url() {
        return settings.url();
    }

    /** Where a restore stages and swaps in a new database; null when the database is not an H2 file. */
    H2Swap h2Swap() {
        Path base = H2Swap.baseOf(settings.url());
        return base == null ? null : new H2Swap(base);
    }

    /** A data source on another database of the same driver (a restore's new database), as the same user. */
    DataSource dataSourceOf(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty(DataSourceFactory.JDBC_URL, url);
        p.setProperty(DataSourceFactory.JDBC_USER, settings.user());
        if (!settings.password().isEmpty()) {
            p.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
        }
        return factory.createDataSource(p);
    }

    /** Runs {@code work} with this thread's {@link #connection()}s going to {@code ds} instead of the live database. */
    <T> T redirected(DataSource ds, java.util.concurrent.Callable<T> work) throws Exception {
        redirected.set(ds);
        try {
            return work.call();
        } finally {
            redirected.remove();
        }
    }

    /**
     * Swaps the closed new database {@code staging} in: refuses while another program has the live database open
     * (the workbench, another run), closes it, renames, opens the new one.
     */
    synchronized void swapIn(H2Swap swap, String staging, String backup, String trust) throws Exception {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                rs.next();
                if (rs.getInt(1) > 2) { // this connection and the keeper
                    throw new DatabaseBusyException("the database is open in another program (the workbench or"
                            + " another statdesk run): close it, then restore again; nothing was changed");
                }
            }
            st.execute("SHUTDOWN");
        }
        closeKeeper();
        Settings s = settings;
        try {
            swap.swap(staging, backup, trust);
        } finally {
            open(s);
        }
    }

    /**
     * PostgreSQL: swaps the loaded schema {@code staging} in (one transaction that other sessions see whole), then
     * opens the database again so that no connection of this process holds plans of the replaced tables.
     */
    synchronized void swapInSchema(org.statdesk.store.internal.backup.PgSwap swap, String staging, String backup,
            String trust) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            swap.swap(c, staging, backup, trust);
        }
        closeKeeper();
        open(settings);
    }

    /** The database is in use elsewhere: exit 1, nothing changed. */
    static final class DatabaseBusyException extends Exception {
        private static final long serialVersionUID = 1L;

        DatabaseBusyException(String message) {
            super(message);
        }
    }
}
