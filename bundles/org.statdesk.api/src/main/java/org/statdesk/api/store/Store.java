package org.statdesk.api.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The workstation's database (数据库). Each bundle owns its tables and ships its schema migrations as
 * {@code db/migration/V<n>__<description>.sql} resources, applied in order of {@code n} and recorded, so a bundle
 * update runs only its new ones. SQL stays portable to PostgreSQL.
 */
@ProviderType
public interface Store {
    DataSource dataSource();

    /** A new connection; the caller closes it. */
    Connection connection() throws SQLException;

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    default <T> T inTransaction(SqlWork<T> work) throws Exception {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Applies the bundle's migrations not yet applied; returns how many ran. */
    int migrate(Bundle bundle) throws SQLException;

    /** The data folder (数据目录) of this workstation. */
    Path dataFolder();

    /**
     * The one seam for what differs between databases (H2, PostgreSQL): the product's name as the store reports it
     * ({@code h2} or {@code postgresql}). Code that must differ asks here, never parses a URL.
     */
    default String databaseKind() {
        return "h2";
    }

    /**
     * Asks the database to stream the results of large queries on {@code c} rather than materialise them (H2's
     * lazy execution; PostgreSQL's cursor fetch needs autocommit off and a fetch size, which the caller sets).
     * Call with {@code false} before the connection goes back to a pool.
     */
    default void streamResults(Connection c, boolean on) throws SQLException {
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws Exception;
    }
}
