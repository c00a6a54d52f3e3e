package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;

/** Issue 12 §4: every number an enforcement command takes is read strictly, and typed text is judged as imports are. */
class OptionsTest {
    Fakes.World w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Fakes.World(new Fakes.TestRegister().populate(40, 20));
        w.roster(Fakes.World.roster(3, 2));
        w.today = java.time.LocalDate.of(2021, 5, 20);
    }

    InputError refused(String name, String... tokens) {
        BadInputException e = assertThrows(BadInputException.class, () -> w.run(name, tokens));
        return e.errors().get(0);
    }

    @Test
    void seedsYearsAndIdsAreWholeNumbersWrittenPlainly() throws Exception {
        for (String seed : List.of("1e3", "0x10", "12L", "7d", "1.0", "NaN", "1,5", "+5", "", "9223372036854775808")) {
            assertEquals("seed", refused("enforcement:draw", "--year", "2021", "--seed", seed).field(), seed);
        }
        for (String year : List.of("+2021", "2021.0", "1999", "2101", "21", "２０２１", "0x7E5")) {
            assertEquals("year", refused("enforcement:draw", "--year", year).field(), year);
            assertEquals("year", refused("enforcement:coverage", "--year", year).field(), year);
            assertEquals("year", refused("enforcement:draws", "--year", year).field(), year);
        }
        assertEquals(0, w.store.count("enf_draw"));
        // a secure seed is often negative: it is given back as shown, and draws the same
        Draws.DrawJson d = (Draws.DrawJson) w.run("enforcement:draw", "--year", "2021", "--seed",
                "-9223372036854775808").json();
        assertEquals(Long.MIN_VALUE, d.seed());
        for (String id : List.of("1.0", "+1", "0x1", "1e0", "-1", "１")) {
            assertEquals("id", refused("enforcement:show-draw", id).field(), id);
            assertEquals("id", refused("enforcement:verify-draw", id).field(), id);
            assertEquals("draw", refused("enforcement:record-check", id, "X").field(), id);
            assertEquals("check", refused("enforcement:open-case", Fakes.TestRegister.code(1), "--violation", "late",
                    "--facts", "迟报", "--check", id).field(), id);
            assertEquals("id", refused("enforcement:close-item", id, "--evidence", "x").field(), id);
            assertEquals("id", refused("enforcement:update-case", id).field(), id);
            assertEquals("id", refused("enforcement:export-draw", id, "/tmp/x.csv").field(), id);
        }
        assertEquals(d.id(), ((Draws.DrawJson) w.run("enforcement:show-draw", " " + d.id() + " ").json()).id());
    }

    @Test
    void typedTextIsRefusedWhenTooLongOrHoldingControlCharactersWithAShortMessage() throws Exception {
        String unit = Fakes.TestRegister.code(1);
        InputError facts = refused("enforcement:open-case", unit, "--violation", "late", "--facts", "虚".repeat(5000));
        assertEquals("facts", facts.field());
        assertTrue(facts.message().contains("too long: 5000 characters, at most 4000"), facts.message());
        assertTrue(facts.value().length() < 80);
        assertEquals("official", refused("enforcement:record-interference", "--quarter", "2021Q2", "--date",
                "2021-04-02", "--official", "某\u202E县长", "--target", "t", "--request", "r", "--action", "a").field());
        assertEquals("problem", refused("enforcement:add-item", "--source", "self_check", "--owner", "620602",
                "--problem", "x".repeat(2001)).field());
        assertEquals("reason", refused("enforcement:draw", "--year", "2021", "--replace", "--reason",
                "理由\u0007").field());
        assertEquals(0, w.store.count("enf_case") + w.store.count("enf_interference") + w.store.count("enf_item")
                + w.store.count("enf_draw"));
        // formula-looking text is text: accepted as typed
        Ledger.Item i = (Ledger.Item) w.run("enforcement:add-item", "--source", "self_check", "--owner", "620602",
                "--problem", "=台账缺 3 月", "--evidence", "+86 935 1234567").json();
        assertEquals("=台账缺 3 月", i.problem());
        assertEquals("+86 935 1234567", i.evidence());
    }
}
