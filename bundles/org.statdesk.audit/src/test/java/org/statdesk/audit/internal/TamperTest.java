package org.statdesk.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.audit.TrustAnchors;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.CommandResult;

/**
 * The attacks of issue 12 §2 by someone who can write the database but not the data folder's keys and anchors: each
 * passes the database's own checks (chain and row digests recomputed) and is caught by a signature or an anchor.
 */
class TamperTest {
    private static final AtomicInteger DB = new AtomicInteger();
    private static final TableInfo ITEMS = new TableInfo("t_item", "id", List.of("amount", "note"), "test.bundle");
    @TempDir
    Path data;
    private final List<TestStore> stores = new ArrayList<>();
    private TestStore store;
    private JournalImpl journal;
    private TrustAnchors.Head afterImport;

    private TestStore newDatabase() throws Exception {
        TestStore s = TestStore.memory("tamper" + DB.incrementAndGet()).apply("/db/migration/V1__audit_journal.sql")
                .apply("/db/migration/V2__audit_checkpoints.sql");
        try (Connection c = s.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t_item (id VARCHAR(20) PRIMARY KEY, amount DECIMAL(18,3), note VARCHAR(100))");
        }
        stores.add(s);
        return s;
    }

    private static JournalImpl journal(TestStore s, Path folder) throws Exception {
        JournalImpl j = new JournalImpl(s, () -> "tester", Trustee.inDataFolder(folder, () -> "tester"), null);
        j.addTable(ITEMS);
        return j;
    }

    /** Five items imported (one command), then K2 changed (a second command); the workstation anchors after each. */
    private static TrustAnchors.Head history(TestStore s, JournalImpl j, String k2) throws Exception {
        s.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_item VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setString(1, "K" + i);
                    ps.setBigDecimal(2, new BigDecimal(i * 100 + ".5"));
                    ps.setString(3, "note " + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            j.recordRows(c, "t_item", List.of("K1", "K2", "K3", "K4", "K5"), "import", "首次导入");
            return null;
        });
        TrustAnchors.Head first;
        try (Connection c = s.connection()) {
            first = j.anchoredHead(c);
        }
        s.inTransaction(c -> {
            exec(c, "UPDATE t_item SET amount = " + k2 + " WHERE id = 'K2'");
            j.recordRow(c, "t_item", "K2", "amount", "200.5", k2, "企业更正");
            return null;
        });
        try (Connection c = s.connection()) {
            j.anchoredHead(c);
        }
        return first;
    }

    @BeforeEach
    void setUp() throws Exception {
        store = newDatabase();
        journal = journal(store, data);
        afterImport = history(store, journal, "999");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (TestStore s : stores) {
            s.close();
        }
    }

    private static void exec(Connection c, String... sql) throws Exception {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private Verifier.Result verify(TestStore s, TrustAnchors.Head given) throws Exception {
        try (Connection c = s.connection(); Connection second = s.connection()) {
            return journal.verify(c, second, given);
        }
    }

    /** What the database alone says (chain, head row, row digests): the check that an SQL writer can satisfy. */
    private static boolean databaseAloneOk(TestStore s) throws Exception {
        try (Connection c = s.connection()) {
            return Verifier.verify(c, List.of(ITEMS)).ok();
        }
    }

    /** The attacker's tool: recompute every entry's hash from the start and set the head row, as verify would. */
    private static void rechain(Connection c) throws Exception {
        MessageDigest md = Digests.sha256();
        String prev = Digests.GENESIS;
        long last = 0;
        List<Object[]> updates = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, entry_time, user_name,"
                + " bundle, entity, entity_key, field, old_value, new_value, reason, row_digest FROM aud_journal"
                + " ORDER BY seq")) {
            while (rs.next()) {
                last = rs.getLong(1);
                prev = Digests.chain(md, prev, last, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11));
                updates.add(new Object[] {last, prev});
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE aud_journal SET hash = ? WHERE seq = ?")) {
            for (Object[] u : updates) {
                ps.setString(1, (String) u[1]);
                ps.setLong(2, (Long) u[0]);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE aud_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, last);
            ps.setString(2, prev);
            ps.executeUpdate();
        }
    }

    /** The row digest of {@code id} as the journal computes it. */
    private static String digestOf(Connection c, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(ITEMS.select(true))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Digests.row(Digests.sha256(), rs, 2, 3);
            }
        }
    }

    @Test
    void cleanHistoryVerifiesWithItsCheckpointsAndAnchors() throws Exception {
        Verifier.Result r = verify(store, null);
        assertTrue(r.ok(), () -> r.problems().toString());
        assertEquals(2, r.checkpoints());
        assertNull(r.anchor());
        assertTrue(Files.readString(data.resolve("anchors/journal.anchors")).contains("checkpoint\t"));
    }

    @Test
    void figureRewrittenWithDigestsAndChainRecomputedIsCaughtByTheSignatureAndTheAnchor() throws Exception {
        try (Connection c = store.connection()) {
            exec(c, "UPDATE t_item SET amount = 1 WHERE id = 'K3'");
            exec(c, "UPDATE aud_journal SET row_digest = '" + digestOf(c, "K3") + "' WHERE entity_key = 'K3'");
            rechain(c);
        }
        assertTrue(databaseAloneOk(store), "the database's own checks pass: this is the attack");
        Verifier.Result r = verify(store, null);
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.table().equals("aud_checkpoint") && p.field().equals("hash")),
                () -> r.problems().toString());
        assertNotNull(r.anchor(), "the anchored head is not in this history");
        assertNotNull(r.anchor().found());

        // ... and dropping the checkpoints that give it away leaves the journal's end unsigned
        try (Connection c = store.connection()) {
            exec(c, "DELETE FROM aud_checkpoint");
        }
        Verifier.Result r2 = verify(store, null);
        assertFalse(r2.ok());
        assertTrue(r2.problems().stream().anyMatch(p -> p.message().contains("没有签名检查点")),
                () -> r2.problems().toString());
    }

    @Test
    void appendsAreSealedAndTheNewestSealIsSignedWhenAnchored() throws Exception {
        store.inTransaction(c -> {
            for (int i = 0; i < 50; i++) {
                journal.recordRow(c, "t_item", "K3", "note", "note 3", "note 3", "逐条更正 " + i);
            }
            return null;
        });
        assertEquals(50, count("SELECT COUNT(*) FROM aud_checkpoint WHERE key_id LIKE 'mac-%'"),
                "an append costs a seal (HMAC), not a signature");
        assertTrue(verify(store, null).ok(), "seals are checked with this installation's key");
        assertEquals(49, count("SELECT COUNT(*) FROM aud_checkpoint WHERE key_id LIKE 'mac-%'"),
                "the verify that held anchored the head and signed the newest seal");
        try (Connection c = store.connection()) {
            exec(c, "UPDATE aud_checkpoint SET signature = 'AAAA' WHERE key_id LIKE 'mac-%' AND seq = (SELECT"
                    + " MIN(seq) FROM aud_checkpoint WHERE key_id LIKE 'mac-%')");
        }
        Verifier.Result r = verify(store, null);
        assertFalse(r.ok());
        assertEquals("signature", r.problems().get(0).field(), () -> r.problems().toString());
    }

    private long count(String sql) throws Exception {
        try (Connection c = store.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void forgedCheckpointSignatureIsCaught() throws Exception {
        try (Connection c = store.connection()) {
            exec(c, "UPDATE aud_checkpoint SET cp_time = '2020-01-01T00:00:00.000+08:00'");
        }
        Verifier.Result r = verify(store, null);
        assertFalse(r.ok());
        assertEquals("signature", r.problems().get(0).field(), () -> r.problems().toString());
    }

    @Test
    void tailCutWithItsRowsAndHeadResetIsCaughtByTheAnchor() throws Exception {
        try (Connection c = store.connection()) {
            exec(c, "DELETE FROM aud_journal WHERE seq > " + afterImport.seq(),
                    "DELETE FROM aud_checkpoint WHERE seq > " + afterImport.seq(),
                    "UPDATE t_item SET amount = 200.5 WHERE id = 'K2'",
                    "UPDATE aud_head SET last_seq = " + afterImport.seq() + ", last_hash = '" + afterImport.hash()
                            + "'");
        }
        assertTrue(databaseAloneOk(store), "the database's own checks pass: this is the attack");
        Verifier.Result r = verify(store, null);
        assertFalse(r.ok());
        assertEquals(afterImport.seq() + 1, r.anchor().seq());
        assertNull(r.anchor().found(), "the database is older than the anchor");
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("数据库比信任锚旧")));
    }

    @Test
    void databaseReplacedByAnEarlierCopyIsCaughtByTheAnchor() throws Exception {
        TestStore copy = newDatabase();
        copyInto(store, copy); // the copy as it was taken now ...
        store.inTransaction(c -> { // ... and a later change the copy does not have
            exec(c, "UPDATE t_item SET note = 'checked' WHERE id = 'K1'");
            journal.recordRow(c, "t_item", "K1", "note", "note 1", "checked", "核查");
            return null;
        });
        try (Connection c = store.connection()) {
            journal.anchoredHead(c);
        }
        assertTrue(databaseAloneOk(copy));
        Verifier.Result r = verify(copy, null);
        assertFalse(r.ok());
        assertNull(r.anchor().found());
    }

    @Test
    void selfConsistentDatabaseMadeElsewhereIsCaughtByItsKeyAndTheAnchor(@TempDir Path elsewhere) throws Exception {
        TestStore foreign = newDatabase();
        history(foreign, journal(foreign, elsewhere), "998"); // the same history, one figure different
        assertTrue(databaseAloneOk(foreign));
        Verifier.Result r = verify(foreign, null);
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.field().equals("key_id")), () -> r.problems().toString());
        assertNotNull(r.anchor());
    }

    @Test
    void headGivenOnTheCommandLineMustBeInTheJournal() throws Exception {
        AuditCommands.Verify cmd = new AuditCommands.Verify(store, journal);
        CommandResult ok = cmd.execute(Args.of("--head", afterImport.toString()));
        assertEquals(0, ok.exitCode(), ok::text);
        CommandResult wrong = cmd.execute(Args.of("--head", afterImport.seq() + ":" + "ab".repeat(32)));
        assertEquals(1, wrong.exitCode());
        Verifier.Mismatch m = ((Verifier.Result) wrong.json()).anchor();
        assertEquals(new Verifier.Mismatch(afterImport.seq(), "ab".repeat(32), afterImport.hash(), "--head"), m);
        CommandResult later = cmd.execute(Args.of("--head", "99:" + "ab".repeat(32)));
        assertEquals(1, later.exitCode());
        assertNull(((Verifier.Result) later.json()).anchor().found());
        assertThrows(BadInputException.class, () -> cmd.execute(Args.of("--head", "7:nothex")));
    }

    @Test
    void headCommandPrintsSeqAndHash() throws Exception {
        CommandResult r = new AuditCommands.HeadCommand(store, journal).execute(Args.of("--json"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> doc = (java.util.Map<String, Object>) r.json();
        try (Connection c = store.connection()) {
            TrustAnchors.Head h = journal.head(c);
            assertEquals(h.seq(), doc.get("seq"));
            assertEquals(h.hash(), doc.get("hash"));
            assertEquals(h.toString(), r.text());
        }
    }

    @Test
    void restoreOverAFolderWithAnchorsIsRecordedAndNotMistakenForARollback() throws Exception {
        TestStore copy = newDatabase();
        copyInto(store, copy);
        String trust;
        try (Connection c = copy.connection()) {
            trust = journal.forBackup(c);
            assertTrue(journal.verify(c, trust).ok());
        }
        store.inTransaction(c -> {
            journal.recordRow(c, "t_item", "K4", "note", "note 4", "note 4", "后来的修改");
            return null;
        });
        try (Connection c = store.connection()) {
            journal.anchoredHead(c);
        }
        assertFalse(verify(copy, null).ok(), "before the restore is recorded, the copy is a rollback");
        journal.restored(trust, "statdesk-2026-11.zip");
        Verifier.Result r = verify(copy, null);
        assertTrue(r.ok(), () -> r.problems().toString());
        String anchors = Files.readString(data.resolve("anchors/journal.anchors"));
        assertTrue(anchors.contains("restore\t") && anchors.contains("\ttester\tstatdesk-2026-11.zip\t"), anchors);
        // the workstation signs on after the restore
        copy.inTransaction(c -> {
            journal.recordRow(c, "t_item", "K4", "note", "note 4", "note 4", "恢复后");
            return null;
        });
        assertTrue(verify(copy, null).ok());
    }

    @Test
    void restoreIntoAFolderWithoutAnchorsTrustsTheBackup(@TempDir Path other) throws Exception {
        String trust;
        try (Connection c = store.connection()) {
            trust = journal.forBackup(c);
        }
        JournalImpl there = new JournalImpl(store, () -> "tester", Trustee.inDataFolder(other, () -> "tester"), null);
        there.addTable(ITEMS);
        try (Connection c = store.connection(); Connection d = store.connection()) {
            assertFalse(there.verify(c, d, null).ok(), "keys not pinned here yet");
            there.restored(trust, "b.zip");
            Verifier.Result r = there.verify(c, d, null);
            assertTrue(r.ok(), () -> r.problems().toString());
        }
    }

    @Test
    void verifyOfARestoredDatabaseAgainstItsBackupsTrust() throws Exception {
        String trust;
        try (Connection c = store.connection()) {
            trust = journal.forBackup(c);
            exec(c, "UPDATE t_item SET note = 'x' WHERE id = 'K1'",
                    "UPDATE aud_journal SET row_digest = '" + digestOf(c, "K1") + "' WHERE entity_key = 'K1'");
            rechain(c);
            TrustAnchors.Verification v = journal.verify(c, trust);
            assertFalse(v.ok(), v::text);
        }
        assertThrows(java.sql.SQLException.class, () -> journal.restored("{\"head\": {\"seq\": 1}}", "x.zip"));
    }

    @Test
    void rolledBackTransactionLeavesNoAnchorBehind() throws Exception {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(c -> {
            journal.recordRow(c, "t_item", "K1", "amount", "100.5", "1", "试错");
            throw new IllegalStateException("crash before commit");
        }));
        try (Connection c = store.connection()) {
            journal.anchoredHead(c);
        }
        assertTrue(verify(store, null).ok());
    }

    @Test
    void journalFromBeforeCheckpointsIsAdoptedOnce(@TempDir Path fresh) throws Exception {
        try (Connection c = store.connection()) {
            exec(c, "DELETE FROM aud_checkpoint");
        }
        JournalImpl upgraded = new JournalImpl(store, () -> "tester", Trustee.inDataFolder(fresh, () -> "t"), null);
        upgraded.addTable(ITEMS);
        try (Connection c = store.connection(); Connection d = store.connection()) {
            upgraded.anchoredHead(c);
            Verifier.Result r = upgraded.verify(c, d, null);
            assertTrue(r.ok(), () -> r.problems().toString());
            assertEquals(1, r.checkpoints());
        }
        assertTrue(Files.readString(fresh.resolve("anchors/journal.anchors")).contains("\tadopted\n"));
    }

    @Test
    void keysAndAnchorsAreTheOwnersOnlyAndOutsideTheDatabase() throws Exception {
        for (Path p : List.of(data.resolve("anchors/journal.anchors"), data.resolve("keys/journal-ed25519.key"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys"))));
        try (Connection c = store.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE"
                        + " LOWER(COLUMN_NAME) LIKE '%private%'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        String key = Files.readString(data.resolve("keys/journal-ed25519.key")).lines().findFirst().orElseThrow();
        try (Connection c = store.connection(); Statement st = c.createStatement()) {
            String script = String.join("\n", scriptOf(st));
            assertFalse(script.contains(key), "the private key is not in the database");
        }
    }

    @Test
    void damagedAnchorsFileIsAFinding() throws Exception {
        Files.writeString(data.resolve("anchors/journal.anchors"), "garbage\tline\n",
                java.nio.file.StandardOpenOption.APPEND);
        Verifier.Result r = verify(store, null);
        assertFalse(r.ok());
        assertEquals("anchors", r.problems().get(0).table());
    }

    private static List<String> scriptOf(Statement st) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** An exact copy of {@code from}'s tables into the empty-but-migrated {@code to}, as a file copy would give. */
    private static void copyInto(TestStore from, TestStore to) throws Exception {
        try (Connection f = from.connection(); Connection t = to.connection(); Statement ts = t.createStatement()) {
            ts.execute("DELETE FROM aud_head");
            for (String table : List.of("aud_journal", "aud_head", "aud_checkpoint", "t_item")) {
                try (Statement fs = f.createStatement(); ResultSet rs = fs.executeQuery("SELECT * FROM " + table)) {
                    int n = rs.getMetaData().getColumnCount();
                    String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
                    String insert = "INSERT INTO " + table + " VALUES (" + marks + ")";
                    try (PreparedStatement ps = t.prepareStatement(insert)) {
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                ps.setObject(i, rs.getObject(i));
                            }
                            ps.executeUpdate();
                        }
                    }
                }
            }
        }
    }
}
