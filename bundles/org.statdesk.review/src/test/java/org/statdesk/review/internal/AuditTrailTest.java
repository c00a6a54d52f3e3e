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
import org.statdesk.audit.internal.JournalImpl;
import org.statdesk.audit.internal.TableInfo;
import org.statdesk.audit.internal.Verifier;

/** Every change of the audited review tables is journaled after it is written: audit verify stays ok. */
class AuditTrailTest {
    private static int db;

    @Test
    void importRunCorrectRerunResolveKeepsTheTrailVerifiable() throws Exception {
        Synth synth = new Synth(120, "2024-06", 18, 7, 2);
        Fakes.MemStore store = new Fakes.MemStore("audit" + db++);
        try (Connection c = store.connection(); Statement st = c.createStatement()) {
            String sql = new String(JournalImpl.class.getResourceAsStream("/db/migration/V1__audit_journal.sql")
                    .readAllBytes(), StandardCharsets.UTF_8);
            String body = sql.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
            for (String s : body.split(";")) {
                if (!s.isBlank()) {
                    st.execute(s);
                }
            }
        }
        JournalImpl journal = new JournalImpl(store, () -> "li.si");
        List<TableInfo> tables = ReviewTables.ALL.stream().map(t -> TableInfo.of(t, ReviewServiceImpl.BUNDLE))
                .toList();
        tables.forEach(journal::addTable);
        ReviewServiceImpl review = new ReviewServiceImpl(store, journal, new Fakes.ListRegister(synth.units),
                Settings.defaults());
        review.addForm(TestForms.industrial());

        review.importReports(csv(synth, synth.periods), null, LocalDate.of(2024, 7, 3));
        assertOk(store, tables);
        List<Flag> first = review.run("2024-06", "industrial");
        assertFalse(first.isEmpty());
        assertOk(store, tables);

        // a correction of a reviewed figure re-imported with a reason: the journaled digest is of the new row
        Flag f = first.get(0);
        String fix = "credit_code,period,indicator,value\n" + f.creditCode() + ",2024-06,output_value,"
                + (review.values("2024-06", "output_value").get(f.creditCode()) + 1) + "\n";
        var s = review.importReports(fix.getBytes(StandardCharsets.UTF_8), "企业更正", LocalDate.of(2024, 7, 4));
        assertEquals(1, s.revisions());
        assertOk(store, tables);

        // a fix that removes a planted error: the rerun deletes the flag no longer raised and updates others
        java.util.Map<String, double[]> clean = new java.util.HashMap<>();
        synth.reports.get("2024-06").forEach((k, v) -> clean.put(k, v.clone()));
        synth.plant("2024-06", 2);
        review.importReports(csv(synth, List.of("2024-06")), "企业重报", LocalDate.of(2024, 7, 5));
        List<Flag> second = review.run("2024-06", "industrial");
        assertOk(store, tables);
        clean.forEach((k, v) -> System.arraycopy(v, 0, synth.reports.get("2024-06").get(k), 0, v.length));
        review.importReports(csv(synth, List.of("2024-06")), "企业更正", LocalDate.of(2024, 7, 6));
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

    private static byte[] csv(Synth synth, List<String> periods) throws Exception {
        StringWriter w = new StringWriter();
        synth.writeLong(w, periods);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertOk(Fakes.MemStore store, List<TableInfo> tables) throws Exception {
        try (Connection c = store.connection()) {
            Verifier.Result r = Verifier.verify(c, tables);
            assertTrue(r.ok(), r.problems().toString());
        }
    }

    @SuppressWarnings("unused")
    private static List<AuditedTable> all() {
        return ReviewTables.ALL;
    }
}
