package org.statdesk.launcher.e2e;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The database the suites run against, chosen by {@code -Dstatdesk.db=h2|postgres} (Maven passes it on; default h2).
 * On PostgreSQL ({@code STATDESK_PG_URL}, {@code STATDESK_PG_USER}, {@code STATDESK_PG_PASSWORD} from the
 * environment, as {@code .ci/postgres start} prints them) every data folder gets its own schema in the one database:
 * the configured role may create schemas in the database it owns but not databases (no CREATEDB, as on a bureau's
 * server), and a schema per data folder keeps the tests as independent as H2's file per data folder does.
 */
public final class TestDatabase {
    /** The environment variable through which the distribution's store configuration names a run's schema. */
    static final String SCHEMA_VARIABLE = "STATDESK_TEST_SCHEMA";

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("statdesk.db", "h2").trim());
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("-Dstatdesk.db=postgres needs " + name + " in the environment (.ci/postgres"
                    + " start DIR prints it)");
        }
        return v;
    }

    /** The schema of a data folder (created when missing), named after its absolute path. */
    public static String schemaFor(Path data) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(data.toAbsolutePath().normalize().toString()
                    .getBytes(StandardCharsets.UTF_8));
            String schema = "t_" + HexFormat.of().formatHex(d, 0, 10);
            try (Connection c = server(null); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            return schema;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test schema of " + data + ": " + e, e);
        }
    }

    /** The store's configuration for PostgreSQL; {@code schema} null: the one each run names in its environment. */
    public static String storeConfig(String schema) {
        return "url=" + env("STATDESK_PG_URL") + "?currentSchema=" + (schema == null ? "${env:" + SCHEMA_VARIABLE + "}"
                : schema) + "\nuser=" + env("STATDESK_PG_USER") + "\npassword=" + env("STATDESK_PG_PASSWORD")
                + "\ndataSourceFactory.target=(osgi.jdbc.driver.class=org.postgresql.Driver)\n";
    }

    /** Points the distribution (or a copy of its etc/) at PostgreSQL. */
    public static void configure(Path home, String schema) throws java.io.IOException {
        Files.writeString(home.resolve("etc/org.statdesk.store.cfg"), storeConfig(schema));
    }

    /** A connection to the server as the configured role, in {@code schema} (null: the default). */
    static Connection server(String schema) throws Exception {
        Driver d = driver(Path.of(System.getProperty("statdesk.dist", "target/statdesk")), "postgresql-",
                "org.postgresql.Driver");
        Properties p = new Properties();
        p.setProperty("user", env("STATDESK_PG_USER"));
        p.setProperty("password", env("STATDESK_PG_PASSWORD"));
        String url = env("STATDESK_PG_URL") + (schema == null ? "" : "?currentSchema=" + schema);
        Connection c = d.connect(url, p);
        if (c == null) {
            throw new SQLException("the driver does not take " + url);
        }
        return c;
    }

    /** The data folder's database as another program sees it (a tamperer, a test's check): H2's file or its schema. */
    static Connection connect(Path dist, Path data) throws Exception {
        if (postgres()) {
            return server(schemaFor(data));
        }
        Driver d = driver(dist, "h2-", "org.h2.Driver");
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return d.connect("jdbc:h2:file:" + data.resolve("db/statdesk").toAbsolutePath() + ";AUTO_SERVER=TRUE", p);
    }

    /** A JDBC driver from the distribution's system/ folder, as the workstation itself runs it. */
    private static Driver driver(Path dist, String jarPrefix, String className) throws Exception {
        Path jar;
        try (Stream<Path> s = Files.list(dist.resolve("system"))) {
            jar = s.filter(p -> p.getFileName().toString().startsWith(jarPrefix)).findFirst().orElseThrow();
        }
        URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        return (Driver) cl.loadClass(className).getDeclaredConstructor().newInstance();
    }

    /** The data folder a command line names ({@code --data DIR} or {@code --data=DIR}), else the default. */
    static Path dataOf(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--data") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (args.get(i).startsWith("--data=")) {
                return Path.of(args.get(i).substring("--data=".length()));
            }
        }
        return Path.of(System.getProperty("user.home"), ".statdesk");
    }
}
