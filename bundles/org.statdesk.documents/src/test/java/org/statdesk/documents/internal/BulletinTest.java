package org.statdesk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.registry.Unit;

class BulletinTest {
    @TempDir
    Path tmp;
    Bench bench;

    @BeforeEach
    void data() throws Exception {
        bench = new Bench(tmp);
        for (int i = 0; i < 20; i++) {
            Unit u = bench.unit(String.format("916206020000%06d", i), "凉州区企业" + i, "620602001", Unit.IN_REGISTER);
            bench.filing(u, i == 0 ? null : i == 1 ? "2025-05-19" : "2025-05-06", i > 1);
        }
        for (int i = 0; i < 10; i++) {
            Unit u = bench.unit(String.format("916206210000%06d", i), "民勤县企业" + i, "620621100", Unit.IN_REGISTER);
            bench.filing(u, "2025-05-08", true);
        }
        bench.ratesFromFilings();
    }

    private CommandResult run(String... args) throws Exception {
        CommandFacts facts = bench.facts()
                .with("enforcement:draws", a -> CommandResult.ok(Map.of("draws", List.of(Map.of("id", 5, "status",
                        "active", "targets", 3))), ""))
                .with("enforcement:show-draw", a -> CommandResult.ok(Map.of("targets", List.of(
                        Map.of("county_code", "620602"), Map.of("county_code", "620602"),
                        Map.of("county_code", "620621"))), ""))
                .with("enforcement:cases", a -> CommandResult.ok(Map.of("cases", List.of(Map.of("filed_on",
                        "2025-05-20", "county_code", "620602", "unit_code", "916206020000000000", "unit_name",
                        "凉州区企业0", "violation_name", "拒报", "deadline", "2025-06-20"))), ""))
                .with("enforcement:ledger", a -> CommandResult.ok(Map.of("items", List.of()), ""));
        return new BulletinCommand(bench.register, bench.review, bench.scope(), bench.press(), facts)
                .execute(Args.parse(List.of(args), java.util.Set.of()));
    }

    @Test
    void theQuartersCircularRanksCountiesAndNamesTheGaps() throws Exception {
        Path out = bench.outFolder.resolve("bulletin.pdf");
        CommandResult r = run("--quarter", "2025Q2", "--out", out.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) r.json();
        // FakeReview gives the same filings each month: 3 months, 1 missing and 1 late each
        assertEquals(Map.of("months_reported", 3, "missing", 3L, "late", 3L, "draw_targets", 3, "cases", 1,
                "rectification_items", 0), json.get("figures"));
        assertEquals(List.of("620621", "620602"), json.get("ranking"), "ranked by the review's rates");
        String text = Bench.text(out);
        assertTrue(text.contains("2025 年第 2 季度统计工作通报") && text.contains("武威市统计局"), text);
        assertTrue(Bench.flat(text).contains(Bench.flat("本季度未报 3 户次，迟报 3 户次")), text);
        assertTrue(text.contains("916206020000000001") && text.contains("2025-05-19"), "the late unit and its day");
        assertTrue(text.contains("拒报") && text.contains("2025-06-20"), "the case and its deadline");
        assertTrue(text.indexOf("民勤县") < text.indexOf("凉州区"), "first in the ranking printed first");
    }

    @Test
    void aQuarterWithNothingInItSaysSo() throws Exception {
        bench.review.rates.clear();
        Path out = bench.outFolder.resolve("empty.pdf");
        assertEquals(0, run("--quarter", "2001Q1", "--out", out.toString()).exitCode());
        String flat = Bench.flat(Bench.text(out));
        assertTrue(flat.contains("本季度没有报送的月报") && flat.contains("本季度立案0件"), flat);
        assertThrows(BadInputException.class, () -> run("--quarter", "2025Q5", "--out", out.toString()));
        assertThrows(BadInputException.class, () -> run("--quarter", "2199Q1", "--out", out.toString()));
    }
}
