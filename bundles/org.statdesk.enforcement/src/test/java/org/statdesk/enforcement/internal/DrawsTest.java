package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.CommandResult;

class DrawsTest {
    Fakes.World w;

    @BeforeEach
    void setUp() throws Exception {
        // 100 above, 50 below over four counties (25/12-13 each); 3 inspectors per county and 2 at the city bureau
        w = new Fakes.World(new Fakes.TestRegister().populate(100, 50));
        w.roster(Fakes.World.roster(3, 2));
    }

    CommandResult run(String name, String... tokens) throws Exception {
        return w.run(name, tokens);
    }

    @Test
    void drawStoresTargetsSharesAndWhatMakesItVerifiable() throws Exception {
        Draws.DrawJson d = (Draws.DrawJson) run("enforcement:draw", "--year", "2021", "--seed", "12345", "--json")
                .json();
        assertEquals(12345L, d.seed());
        assertEquals("given", d.seedSource());
        // above: 25 per county → 5 each = 20; below: 13,13,12,12 → 3,3,3,3 = 12; townships 15+6+6+7 = 34
        Map<String, Long> byStratum = d.targets().stream().collect(java.util.stream.Collectors.groupingBy(
                Draws.TargetJson::stratum, java.util.stream.Collectors.counting()));
        assertEquals(Map.of("above", 20L, "below", 12L, "township", 34L), byStratum);
        assertEquals(0.2, d.coverage().get("above"), 1e-12);
        assertEquals(12 / 50.0, d.coverage().get("below"), 1e-12);
        assertEquals(34 / 108.0, d.coverage().get("township"), 1e-12);
        for (Draws.TargetJson t : d.targets()) {
            assertEquals(2, t.inspectors().size());
            for (Draws.InspectorJson i : t.inspectors()) {
                assertTrue(i.countyCode().equals("620600") || !i.countyCode().equals(t.countyCode()));
            }
            assertEquals(t.stratum().equals("township") ? "township" : "unit", t.kind());
        }
        // 66 targets × 2 = 132 over 14 inspectors: 9 or 10 each
        assertEquals(9, d.workload().min());
        assertEquals(10, d.workload().max());
        assertEquals(1, w.journal.entries("enf_draw").size());
        assertTrue(run("enforcement:verify-draw", String.valueOf(d.id())).exitCode() == 0);
    }

    @Test
    void secondDrawIsRefusedUnlessReplacedWithAReasonThatIsJournaled() throws Exception {
        Draws.DrawJson first = (Draws.DrawJson) run("enforcement:draw", "--year", "2021", "--seed", "1").json();
        BadInputException again = assertThrows(BadInputException.class,
                () -> run("enforcement:draw", "--year", "2021", "--seed", "2"));
        assertEquals("year", again.errors().get(0).field());
        assertThrows(BadInputException.class, () -> run("enforcement:draw", "--year", "2021", "--replace"));
        assertEquals(1, w.store.count("enf_draw"));
        Draws.DrawJson second = (Draws.DrawJson) run("enforcement:draw", "--year", "2021", "--seed", "2",
                "--replace", "--reason", "名录库年报更新后重抽").json();
        assertEquals(first.id(), second.replaces());
        List<Draws.DrawSummary> list = w.draws.list(2021);
        assertEquals("active", list.get(0).status());
        assertEquals("replaced", list.get(1).status());
        assertEquals("名录库年报更新后重抽", list.get(1).replaceReason());
        assertTrue(w.journal.entries("enf_draw").stream().anyMatch(e -> e.key().equals(String.valueOf(first.id()))
                && "replaced".equals(e.newValue()) && e.reason().contains("名录库年报更新后重抽")));
        // another year is a separate draw
        run("enforcement:draw", "--year", "2022");
        assertEquals(3, w.store.count("enf_draw"));
    }

    @Test
    void verifyDetectsAChangedPopulationAndTamperedResults() throws Exception {
        Draws.DrawJson d = (Draws.DrawJson) run("enforcement:draw", "--year", "2021").json();
        assertEquals("secure", d.seedSource());
        assertTrue(((Verifier.Verification) run("enforcement:verify-draw", String.valueOf(d.id())).json()).matches());

        w.register.add(999, "620621", "above"); // a unit slipped into the register after the draw
        CommandResult changed = run("enforcement:verify-draw", String.valueOf(d.id()));
        assertEquals(1, changed.exitCode());
        Verifier.Verification v = (Verifier.Verification) changed.json();
        assertFalse(v.matches());
        assertTrue(v.problems().get(0).contains("above 100 → 101"), v.problems().toString());
        w.register.units.remove(Fakes.TestRegister.code(999));
        assertEquals(0, run("enforcement:verify-draw", String.valueOf(d.id())).exitCode());

        // an inspector swapped behind StatDesk's back
        w.store.exec("UPDATE enf_draw_target SET inspectors = (SELECT MIN(inspectors) FROM enf_draw_target WHERE "
                + "draw_id = " + d.id() + " AND inspectors <> (SELECT inspectors FROM enf_draw_target WHERE draw_id = "
                + d.id() + " AND seq = 1)) WHERE draw_id = " + d.id() + " AND seq = 1");
        Verifier.Verification t = (Verifier.Verification) run("enforcement:verify-draw", String.valueOf(d.id())).json();
        assertFalse(t.matches());
        assertTrue(t.problems().get(0).contains("被改动"), t.problems().toString());
        // and names the target whose team differs from the recomputed one
        String first = w.draws.targets(d.id()).get(0).code();
        assertTrue(t.problems().stream().anyMatch(x -> x.startsWith("对象 " + first + " 的执法人员登记为")),
                t.problems().toString());
    }

    /** Two draws for one year racing: the database lets one become active; the other draws nothing. */
    @Test
    void aConcurrentSecondDrawOfTheYearDrawsNothing() throws Exception {
        Draws.DrawJson first = (Draws.DrawJson) run("enforcement:draw", "--year", "2021", "--seed", "1").json();
        // as if another workstation had drawn 2021 between our check and our commit
        w.store.exec("DELETE FROM enf_draw_year");
        w.store.exec("INSERT INTO enf_draw_year (draw_year, active_id) VALUES (2022, 999)");
        long rows = w.store.count("enf_draw_target");
        BadInputException e = assertThrows(BadInputException.class,
                () -> run("enforcement:draw", "--year", "2022", "--seed", "2"));
        assertEquals("year", e.errors().get(0).field());
        assertEquals(1, w.store.count("enf_draw"));
        assertEquals(rows, w.store.count("enf_draw_target"));
        // a replacement of a draw that someone else has replaced meanwhile is refused too
        BadInputException r = assertThrows(BadInputException.class,
                () -> run("enforcement:draw", "--year", "2021", "--replace", "--reason", "重抽"));
        assertEquals("year", r.errors().get(0).field());
        assertEquals("active", w.draws.list(2021).get(0).status());
        assertEquals(first.id(), w.draws.list(2021).get(0).id());
    }

    @Test
    void checksGoOnTheActiveDrawOnly() throws Exception {
        Draws.DrawJson first = (Draws.DrawJson) run("enforcement:draw", "--year", "2021", "--seed", "1").json();
        run("enforcement:draw", "--year", "2021", "--seed", "2", "--replace", "--reason", "重抽");
        BadInputException e = assertThrows(BadInputException.class, () -> run("enforcement:record-check",
                String.valueOf(first.id()), first.targets().get(0).code()));
        assertEquals("draw", e.errors().get(0).field());
        assertEquals(0, w.store.count("enf_check"));
    }

    @Test
    void anEmptyStratumIsNotReportedAsUnmet() throws Exception {
        w = new Fakes.World(new Fakes.TestRegister().populate(40, 0)); // no 四下 units at all
        w.roster(Fakes.World.roster(3, 2));
        run("enforcement:draw", "--year", "2021", "--seed", "3");
        Coverage.Report c = (Coverage.Report) run("enforcement:coverage", "--year", "2021").json();
        assertEquals(0, c.strata().get("below").population());
        assertNull(c.strata().get("below").achievedShare());
        assertTrue(c.strata().get("below").met());
        assertFalse(c.strata().get("above").met());
        assertTrue(run("enforcement:coverage", "--year", "2021").text().contains("below：总体 0，抽取 0，已检查 0，核查面 —（目标 20.0%）无对象，不适用"));
    }

    @Test
    void tooFewInspectorsDrawsNothing() throws Exception {
        w.roster("name,certificate_no,certificate_date,county_code,specialty\n"
                + "甲,GS1,2020-01-01,620602,法规\n乙,GS2,2020-01-01,620621,法规\n丙,GS3,2020-01-01,620621,法规\n"
                + "丁,,,620622,法规\n");
        BadInputException e = assertThrows(BadInputException.class, () -> run("enforcement:draw", "--year", "2021"));
        // 民勤县 targets have only 甲 from outside; 古浪县 and 天祝县 have three; 凉州区 two
        assertEquals(1, e.errors().size());
        assertEquals("620621", e.errors().get(0).value());
        assertTrue(e.errors().get(0).message().contains("民勤县"));
        assertEquals(0, w.store.count("enf_draw"));
        assertEquals(0, w.store.count("enf_draw_target"));
    }

    @Test
    void certificatesIssuedAfterTheDrawDayDoNotCount() throws Exception {
        w.today = java.time.LocalDate.of(2020, 2, 1); // before the county staff were certified (2020-03-01)
        Draws.DrawJson d = (Draws.DrawJson) run("enforcement:draw", "--year", "2020").json();
        // only the two city inspectors (certified 2019-05-01) could be drawn, and they may go anywhere
        assertEquals(2, d.population().get("inspectors"));
        assertTrue(d.targets().stream().flatMap(t -> t.inspectors().stream())
                .allMatch(i -> i.countyCode().equals("620600")));
        w.today = java.time.LocalDate.of(2021, 6, 15);
        // verified as of its own day, the draw still holds though more staff are certified now
        assertEquals(0, run("enforcement:verify-draw", String.valueOf(d.id())).exitCode());
    }

    @Test
    void exportsThePublicationListAndMeasuresCoverage(@TempDir Path dir) throws Exception {
        w.today = java.time.LocalDate.of(2021, 5, 20); // drawn before the checks
        Draws.DrawJson d = (Draws.DrawJson) run("enforcement:draw", "--year", "2021", "--seed", "7").json();
        w.today = java.time.LocalDate.of(2021, 6, 15);
        Path csv = dir.resolve("list.csv");
        Path html = dir.resolve("list.html");
        run("enforcement:export-draw", String.valueOf(d.id()), csv.toString());
        run("enforcement:export-draw", String.valueOf(d.id()), html.toString());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFF序号"));
        assertEquals(d.targets().size() + 3, lines.size()); // header, targets, blank, footer
        assertTrue(lines.get(lines.size() - 1).contains(d.populationHash()));
        Path xlsx = dir.resolve("list.xlsx");
        run("enforcement:export-draw", String.valueOf(d.id()), xlsx.toString());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(xlsx))) {
            var list = wb.getSheetAt(0);
            assertEquals("双随机抽取名单 2021", list.getSheetName());
            assertEquals("序号", list.getRow(0).getCell(0).getStringCellValue());
            assertEquals(d.targets().size(), list.getLastRowNum(), "the targets alone below the header");
            assertEquals(1.0, list.getRow(1).getCell(0).getNumericCellValue());
            assertEquals(d.targets().get(0).code(), list.getRow(1).getCell(2).getStringCellValue());
            var about = wb.getSheet("抽取信息");
            assertEquals(String.valueOf(d.seed()), about.getRow(1).getCell(2).getStringCellValue(), "the seed whole");
            assertEquals(d.populationHash(), about.getRow(1).getCell(3).getStringCellValue());
        }
        String page = Files.readString(html);
        assertTrue(page.contains("2021 年统计“双随机”抽查对象"));
        assertTrue(page.contains(d.targets().get(0).code()));
        assertThrows(BadInputException.class, () -> run("enforcement:export-draw", String.valueOf(d.id()),
                dir.resolve("x.pdf").toString()));

        Coverage.Report none = (Coverage.Report) run("enforcement:coverage", "--year", "2021").json();
        assertEquals(0, none.strata().get("above").checked());
        assertFalse(none.strata().get("above").met());
        // check every above target, one township
        for (Draws.TargetJson t : d.targets()) {
            if (t.stratum().equals("above")) {
                run("enforcement:record-check", String.valueOf(d.id()), t.code(), "--date", "2021-06-01");
            }
        }
        String township = d.targets().stream().filter(t -> t.stratum().equals("township")).findFirst().get().code();
        run("enforcement:record-check", String.valueOf(d.id()), township, "--date", "2021-06-02");
        // the publication list carries the results (一公开): the checked townships, the others not yet checked
        String firstAbove = d.targets().stream().filter(t -> t.stratum().equals("above")).findFirst().get().code();
        Cases.CheckJson failed = (Cases.CheckJson) run("enforcement:record-check", String.valueOf(d.id()), firstAbove,
                "--date", "2021-06-03", "--fail", "records_agree").json();
        run("enforcement:open-case", firstAbove, "--violation", "false", "--facts", "虚报", "--date", "2021-06-04",
                "--check", String.valueOf(failed.id()));
        run("enforcement:export-draw", String.valueOf(d.id()), csv.toString());
        String list = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(list.contains(township + ",") && list.contains("2021-06-02 合格"), list);
        assertTrue(list.contains("2021-06-01 合格 / 2021-06-03 不合格：原始记录、统计台账与统计报表一致；已立案（虚报）"), list);
        assertTrue(list.contains(Publisher.NOT_CHECKED));
        run("enforcement:export-draw", String.valueOf(d.id()), html.toString());
        assertTrue(Files.readString(html).contains("<th>检查结果</th>"));
        Coverage.Report c = (Coverage.Report) run("enforcement:coverage", "--year", "2021").json();
        assertEquals(20, c.strata().get("above").checked());
        assertEquals(0.2, c.strata().get("above").achievedShare(), 1e-12);
        assertTrue(c.strata().get("above").met());
        assertEquals(1, c.strata().get("township").checked());
        assertFalse(c.strata().get("township").met());
        assertNull(((Coverage.Report) run("enforcement:coverage", "--year", "2019").json()).drawId());
        assertNotNull(c.drawId());
    }

    @Test
    void failedCheckItemsGoToTheLedgerAndUnknownTargetsAreRefused() throws Exception {
        w.today = java.time.LocalDate.of(2021, 5, 20); // drawn before the checks
        Draws.DrawJson d = (Draws.DrawJson) run("enforcement:draw", "--year", "2021", "--seed", "7").json();
        w.today = java.time.LocalDate.of(2021, 6, 15);
        Draws.TargetJson t = d.targets().get(0);
        Cases.CheckJson c = (Cases.CheckJson) run("enforcement:record-check", String.valueOf(d.id()), t.code(),
                "--date", "2021-06-01", "--fail", "records_agree,statistician", "--note", "台账缺 3 月").json();
        assertEquals(2, c.ledgerItems().size());
        Ledger.Item item = w.ledger.item(c.ledgerItems().get(0), w.today);
        assertEquals("2021-07-01", item.deadline()); // 30 days by default
        assertEquals(t.countyCode(), item.countyCode());
        assertTrue(item.problem().contains("原始记录、统计台账与统计报表一致"));
        String notTarget = Fakes.TestRegister.code(149);
        long checks = w.store.count("enf_check");
        BadInputException e = assertThrows(BadInputException.class, () -> run("enforcement:record-check",
                String.valueOf(d.id()), d.targets().stream().anyMatch(x -> x.code().equals(notTarget)) ? "X" : notTarget));
        assertEquals("target", e.errors().get(0).field());
        BadInputException early = assertThrows(BadInputException.class, () -> run("enforcement:record-check",
                String.valueOf(d.id()), t.code(), "--date", "2021-05-19"));
        assertEquals("date", early.errors().get(0).field());
        BadInputException bad = assertThrows(BadInputException.class, () -> run("enforcement:record-check",
                String.valueOf(d.id()), t.code(), "--fail", "records_agree,nonsense"));
        assertEquals("nonsense", bad.errors().get(0).value());
        assertEquals(checks, w.store.count("enf_check"));
        assertEquals(2, w.store.count("enf_item"));
    }
}
