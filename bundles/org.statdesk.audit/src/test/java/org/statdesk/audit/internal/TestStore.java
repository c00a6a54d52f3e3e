package org.statdesk.audit.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.Bundle;
import org.statdesk.api.store.Store;

/** A Store on an H2 database (in memory by default) that applies named migration resources. */
public final class TestStore implements Store {
    private final JdbcDataSource ds = new JdbcDataSource();
    private final Connection keeper;

    public TestStore(String url) throws SQLException {
        ds.setURL(url);
        keeper = ds.getConnection(); // keeps an in-memory database alive
    }

    public static TestStore memory(String name) throws SQLException {
        return new TestStore("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /** Runs a migration resource from the classpath (e.g. /db/migration/V1__audit_journal.sql). */
    public TestStore apply(String resource) throws Exception {
        try (InputStream in = TestStore.class.getResourceAsStream(resource); Connection c = connection();
                Statement st = c.createStatement()) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            for (String s : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")) {
                String sql = s.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        }
        return this;
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

    @Override
    public int migrate(Bundle bundle) {
        throw new UnsupportedOperationException("tests apply migrations by resource name");
    }

    @Override
    public Path dataFolder() {
        return Path.of("target");
    }

    public void close() throws SQLException {
        keeper.close();
    }
}
