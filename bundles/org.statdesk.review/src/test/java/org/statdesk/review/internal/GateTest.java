package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.evaluation.Evaluations;
import org.statdesk.review.internal.evaluation.Gate;
import org.statdesk.review.internal.imports.ReportImportImpl;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/**
 * The gate between evaluation and publication: counties evaluated one by one (passed, returned), the month evaluated
 * when all passed, released, then a revision of 9,999,999 千元 reopens its county and the month is not for publication
 * until it is evaluated and released again; or, by the bureau's setting, the revision is refused.
 */
class GateTest {
    private static final String P = "2024-06";
    private Synth synth;
    private RecordingJournal journal;
    private Rooms rooms;

    @BeforeEach
    void setUp() throws Exception {
        synth = new Synth(80, P, 14, 11, 3);
        journal = RecordingJournal.inMemory();
        rooms = new Rooms(MemoryStore.withOwnMigrations(), journal, new ListRegister(synth.units),
                Settings.defaults()).with(TestForms.industrial());
        StringWriter w = new StringWriter();
        synth.writeLong(w, synth.periods);
        rooms.imports.importReports(w.toString().getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3));
        rooms.service.run(P, "industrial");
        for (Flag f : rooms.service.flags(P, "industrial")) {
            if (f.status().equals("open") && f.severity().equals("error")) {
                rooms.service.resolve(f.id(), "confirm", null, null, null);
            }
        }
    }

    private List<String> counties() {
        return rooms.evaluations.evaluations(P, "industrial").counties().stream()
                .map(Evaluations.CountyEvaluation::county).toList();
    }

    private String result(String county) {
        return rooms.evaluations.evaluations(P, "industrial").counties().stream()
                .filter(c -> c.county().equals(county)).findFirst().orElseThrow().result();
    }

    private byte[] revision(String code, double value) {
        return ("credit_code,period,indicator,value\n" + code + "," + P + ",output_value," + value + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String unitOf(String county) {
        return synth.units.stream().filter(u -> u.countyCode().equals(county)).map(Unit::creditCode).findFirst()
                .orElseThrow();
    }

    @Test
    void countiesAreEvaluatedOneByOneAndTheMonthWhenAllHavePassed() throws Exception {
        assertThrows(BadInputException.class, () -> rooms.evaluations.evaluate(P, "industrial", "620602", "passed",
                null), "collecting: not yet reviewed");
        rooms.statuses.advance(P, "industrial", "reviewed", null);
        List<String> counties = counties();
        assertEquals(3, counties.size(), counties::toString);
        Evaluations.CountyEvaluation pending = rooms.evaluations.evaluations(P, "industrial").counties().get(0);
        assertEquals("pending", pending.result());
        @SuppressWarnings("unchecked")
        Map<String, Object> rates = (Map<String, Object>) pending.checks().get("rates");
        assertEquals(true, rates.get("all_100"), pending.checks()::toString);
        assertEquals(0L, pending.checks().get("open_errors"));
        assertNotNull(pending.checks().get("growth"));

        String first = counties.get(0);
        assertThrows(BadInputException.class, () -> rooms.evaluations.evaluate(P, "industrial", first, "returned",
                " "), "a return needs its reasons");
        assertThrows(BadInputException.class, () -> rooms.evaluations.evaluate(P, "industrial", "629999", "passed",
                null), "no such county");
        assertThrows(BadInputException.class, () -> rooms.evaluations.evaluate(P, "industrial", first, "ok", null));
        rooms.evaluations.evaluate(P, "industrial", first, "returned", "增速高于全市12个百分点，与开票销售额不符");
        assertEquals("returned", result(first));
        BadInputException refused = assertThrows(BadInputException.class,
                () -> rooms.evaluations.passRemaining(P, "industrial", "评估通过"));
        assertTrue(refused.getMessage().contains(first), refused::getMessage);
        // the county corrects, is evaluated again: a returned county's changes reopen nothing
        rooms.imports.importReports(revision(unitOf(first), 1234), "县区核实更正", LocalDate.of(2024, 7, 9));
        assertEquals("reviewed", rooms.statuses.status(P, "industrial").status());
        rooms.evaluations.evaluate(P, "industrial", first, "passed", "核实后通过");
        assertEquals("reviewed", rooms.statuses.status(P, "industrial").status(), "two counties still pending");
        var done = rooms.evaluations.passRemaining(P, "industrial", "全市工业增速与用电量一致");
        assertTrue(done.evaluated());
        assertEquals("evaluated", rooms.statuses.status(P, "industrial").status());
        done.counties().forEach(c -> assertEquals("passed", c.result(), c::toString));
        // the checks the evaluator saw are kept with the result
        assertEquals(true, ((Map<?, ?>) done.counties().get(1).checks().get("rates")).get("all_100"));
        assertTrue(journal.entries().stream().anyMatch(e -> e.entity().equals("rev_evaluation")
                && e.key().equals(P + "/industrial/" + first) && "returned".equals(e.newValue())));
    }

    @Test
    void aRevisionAfterReleaseReopensItsCountyAndTheMonthIsNotForPublication() throws Exception {
        rooms.statuses.advance(P, "industrial", "reviewed", null);
        rooms.evaluations.passRemaining(P, "industrial", "评估通过");
        rooms.statuses.advance(P, "industrial", "released", null);
        assertTrue(rooms.aggregates.aggregate(P, "industrial").get(0).forPublication());
        assertTrue(rooms.service.released(P, "industrial"));

        String county = counties().get(1);
        String unit = unitOf(county);
        rooms.imports.importReports(revision(unit, 9_999_999), "企业更正", LocalDate.of(2024, 7, 20));
        assertEquals("collecting", rooms.statuses.status(P, "industrial").status());
        assertEquals("reopened", result(county));
        counties().stream().filter(c -> !c.equals(county)).forEach(c -> assertEquals("passed", result(c)));
        var agg = rooms.aggregates.aggregate(P, "industrial").get(0);
        assertFalse(agg.forPublication());
        assertEquals("未经评估，不得对外公布", agg.notice());
        assertFalse(rooms.service.released(P, "industrial"));
        assertTrue(journal.entries().stream().anyMatch(e -> e.entity().equals("rev_period")
                && "collecting".equals(e.newValue()) && e.reason().contains("企业更正")), journal.entries()::toString);

        // reviewed and evaluated again: only the reopened county is evaluated anew
        rooms.service.run(P, "industrial");
        for (Flag f : rooms.service.flags(P, "industrial")) {
            if (f.status().equals("open") && f.severity().equals("error")) {
                rooms.service.resolve(f.id(), "confirm", null, null, null);
            }
        }
        rooms.statuses.advance(P, "industrial", "reviewed", null);
        rooms.evaluations.evaluate(P, "industrial", county, "passed", "更正属实");
        assertEquals("evaluated", rooms.statuses.status(P, "industrial").status());
        rooms.statuses.advance(P, "industrial", "released", null);
        assertTrue(rooms.aggregates.aggregate(P, "industrial").get(0).forPublication());

        // a flag's correction reopens as an import's revision does
        Flag any = rooms.service.flags(P, "industrial").stream().filter(f -> f.status().equals("open")).findFirst()
                .orElse(null);
        if (any != null) {
            rooms.service.resolve(any.id(), "correct", null, any.value() + 1, "核实更正");
            assertEquals("collecting", rooms.statuses.status(P, "industrial").status());
        }
    }

    @Test
    void aBureauMayRefuseRevisionsOfAReleasedMonth() throws Exception {
        rooms.statuses.advance(P, "industrial", "reviewed", null);
        rooms.evaluations.passRemaining(P, "industrial", "评估通过");
        rooms.statuses.advance(P, "industrial", "released", null);
        ReportImportImpl refusing = new ReportImportImpl(rooms.schema, journal, new ListRegister(synth.units),
                rooms.forms, rooms.scope, rooms.tables, new Gate(journal, rooms.scope, "refuse"));
        String unit = synth.units.get(0).creditCode();
        double before = rooms.service.values(P, "output_value").get(unit);
        BadInputException e = assertThrows(BadInputException.class,
                () -> refusing.importReports(revision(unit, 9_999_999), "企业更正", LocalDate.of(2024, 7, 20)));
        assertTrue(e.getMessage().contains("已发布"), e::getMessage);
        assertEquals(before, rooms.service.values(P, "output_value").get(unit), "nothing changed");
        assertEquals("released", rooms.statuses.status(P, "industrial").status());
        assertThrows(IllegalArgumentException.class, () -> new Gate(journal, rooms.scope, "maybe"));
    }
}
