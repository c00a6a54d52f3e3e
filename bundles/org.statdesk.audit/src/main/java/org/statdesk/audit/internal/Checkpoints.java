package org.statdesk.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The table {@code aud_checkpoint}: a signed head per writing transaction (seq, hash, time, key id, signature). */
final class Checkpoints {
    private static final char SEP = '\u001f';

    private Checkpoints() {
    }

    record Checkpoint(long seq, String hash, String time, String keyId, String signature) {
    }

    /** What a checkpoint's signature covers. */
    static String message(long seq, String hash, String time, String keyId) {
        return "statdesk.journal.checkpoint" + SEP + seq + SEP + hash + SEP + time + SEP + keyId;
    }

    static Checkpoint sign(JournalKey key, long seq, String hash, String time) {
        return new Checkpoint(seq, hash, time, key.id(), key.sign(message(seq, hash, time, key.id())));
    }

    /** A checkpoint sealed (HMAC) rather than signed: what each append writes. */
    static Checkpoint seal(JournalKey key, long seq, String hash, String time) {
        return new Checkpoint(seq, hash, time, key.macId(), key.seal(message(seq, hash, time, key.macId())));
    }

    static boolean isSeal(Checkpoint cp) {
        return cp.keyId().startsWith("mac-");
    }

    /**
     * Whether {@code cp} holds: signed by one of the {@code pinned} keys, or sealed by {@code local} (this
     * installation's key; null when unknown).
     */
    static boolean valid(Checkpoint cp, java.util.Map<String, java.security.PublicKey> pinned, JournalKey local) {
        String m = message(cp.seq(), cp.hash(), cp.time(), cp.keyId());
        if (isSeal(cp)) {
            return local != null && cp.keyId().equals(local.macId()) && local.sealed(m, cp.signature());
        }
        java.security.PublicKey k = pinned.get(cp.keyId());
        return k != null && JournalKey.verify(k, m, cp.signature());
    }

    /** Replaces the seal of checkpoint {@code signed.seq()} by its signature (committed at once). */
    static void resign(Connection c, Checkpoint signed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE aud_checkpoint SET key_id = ?, signature = ? WHERE seq = ? AND hash = ?")) {
            ps.setString(1, signed.keyId());
            ps.setString(2, signed.signature());
            ps.setLong(3, signed.seq());
            ps.setString(4, signed.hash());
            ps.executeUpdate();
        }
    }

    /**
     * Stores the head's checkpoint in the caller's transaction; an earlier checkpoint of the same seq (none, unless
     * the table was edited) is replaced so that the append never fails on it.
     */
    static void write(Connection c, Checkpoint cp) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM aud_checkpoint WHERE seq = ?")) {
            del.setLong(1, cp.seq());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO aud_checkpoint (seq, hash, cp_time, key_id, signature) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, cp.seq());
            ps.setString(2, cp.hash());
            ps.setString(3, cp.time());
            ps.setString(4, cp.keyId());
            ps.setString(5, cp.signature());
            ps.executeUpdate();
        }
    }

    /** The checkpoints after {@code seq}, in order. */
    static List<Checkpoint> after(Connection c, long seq) throws SQLException {
        List<Checkpoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash, cp_time, key_id, signature"
                + " FROM aud_checkpoint WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** The hash of entry {@code seq}, or null when the journal has no such entry. */
    static String entryHash(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM aud_journal WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
