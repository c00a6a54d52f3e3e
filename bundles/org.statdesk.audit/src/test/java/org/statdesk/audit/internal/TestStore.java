package org.statdesk.audit.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.statdesk.api.store.Store;
import org.statdesk.testing.MemoryStore;

/**
 * The shared {@link MemoryStore} with one thing the journal's own tests need: applying single migration scripts by
 * resource name, so that a test can build the schema of an older version (the journal before checkpoints, say).
 */
public final class TestStore implements Store {
    private final MemoryStore store;

    public TestStore(String url) throws SQLException {
        store = new MemoryStore(url);
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
        return store.dataSource();
    }

    @Override
    public Connection connection() throws SQLException {
        return store.connection();
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
        store.close();
    }
}
