package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.ConfrontTest.FakeRecords;
import org.statdesk.review.internal.run.ReviewRunImpl;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/**
 * review:run with the records: the planted unit flagged in the same workflow (stored, id kept on a re-run), the
 * clean one left alone, the units confronted counted; without the records bundle the review runs as before.
 */
class ConfrontRunTest {
    @Test
    void aRunWithRecordsStoresTheirFlagsAndOneWithoutRemovesTheOpenOnes() throws Exception {
        Synth synth = new Synth(60, "2024-06", 8, 11, 2);
        RecordingJournal journal = RecordingJournal.inMemory();
        Rooms rooms = new Rooms(MemoryStore.withOwnMigrations(), journal, new ListRegister(synth.units),
                Settings.defaults()).with(TestForms.industrial());
        StringWriter w = new StringWriter();
        synth.writeLong(w, synth.periods);
        rooms.imports.importReports(w.toString().getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3));
        String planted = synth.units.get(0).creditCode();
        String clean = synth.units.get(1).creditCode();
        FormSpec f = rooms.forms.specs().get(0);
        Map<String, Unit> units = new HashMap<>();
        synth.units.forEach(u -> units.put(u.creditCode(), u));
        Panel p;
        try (Connection c = rooms.schema.store().connection()) {
            p = rooms.runs.panel(c, f, "2024-06", units, 3, false);
        }
        int sales = f.indexOf("sales_value");
        FakeRecords records = new FakeRecords();
        for (int u = 0; u < p.size(); u++) {
            String code = p.units[u];
            if (!code.equals(planted) && !code.equals(clean)) {
                continue;
            }
            for (int off = 0; off < 3; off++) {
                double v = p.get(off, sales, u);
                // the planted unit invoiced half of what it reported; the clean one what it reported
                records.month("tax", code, Period.shift("2024-06", -off), code.equals(planted) ? v / 2 : v);
            }
        }
        ReviewRunImpl withRecords = new ReviewRunImpl(rooms.schema, journal, rooms.scope, rooms.forms,
                Settings.defaults(), records, Confront.Bands.defaults());
        List<Flag> first = withRecords.run("2024-06", null).stream().filter(x -> x.kind().equals("records")).toList();
        assertEquals(1, first.size(), first.toString());
        Flag flag = first.get(0);
        assertEquals(planted, flag.creditCode());
        assertEquals("records_tax", flag.rule());
        assertTrue(flag.id() > 0 && flag.value() > 0 && flag.expected() * 2 == flag.value(), flag.toString());
        Flag stored = rooms.flags.flags("2024-06", null).stream().filter(x -> x.id() == flag.id()).findFirst()
                .orElseThrow();
        assertEquals(List.of("records", "warning", "open", flag.message()), List.of(stored.kind(), stored.severity(),
                stored.status(), stored.message()));
        assertEquals(flag.expected(), stored.expected(), 1e-9);
        // a re-run keeps the flag (its id)
        List<Flag> again = withRecords.run("2024-06", null).stream().filter(x -> x.kind().equals("records")).toList();
        assertEquals(List.of(flag.id()), again.stream().map(Flag::id).toList());
        assertEquals(Map.of("tax", 2, "power", 0, "ledger", 0), withRecords.confronted("2024-06", null));
        // without records: nothing to count, and the open records flag is no longer raised
        assertNull(rooms.runs.confronted("2024-06", null));
        rooms.runs.run("2024-06", null);
        assertTrue(rooms.flags.flags("2024-06", null).stream().noneMatch(x -> x.kind().equals("records")));
    }
}
