package org.statdesk.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail (审计日志): append-only, hash-chained entries of every change. Entries are written on the caller's
 * connection, inside the caller's transaction, so a change and its journal entry commit or roll back together.
 * <p>
 * Data tables that the journal guards are declared as {@link AuditedTable} services. After changing a row of such a
 * table, call {@link #recordRow} (or {@link #recordRows} for bulk imports): the journal stores a digest of the row
 * as it now stands, so that {@code audit:verify} finds any row changed, deleted or inserted behind StatDesk's back.
 */
@ProviderType
public interface Journal {

    /** Appends one entry about a change that is not a guarded row (e.g. a draw, a setting). */
    void record(Connection c, Change change) throws SQLException;

    /**
     * Records a change to one row of a guarded table: the entry says field, old and new value and reason, and
     * carries the digest of the row as it now stands (or the row's deletion).
     */
    void recordRow(Connection c, String table, String key, String field, String oldValue, String newValue,
            String reason) throws SQLException;

    /** Records many rows of one guarded table at once (an import): one entry per row with its digest. */
    void recordRows(Connection c, String table, Collection<String> keys, String action, String reason)
            throws SQLException;

    /** Entries about an entity key (a credit code, a draw id, ...), oldest first, optionally since a date. */
    List<Entry> history(String key, java.time.LocalDate since) throws SQLException;

    /** The user making changes now. */
    String currentUser();

    /** One change (变更): which bundle, entity and key, field, old and new value, why. */
    record Change(String bundle, String entity, String key, String field, String oldValue, String newValue,
            String reason) {
    }

    /** One journal entry as stored. */
    record Entry(long seq, String time, String user, String bundle, String entity, String key, String field,
            String oldValue, String newValue, String reason, String rowDigest, String hash) {
    }
}
