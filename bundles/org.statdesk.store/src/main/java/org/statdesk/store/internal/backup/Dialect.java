package org.statdesk.store.internal.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a backup and a restore need that SQL does not say the same way in every database: a snapshot of all tables at
 * once, and where the next values of sequences and identity columns are kept. Restarting them is standard SQL
 * ({@code ALTER ... RESTART WITH}), so it is not here.
 */
public interface Dialect {
    /** Starts a read-only transaction on {@code c} in which every table is read as of one moment. */
    void beginSnapshot(Connection c) throws SQLException;

    /** The schema's sequences (not those behind identity columns) with the value each hands out next. */
    List<Manifest.Sequence> sequences(Connection c) throws SQLException;

    /** The identity column of {@code table} and the value it hands out next, or null when it has none. */
    Identity identity(Connection c, String table) throws SQLException;

    /** Streams large results instead of holding them (the store's seam). */
    void streamResults(Connection c, boolean on) throws SQLException;

    record Identity(String column, long next) {
    }
}
