package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.ReviewService;
import org.statdesk.review.internal.tables.FlagTable;
import org.statdesk.review.internal.tables.FormSlotTable;
import org.statdesk.review.internal.tables.PeriodTable;
import org.statdesk.review.internal.tables.ReportTable;
import org.statdesk.review.internal.tables.ReviewMarkTable;
import org.statdesk.review.internal.tables.ReviewSchema;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.audit.internal.JournalImpl;
import org.statdesk.audit.internal.TableInfo;
import org.statdesk.audit.internal.Verifier;

/** Every change of the audited review tables is journaled after it is written: audit verify stays ok. */
class AuditTrailTest {
    private MemoryStore store;
    private List<TableInfo> tables;

    /** The rooms on a store with the audit bundle's tables, the real journal and every review table declared. */
    private Rooms withRealJournal(Synth synth) throws Exception {
        store = MemoryStore.withOwnMigrations().migrate("org.statdesk.audit");
        JournalImpl journal = new JournalImpl(store, () -> "li.si");
        tables = all().stream().map(t -> TableInfo.of(t, ReviewSchema.BUNDLE)).toList();
        tables.forEach(journal::addTable);
        return new Rooms(store, journal, new ListRegister(synth.units), Settings.defaults())
                .with(TestForms.industrial());
    }

    @Test
    void importRunCorrectRerunResolveKeepsTheTrailVerifiable() throws Exception {
        Synth synth = new Synth(120, "2024-06", 18, 7, 2);
        Rooms rooms = withRealJournal(synth);
        ReviewService review = rooms.service;

        rooms.imports.importReports(csv(synth, synth.periods), null, LocalDate.of(2024, 7, 3));
        assertOk(store, tables);
        List<Flag> first = review.run("2024-06", "industrial");
        assertFalse(first.isEmpty());
        assertOk(store, tables);

        // a correction of a reviewed figure re-imported with a reason: the journaled digest is of the new row
        Flag f = first.get(0);
        String fix = "credit_code,period,indicator,value\n" + f.creditCode() + ",2024-06,output_value,"
                + (review.values("2024-06", "output_value").get(f.creditCode()) + 1) + "\n";
        var s = rooms.imports.importReports(fix.getBytes(StandardCharsets.UTF_8), "企业更正", LocalDate.of(2024, 7, 4));
        assertEquals(1, s.revisions());
        assertOk(store, tables);

        // a fix that removes a planted error: the rerun deletes the flag no longer raised and updates others
        java.util.Map<String, double[]> clean = new java.util.HashMap<>();
        synth.reports.get("2024-06").forEach((k, v) -> clean.put(k, v.clone()));
        synth.plant("2024-06", 2);
        rooms.imports.importReports(csv(synth, List.of("2024-06")), "企业重报", LocalDate.of(2024, 7, 5));
        List<Flag> second = review.run("2024-06", "industrial");
        assertOk(store, tables);
        clean.forEach((k, v) -> System.arraycopy(v, 0, synth.reports.get("2024-06").get(k), 0, v.length));
        rooms.imports.importReports(csv(synth, List.of("2024-06")), "企业更正", LocalDate.of(2024, 7, 6));
        List<Flag> third = review.run("2024-06", "industrial");
        assertTrue(third.size() < second.size(), second.size() + " -> " + third.size());
        assertOk(store, tables);

        Flag open = third.stream().filter(x -> x.status().equals("open")).findFirst().orElseThrow();
        review.resolve(open.id(), "explain", "季节性停产", null, null);
        review.resolve(open.id(), "close", null, null, null);
        Flag other = third.stream().filter(x -> x.status().equals("open") && x.id() != open.id()).findFirst()
                .orElseThrow();
        review.resolve(other.id(), "correct", null, 1.0, "核实后更正");
        review.run("2024-06", "industrial");
        assertOk(store, tables);

        // and a change behind StatDesk's back is still found
        try (Connection c = store.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE rev_flag SET status = 'closed' WHERE id = " + other.id());
        }
        try (Connection c = store.connection()) {
            assertFalse(Verifier.verify(c, tables).ok());
        }
    }

    /**
     * The tables that change a figure or a verdict without changing a report: a slot swap (工业总产值 read as
     * 工业销售产值 in every report), a lowered review mark (a reviewed figure changed without a reason), a flag's
     * score or message. Each edit behind StatDesk's back is found, naming its table; undone, verify is ok again.
     */
    @Test
    void slotsMarksAndAFlagsScoreAndMessageAreGuarded() throws Exception {
        Synth synth = new Synth(60, "2024-06", 14, 5, 2);
        Rooms rooms = withRealJournal(synth);
        synth.plant("2024-06", 2);
        rooms.imports.importReports(csv(synth, synth.periods), null, LocalDate.of(2024, 7, 3));
        assertFalse(rooms.runs.run("2024-06", "industrial").isEmpty());
        assertOk(store, tables);
        long id = rooms.service.flags("2024-06", null).get(0).id();
        String[][] edits = {
            {"rev_form_slot", "UPDATE rev_form_slot SET slot = CASE indicator WHEN 'output_value' THEN 3 ELSE 1 END"
                    + " WHERE indicator IN ('output_value', 'sales_value')",
                "UPDATE rev_form_slot SET slot = CASE indicator WHEN 'output_value' THEN 1 ELSE 3 END"
                    + " WHERE indicator IN ('output_value', 'sales_value')"},
            {"rev_review_mark", "UPDATE rev_review_mark SET upto = -1 WHERE period = '2024-06'",
                "UPDATE rev_review_mark SET upto = written WHERE period = '2024-06'"},
            {"rev_flag", "UPDATE rev_flag SET score = score / 100 WHERE id = " + id,
                "UPDATE rev_flag SET score = score * 100 WHERE id = " + id},
            {"rev_flag", "UPDATE rev_flag SET message = '核实无误' WHERE id = " + id, null},
        };
        for (String[] e : edits) {
            String message = null;
            try (Connection c = store.connection(); Statement st = c.createStatement()) {
                if (e[2] == null) {
                    try (var rs = st.executeQuery("SELECT message FROM rev_flag WHERE id = " + id)) {
                        rs.next();
                        message = rs.getString(1);
                    }
                }
                assertTrue(st.executeUpdate(e[1]) > 0, e[1]);
            }
            try (Connection c = store.connection()) {
                Verifier.Result r = Verifier.verify(c, tables);
                assertFalse(r.ok(), e[1]);
                assertTrue(r.problems().stream().allMatch(p -> p.table().equals(e[0])), r.problems().toString());
            }
            try (Connection c = store.connection(); var ps = c.prepareStatement(e[2] != null ? e[2]
                    : "UPDATE rev_flag SET message = ? WHERE id = " + id)) {
                if (e[2] == null) {
                    ps.setString(1, message);
                }
                ps.executeUpdate();
            }
            assertOk(store, tables);
        }
    }

    private static byte[] csv(Synth synth, List<String> periods) throws Exception {
        StringWriter w = new StringWriter();
        synth.writeLong(w, periods);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertOk(MemoryStore store, List<TableInfo> tables) throws Exception {
        try (Connection c = store.connection()) {
            Verifier.Result r = Verifier.verify(c, tables);
            assertTrue(r.ok(), r.problems().toString());
        }
    }

    /** Every review table the bundle declares to the audit trail. */
    static List<AuditedTable> all() {
        return List.of(new ReportTable.Audited(), new FlagTable.Audited(), new PeriodTable.Audited(),
                new FormSlotTable.Audited(), new ReviewMarkTable.Audited());
    }
}
