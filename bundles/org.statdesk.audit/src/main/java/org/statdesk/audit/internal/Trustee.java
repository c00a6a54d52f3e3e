package org.statdesk.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.statdesk.api.audit.TrustAnchors.Head;
import org.statdesk.api.audit.UserProvider;

/**
 * The journal's trust outside the database: the installation's key that signs each new head, and the anchors file
 * that records every head written or seen. Anchors are written only for heads that are committed and lie on the
 * anchored history, so a transaction rolled back is never mistaken for a rollback of the database.
 */
final class Trustee {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private final Anchors anchors;
    private final JournalKey key;
    private final UserProvider users;

    Trustee(Anchors anchors, JournalKey key, UserProvider users) throws IOException {
        this.anchors = anchors;
        this.key = key;
        this.users = users;
        if (!anchors.load().keys().containsKey(key.id())) {
            anchors.pin(key.id(), key.publicText(), JournalImpl.now());
        }
    }

    /** The trust of data folder {@code data}: {@code DATA/anchors/} and {@code DATA/keys/}. */
    static Trustee inDataFolder(Path data, UserProvider users) throws IOException {
        return new Trustee(new Anchors(data.resolve("anchors")), JournalKey.inFolder(data.resolve("keys")), users);
    }

    JournalKey key() {
        return key;
    }

    Anchors.Trust trust() throws SQLException {
        try {
            return anchors.load().checkedWith(key);
        } catch (IOException e) {
            throw new SQLException("cannot read the journal's anchors " + anchors.file() + ": " + e.getMessage(), e);
        }
    }

    /** Seals the head the caller's transaction is about to commit; stored in that transaction. */
    void checkpoint(Connection c, long seq, String hash, String time) throws SQLException {
        Checkpoints.write(c, Checkpoints.seal(key, seq, hash, time));
    }

    static Head head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM aud_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the journal head (aud_head) is missing: the journal was tampered with");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }

    /**
     * Anchors the committed checkpoints of {@code c} that extend the anchored history (each signed by a pinned key and
     * on the chain). A database that is older than the anchors or holds another history anchors nothing: verify
     * reports it. A journal without any checkpoint and a folder without any anchored head (an installation from
     * before checkpoints) is adopted: its head is signed and anchored, trusted on first use.
     */
    Head sync(Connection c) throws SQLException {
        Head head = head(c);
        Anchors.Trust t = trust();
        Head last = t.last();
        if (last != null && (head.seq() < last.seq() || !last.hash().equals(Checkpoints.entryHash(c, last.seq())))) {
            return head;
        }
        List<Checkpoints.Checkpoint> fresh = new ArrayList<>();
        for (Checkpoints.Checkpoint cp : Checkpoints.after(c, last == null ? 0 : last.seq())) {
            if (!Checkpoints.valid(cp, t.keys(), key) || !cp.hash().equals(Checkpoints.entryHash(c, cp.seq()))) {
                break; // the history goes wrong here: anchor nothing after it
            }
            fresh.add(cp);
        }
        if (!fresh.isEmpty() && Checkpoints.isSeal(fresh.get(fresh.size() - 1))) {
            // the newest seal gets the key pair's signature, which another installation (a restore) can check
            Checkpoints.Checkpoint top = fresh.get(fresh.size() - 1);
            Checkpoints.Checkpoint signed = Checkpoints.sign(key, top.seq(), top.hash(), top.time());
            Checkpoints.resign(c, signed);
            fresh.set(fresh.size() - 1, signed);
        }
        try {
            anchors.checkpoints(fresh);
            if (last == null && fresh.isEmpty() && head.seq() > 0 && Checkpoints.after(c, 0).isEmpty()
                    && head.hash().equals(Checkpoints.entryHash(c, head.seq()))) {
                adopt(c, head);
            }
        } catch (IOException e) {
            throw new SQLException("cannot write the journal's anchors " + anchors.file() + ": " + e.getMessage(), e);
        }
        return head;
    }

    private void adopt(Connection c, Head head) throws SQLException, IOException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Head locked;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM aud_head WHERE id = 1 FOR UPDATE");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                locked = new Head(rs.getLong(1), rs.getString(2));
            }
            if (!locked.equals(head)) {
                c.rollback();
                return; // another writer moved on and signed its own head
            }
            Checkpoints.write(c, Checkpoints.sign(key, head.seq(), head.hash(), JournalImpl.now()));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        anchors.head(head, "adopted", JournalImpl.now());
    }

    String forBackup(Connection c) throws SQLException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "statdesk.journal.trust/1");
        Head h = head(c);
        doc.put("head", Map.of("seq", h.seq(), "hash", h.hash()));
        List<Map<String, String>> keys = new ArrayList<>();
        Map<String, PublicKey> pinned = new LinkedHashMap<>(trust().keys());
        pinned.putIfAbsent(key.id(), key.publicKey());
        pinned.forEach((id, k) -> keys.add(Map.of("key_id", id, "public_key",
                java.util.Base64.getEncoder().encodeToString(k.getEncoded()))));
        doc.put("keys", keys);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A backup's trust as {@link #forBackup} wrote it, checked: its head and its keys (id to base64). */
    record Backup(Head head, Map<String, String> keys, Anchors.Trust trust) {
    }

    static Backup parse(String text) throws SQLException {
        try {
            JsonNode doc = JSON.readTree(text);
            JsonNode h = doc.path("head");
            if (!h.path("seq").canConvertToLong() || h.path("seq").asLong() < 0
                    || !HASH.matcher(h.path("hash").asText("")).matches()) {
                throw new SQLException("the backup's journal trust has no valid head");
            }
            Head head = new Head(h.path("seq").asLong(), h.path("hash").asText());
            Map<String, String> keys = new LinkedHashMap<>();
            Map<String, PublicKey> parsed = new LinkedHashMap<>();
            for (JsonNode k : doc.path("keys")) {
                PublicKey pk = JournalKey.publicKey(k.path("public_key").asText());
                String id = JournalKey.idOf(pk);
                if (!id.equals(k.path("key_id").asText())) {
                    throw new SQLException("the backup's journal key " + k.path("key_id").asText() + " is not the key"
                            + " it names");
                }
                keys.put(id, k.path("public_key").asText());
                parsed.put(id, pk);
            }
            return new Backup(head, keys, Anchors.Trust.of(parsed, head, "backup"));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new SQLException("the backup's journal trust cannot be read: " + e.getMessage(), e);
        }
    }

    void restored(String trust, String backupName) throws SQLException {
        Backup b = parse(trust);
        Map<String, String> keys = new LinkedHashMap<>(b.keys());
        keys.putIfAbsent(key.id(), key.publicText()); // this installation goes on signing after the restore
        try {
            anchors.restore(users.currentUser(), backupName, b.head(), keys, JournalImpl.now());
        } catch (IOException e) {
            throw new SQLException("cannot record the restore in the journal's anchors " + anchors.file() + ": "
                    + e.getMessage(), e);
        }
    }
}
