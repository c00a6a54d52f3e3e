package org.statdesk.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.audit.Journal;

class JournalTest {
    private static final AtomicInteger DB = new AtomicInteger();
    private TestStore store;
    private JournalImpl journal;

    @BeforeEach
    void setUp() throws Exception {
        store = TestStore.memory("journal" + DB.incrementAndGet()).apply("/db/migration/V1__audit_journal.sql");
        try (Connection c = store.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t_item (id VARCHAR(20) PRIMARY KEY, amount DECIMAL(18,3), note VARCHAR(100))");
        }
        journal = new JournalImpl(store, () -> "tester");
        journal.addTable(new TableInfo("t_item", "id", List.of("amount", "note"), "test.bundle"));
        // Five items imported in one transaction, then one changed and one deleted through the journal.
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_item VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setString(1, "K" + i);
                    ps.setBigDecimal(2, new java.math.BigDecimal(i * 100 + ".5"));
                    ps.setString(3, "note " + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            journal.recordRows(c, "t_item", List.of("K1", "K2", "K3", "K4", "K5"), "import", "首次导入");
            return null;
        });
        store.inTransaction(c -> {
            exec(c, "UPDATE t_item SET amount = 999 WHERE id = 'K2'");
            journal.recordRow(c, "t_item", "K2", "amount", "200.5", "999", "企业更正");
            exec(c, "DELETE FROM t_item WHERE id = 'K5'");
            journal.recordRow(c, "t_item", "K5", JournalImpl.WHOLE_RECORD, "present", null, "重复记录");
            journal.record(c, new Journal.Change("test.bundle", "draw", "D1", "seed", null, "42", "抽查"));
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private void tamper(String... sql) throws Exception {
        try (Connection c = store.connection()) {
            for (String s : sql) {
                exec(c, s);
            }
        }
    }

    private Verifier.Result verify() throws Exception {
        try (Connection c = store.connection()) {
            return Verifier.verify(c, List.of(new TableInfo("t_item", "id", List.of("amount", "note"), "test.bundle")));
        }
    }

    @Test
    void cleanJournalVerifies() throws Exception {
        Verifier.Result r = verify();
        assertTrue(r.ok(), () -> r.problems().toString());
        assertEquals(8, r.entries());
        assertEquals(4, r.rows());
        assertEquals(12, r.checked());
    }

    @Test
    void historyKeepsWhoWhatWhy() throws Exception {
        List<Journal.Entry> h = journal.history("K2", null);
        assertEquals(2, h.size());
        assertEquals("import", h.get(0).newValue());
        assertEquals("amount", h.get(1).field());
        assertEquals("200.5", h.get(1).oldValue());
        assertEquals("企业更正", h.get(1).reason());
        assertEquals("tester", h.get(1).user());
        assertEquals("test.bundle", h.get(1).bundle());
        assertEquals(Digests.DELETED, journal.history("K5", null).get(1).rowDigest());
        assertEquals(0, journal.history("K2", java.time.LocalDate.now().plusDays(1)).size());
    }

    @Test
    void changedEntryIsFound() throws Exception {
        tamper("UPDATE aud_journal SET new_value = '1' WHERE seq = 6");
        Verifier.Result r = verify();
        assertFalse(r.ok());
        assertEquals(1, r.problemCount());
        assertEquals("aud_journal", r.problems().get(0).table());
        assertEquals("6", r.problems().get(0).key());
    }

    @Test
    void deletedEntryIsFound() throws Exception {
        tamper("DELETE FROM aud_journal WHERE seq = 3");
        Verifier.Result r = verify();
        assertFalse(r.ok());
        assertEquals("4", r.problems().get(0).key());
        assertTrue(r.problems().get(0).message().contains("缺失"));
    }

    @Test
    void deletedLastEntryIsFound() throws Exception {
        tamper("DELETE FROM aud_journal WHERE seq = 8");
        assertFalse(verify().ok());
    }

    @Test
    void insertedEntryIsFound() throws Exception {
        // Make room at seq 4 and forge an entry there, copying the hash of a neighbour.
        tamper("UPDATE aud_journal SET seq = seq + 100 WHERE seq >= 4",
                "UPDATE aud_journal SET seq = seq - 99 WHERE seq >= 104",
                "INSERT INTO aud_journal SELECT 4, entry_time, user_name, bundle, entity, entity_key, field,"
                        + " old_value, 'forged', reason, row_digest, hash FROM aud_journal WHERE seq = 3",
                "UPDATE aud_head SET last_seq = 9");
        Verifier.Result r = verify();
        assertFalse(r.ok());
        assertEquals("4", r.problems().get(0).key());
    }

    @Test
    void reorderedEntriesAreFound() throws Exception {
        tamper("UPDATE aud_journal SET seq = -2 WHERE seq = 2", "UPDATE aud_journal SET seq = 2 WHERE seq = 3",
                "UPDATE aud_journal SET seq = 3 WHERE seq = -2");
        Verifier.Result r = verify();
        assertFalse(r.ok());
        assertEquals("2", r.problems().get(0).key());
    }

    @Test
    void rowChangedBehindTheJournalIsFound() throws Exception {
        tamper("UPDATE t_item SET note = 'edited by SQL' WHERE id = 'K3'");
        Verifier.Result r = verify();
        assertEquals(1, r.problemCount());
        assertEquals(new Verifier.Problem("t_item", "K3", "*", r.problems().get(0).message()), r.problems().get(0));
        assertTrue(r.problems().get(0).message().contains("修改"));
    }

    @Test
    void sameValueWithOtherScaleIsNoChange() throws Exception {
        tamper("UPDATE t_item SET amount = 300.500 WHERE id = 'K3'");
        assertTrue(verify().ok());
    }

    @Test
    void rowDeletedOrInsertedBehindTheJournalIsFound() throws Exception {
        tamper("DELETE FROM t_item WHERE id = 'K1'", "INSERT INTO t_item VALUES ('K9', 1, 'ghost')",
                "INSERT INTO t_item VALUES ('K5', 500.5, 'note 5')");
        Verifier.Result r = verify();
        assertEquals(3, r.problemCount(), () -> r.problems().toString());
        assertEquals(List.of("K1", "K5", "K9"), r.problems().stream().map(Verifier.Problem::key).sorted().toList());
    }

    @Test
    void rolledBackChangeLeavesNoEntry() throws Exception {
        try {
            store.inTransaction(c -> {
                exec(c, "UPDATE t_item SET amount = 1 WHERE id = 'K1'");
                journal.recordRow(c, "t_item", "K1", "amount", "100.5", "1", "试错");
                throw new IllegalStateException("crash before commit");
            });
        } catch (IllegalStateException expected) {
            // the change and its entry roll back together
        }
        assertEquals(1, journal.history("K1", null).size());
        assertTrue(verify().ok());
    }

    @Test
    void historyOfACodeFindsKeysHoldingItAsAPathSegment() throws Exception {
        store.inTransaction(c -> {
            journal.recordRow(c, "t_item", "2026-10/CODE1/B101", "amount", "1", "2", "更正");
            journal.recordRow(c, "t_item", "2026-10/XCODE1/B101", "amount", "1", "2", "更正");
            journal.recordRow(c, "t_item", "CODE1/2026", "amount", "1", "2", "更正");
            journal.recordRow(c, "t_item", "2026/CODE1", "amount", "1", "2", "更正");
            return null;
        });
        assertEquals(3, journal.history("CODE1", null).size());
    }
}
