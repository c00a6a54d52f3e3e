package org.statdesk.api.audit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The journal's trust outside the database (信任锚): the heads this workstation has written or seen and the public
 * keys that sign them, kept in the data folder but not under {@code DATA/db/}. A backup carries them
 * ({@link #forBackup}); a restore hands them back ({@link #restored}), so that a restore is recorded as a restore and
 * never mistaken for a rollback.
 */
@org.osgi.annotation.versioning.ProviderType
public interface TrustAnchors {
    /** The journal's head as the database holds it: the last entry's sequence number and hash. */
    record Head(long seq, String hash) {
        @Override
        public String toString() {
            return seq + ":" + hash;
        }
    }

    /** The head of the journal on {@code c}. */
    Head head(Connection c) throws SQLException;

    /**
     * What a backup carries to be trusted when restored: the head and the public keys of the journal on {@code c},
     * as a small JSON document that the backup stores as one of its entries.
     */
    String forBackup(Connection c) throws SQLException;

    /**
     * Called by a restore once the restored database verified (see {@link #verify}) and was swapped in: trusts the
     * backup's head and keys ({@code trust} as {@link #forBackup} wrote it) and records the restore (who, when, {@code backupName}) in
     * the anchors, replacing the anchors of the database that is replaced.
     */
    void restored(String trust, String backupName) throws SQLException;

    /**
     * Verifies the journal on {@code c} (a restored database, before it is swapped in) against {@code trust} as
     * {@link #forBackup} wrote it instead of this workstation's anchors: the chain, every guarded record, each
     * checkpoint signed by one of the backup's keys, and that the journal holds exactly the backup's head.
     */
    Verification verify(Connection c, String trust) throws SQLException;

    /** A verification: whether it holds, the document {@code audit:verify --json} prints, and its text. */
    record Verification(boolean ok, Object json, String text) {
    }
}
