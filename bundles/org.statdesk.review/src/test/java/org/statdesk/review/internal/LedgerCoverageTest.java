package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.registry.Unit;
import org.statdesk.review.internal.ConfrontTest.FakeRecords;
import org.statdesk.review.internal.evaluation.LedgerCoverage;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/** 台账规范达标率: a unit counts as covered only when its ledger has every month it reported in the window. */
class LedgerCoverageTest {
    private static final String P = "2024-06";
    private Synth synth;
    private Rooms rooms;

    @BeforeEach
    void setUp() throws Exception {
        synth = new Synth(40, P, 14, 3, 2);
        rooms = new Rooms(MemoryStore.withOwnMigrations(), RecordingJournal.inMemory(), new ListRegister(synth.units),
                Settings.defaults()).with(TestForms.industrial());
        StringWriter w = new StringWriter();
        synth.writeLong(w, synth.periods);
        rooms.imports.importReports(w.toString().getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3));
    }

    private Map<String, LedgerCoverage.Coverage> coverage(FakeRecords records) throws Exception {
        try (Connection c = rooms.schema.store().connection()) {
            return LedgerCoverage.of(c, records, rooms.forms.selected("industrial"), rooms.scope.units("industrial"),
                    P);
        }
    }

    @Test
    void aUnitIsCoveredWhenItsLedgerHasEveryMonthItReported() throws Exception {
        FakeRecords records = new FakeRecords();
        List<Unit> units = synth.units;
        for (Unit u : units) {
            for (String p : synth.periods) {
                if (synth.reports.get(p).containsKey(u.creditCode())) {
                    records.ledger(u.creditCode(), p, "output_value", 1);
                }
            }
        }
        // one unit's ledger lacks a month it reported; another has only more months than it reported
        Unit gap = units.get(0);
        records.ledger.get(gap.creditCode()).remove(synth.periods.get(3));
        records.ledger("916206029999999999", P, "output_value", 5); // not in the register: not counted
        Map<String, LedgerCoverage.Coverage> c = coverage(records);
        LedgerCoverage.Coverage all = c.get("all");
        long reporting = units.stream().filter(u -> synth.periods.stream()
                .anyMatch(p -> synth.reports.get(p).containsKey(u.creditCode()))).count();
        assertEquals(reporting, all.units());
        assertEquals(reporting - 1, all.covered());
        assertEquals(Math.round(10000.0 * (reporting - 1) / reporting) / 10000.0, all.rate());
        LedgerCoverage.Coverage county = c.get(gap.countyCode());
        assertEquals(county.units() - 1, county.covered(), "the gap is its county's");
        assertEquals(c.get("all").units(), c.entrySet().stream().filter(e -> !e.getKey().equals("all"))
                .mapToInt(e -> e.getValue().units()).sum());
    }

    @Test
    void withoutAnyLedgerOfTheseUnitsTheRateIsUnknownNotZero() throws Exception {
        assertTrue(coverage(null).isEmpty(), "no records bundle");
        assertTrue(coverage(new FakeRecords()).isEmpty(), "no ledger imported");
        FakeRecords others = new FakeRecords().ledger("916206029999999999", P, "sales", 5);
        assertTrue(coverage(others).isEmpty(), "ledgers only of units outside these forms");
    }
}
