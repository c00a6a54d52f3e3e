package org.statdesk.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An update that guards more columns of a table (or a table for the first time) adopts the new coverage without
 * calling every row tampered, and without blessing a row that was changed behind StatDesk's back before it.
 */
class CoverageTest {
    private static final AtomicInteger DB = new AtomicInteger();
    private static final TableInfo BEFORE = new TableInfo("t_item", "id", List.of("amount"), "test.bundle");
    private static final TableInfo AFTER = new TableInfo("t_item", "id", List.of("amount", "note"), "test.bundle");
    private static final TableInfo NEW_TABLE = new TableInfo("t_slot", "code", List.of("slot"), "test.bundle");
    private TestStore store;
    private JournalImpl journal;

    @BeforeEach
    void setUp() throws Exception {
        store = TestStore.memory("coverage" + DB.incrementAndGet()).apply("/db/migration/V1__audit_journal.sql")
                .apply("/db/migration/V3__audit_coverage.sql");
        exec("CREATE TABLE t_item (id VARCHAR(20) PRIMARY KEY, amount DECIMAL(18,3), note VARCHAR(100))",
                "CREATE TABLE t_slot (code VARCHAR(20) PRIMARY KEY, slot INTEGER)",
                "INSERT INTO t_item VALUES ('K1', 100, 'a'), ('K2', 200, 'b'), ('K3', 300, 'c')",
                "INSERT INTO t_slot VALUES ('output_value', 1), ('sales_value', 2)");
        journal = new JournalImpl(store, () -> "tester");
        journal.addTable(BEFORE);
        store.inTransaction(c -> {
            journal.recordRows(c, "t_item", List.of("K1", "K2", "K3"), "import", "导入");
            return null;
        });
        // the coverage the former version had, as an upgraded database records it
        store.inTransaction(c -> Coverage.adopt(c, BEFORE, journal));
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    private void exec(String... sql) throws Exception {
        try (Connection c = store.connection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private Verifier.Result verify(TableInfo... tables) throws Exception {
        try (Connection c = store.connection()) {
            return Verifier.verify(c, List.of(tables));
        }
    }

    @Test
    void moreColumnsReadAsTamperingUntilAdoptedAndThenVerify() throws Exception {
        assertFalse(verify(AFTER).ok(), "without adoption every row differs from its digest");
        journal.addTable(AFTER); // as the workstation does when the updated bundle declares its table
        Coverage.Adoption a = store.inTransaction(c -> Coverage.adopt(c, AFTER, journal)).orElseThrow();
        assertEquals(new Coverage.Adoption(3, 0), a);
        assertTrue(verify(AFTER).ok(), verify(AFTER).toString());
        assertTrue(store.inTransaction(c -> Coverage.adopt(c, AFTER, journal)).isEmpty(), "adopted once");
    }

    @Test
    void aRowChangedBeforeTheUpdateIsNotBlessedByIt() throws Exception {
        exec("UPDATE t_item SET amount = 9999 WHERE id = 'K2'");
        journal.addTable(AFTER);
        Coverage.Adoption a = store.inTransaction(c -> Coverage.adopt(c, AFTER, journal)).orElseThrow();
        assertEquals(new Coverage.Adoption(2, 1), a);
        Verifier.Result r = verify(AFTER);
        assertFalse(r.ok());
        assertEquals(1, r.problems().size(), r.toString());
        assertEquals("K2", r.problems().get(0).key());
    }

    @Test
    void aTableGuardedForTheFirstTimeIsJournaledAsItStands() throws Exception {
        assertFalse(verify(NEW_TABLE).ok(), "its rows are in no journal entry");
        journal.addTable(NEW_TABLE);
        Coverage.Adoption a = store.inTransaction(c -> Coverage.adopt(c, NEW_TABLE, journal)).orElseThrow();
        assertEquals(new Coverage.Adoption(2, 0), a);
        assertTrue(verify(NEW_TABLE, BEFORE).ok());
    }

    @Test
    void aTableDeclaredBeforeItsMigrationRanIsLeftForTheNextStart() throws Exception {
        TableInfo notYet = new TableInfo("t_not_yet", "id", List.of("amount"), "test.bundle");
        journal.addTable(notYet); // a fresh data folder: the bundle declares its table, then migrates
        assertTrue(store.inTransaction(c -> Coverage.adopt(c, notYet, journal)).isEmpty());
        exec("CREATE TABLE t_not_yet (id VARCHAR(10) PRIMARY KEY, amount INTEGER)");
        exec("INSERT INTO t_not_yet VALUES ('N1', 5)");
        Coverage.Adoption a = store.inTransaction(c -> Coverage.adopt(c, notYet, journal)).orElseThrow();
        assertEquals(new Coverage.Adoption(1, 0), a, "the next start adopts what the migration left");
    }
}
