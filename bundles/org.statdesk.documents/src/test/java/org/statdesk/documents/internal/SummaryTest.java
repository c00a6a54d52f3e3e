package org.statdesk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.testing.FakeReview;

class SummaryTest {
    @TempDir
    Path tmp;
    Bench bench;
    int charts;

    @BeforeEach
    void data() throws Exception {
        bench = new Bench(tmp);
        for (int i = 0; i < 30; i++) {
            Unit u = bench.unit(String.format("916206020000%06d", i), "凉州区企业" + i, "620602001", Unit.IN_REGISTER);
            bench.filing(u, i < 2 ? null : "2025-05-06", i >= 2);
        }
        for (int i = 0; i < 12; i++) {
            Unit u = bench.unit(String.format("916206210000%06d", i), "民勤县企业" + i, "620621100", Unit.IN_REGISTER);
            bench.filing(u, "2025-05-08", true);
        }
        bench.unit("916206020000999999", "凉州区申请企业", "620602001", "applied");
        bench.ratesFromFilings();
        bench.review.flags.add(FakeReview.flag(1, "916206020000000005", "2025-04", "output_value", 10, 3));
    }

    /** As {@link #command()}, with the records issue's facts: candidates and the ledgers of one form. */
    private SummaryCommand withRecords() throws Exception {
        bench.review.forms.add(org.statdesk.testing.Forms.industrial());
        Map<String, Object> resolution = Map.of("credit_code", "916206020000000003", "kind", "exit", "result",
                "exited", "reason", "已退库", "evidence", "市场登记注销 2025-05-20", "resolved_on", "2025-07-02");
        Map<String, Object> candidates = Map.of("as_of", "2025-12", "records", true,
                "missing", List.of(Map.of("credit_code", "916206020000000101", "name", "新生企业", "county_code", "620602")),
                "exit", List.of(Map.of("credit_code", "916206210000000001", "name", "注销企业", "county_code", "620621")),
                "resolved", List.of(resolution));
        Map<String, Object> ledgers = Map.of("period", "2025-12", "specialty", "industrial", "months", 36,
                "counties", Map.of("620602", Map.of("units", 30, "covered", 27, "rate", 0.9), "620621",
                        Map.of("units", 12, "covered", 12, "rate", 1.0), "all", Map.of("units", 42, "covered", 39,
                                "rate", 0.9286)));
        return command(facts().with("registry:candidates", a -> CommandResult.ok(candidates, ""), "all")
                .with("review:ledgers", a -> {
                    assertEquals("industrial", a.required("specialty"));
                    return CommandResult.ok(ledgers, "");
                }));
    }

    private SummaryCommand command() throws Exception {
        return command(facts());
    }

    private SummaryCommand command(CommandFacts facts) throws Exception {
        ChartService chart = (kind, params, format, w, h, out) -> {
            charts++;
            ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        };
        return new SummaryCommand(bench.register, bench.review, chart, bench.scope(), bench.press(), facts);
    }

    /** The facts of the register's and enforcement's commands the summary reads. */
    private CommandFacts facts() {
        Map<String, Object> draw = new LinkedHashMap<>();
        draw.put("id", 3);
        draw.put("year", 2025);
        draw.put("status", "active");
        draw.put("targets", 17);
        Map<String, Object> ledger = Map.of("counties", Map.of("620602", Map.of("total", 4, "closed", 1, "open", 3,
                "overdue", 2), "620621", Map.of("total", 1, "closed", 1, "open", 0, "overdue", 0)));
        return bench.facts()
                .with("registry:coverage", a -> CommandResult.ok(Map.of("counties", List.of(Map.of("county_code",
                        "620602", "county_name", "凉州区", "statisticians", 30, "trained", 27, "coverage", 0.9))), ""))
                .with("enforcement:draws", a -> CommandResult.ok(Map.of("draws", List.of(draw)), ""))
                .with("enforcement:cases", a -> CommandResult.ok(Map.of("cases", List.of(
                        Map.of("filed_on", "2025-06-02", "county_code", "620602", "violation_name", "迟报",
                                "status", "filed"),
                        Map.of("filed_on", "2024-06-02", "county_code", "620602", "violation_name", "拒报",
                                "status", "closed"))), ""))
                .with("enforcement:ledger", a -> CommandResult.ok(ledger, ""));
    }

    private CommandResult run(String... args) throws Exception {
        return command().execute(Args.parse(List.of(args), java.util.Set.of()));
    }

    @Test
    void theYearsSummaryStatesTheRegisterTheRatesTheDrawAndTheCases() throws Exception {
        Path out = bench.outFolder.resolve("summary.pdf");
        CommandResult r = run("--year", "2025", "--out", out.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) r.json();
        int inRegister = bench.register.list(UnitQuery.inRegister()).size();
        assertEquals(Map.of("units_in_register", inRegister, "months_reported", 12, "draw_targets", 17, "cases", 1),
                json.get("figures"));
        String text = Bench.text(out);
        String flat = Bench.flat(text);
        assertTrue(text.contains("武威市统计局") && text.contains("2025 年度统计工作总结报告"), text);
        assertTrue(flat.contains(Bench.flat("目前在库单位 " + inRegister + " 个")), text);
        assertTrue(flat.contains(Bench.flat("抽取对象共 17 个（单位和乡镇合计）")), text);
        assertTrue(flat.contains(Bench.flat("本年度立案 1 件")) && text.contains("迟报") && !text.contains("拒报"));
        var city = bench.review.rates.get("all");
        assertTrue(text.contains("2025-12") && text.contains(Figures.percent(city.reportingRate())), text);
        assertTrue(text.contains("90.0%"), "training coverage as registry:coverage gives it");
        assertEquals(1, charts, "the rates chart of the last month");
        assertTrue(text.contains("逾期"));
        assertEquals(Bench.pages(out), json.get("pages"));
        assertTrue((int) json.get("pages") >= 2, "at least two pages on a real year");
    }

    @Test
    void theCandidatesFoundAndHandledAndTheLedgerRateAreStatedAsTheirCommandsGiveThem() throws Exception {
        Path out = bench.outFolder.resolve("records.pdf");
        CommandResult r = withRecords().execute(Args.parse(List.of("--year", "2025", "--out", out.toString()),
                java.util.Set.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) ((Map<String, Object>) r.json()).get("figures");
        assertEquals(3, figures.get("candidates_found"));
        assertEquals(2, figures.get("candidates_open"));
        String flat = Bench.flat(Bench.text(out));
        assertTrue(flat.contains(Bench.flat("发现应入库单位 1 个、应退库单位 1 个，另有已处理不再列为候选的 1 个；共 3 个，已处理 1 个"
                + "（已申请入库 0 个、已退库 1 个、已说明 0 个），待处理 2 个")), flat);
        assertTrue(flat.contains(Bench.flat("台账规范达标率")) && flat.contains("27/30") && flat.contains("90.0%")
                && flat.contains("12/12") && flat.contains("100.0%"), flat);
    }

    @Test
    void withoutRecordsTheSummarySaysSoAndStatesNoCandidateFigure() throws Exception {
        Path out = bench.outFolder.resolve("plain.pdf");
        CommandResult r = run("--year", "2025", "--out", out.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) ((Map<String, Object>) r.json()).get("figures");
        assertFalse(figures.containsKey("candidates_found"));
        assertTrue(Bench.text(out).contains("没有导入统计台账"));
    }

    @Test
    void aYearWithNothingInItSaysSo() throws Exception {
        bench.review.rates.clear();
        Path out = bench.outFolder.resolve("empty.pdf");
        CommandResult r = run("--year", "2001", "--out", out.toString());
        assertEquals(0, r.exitCode());
        assertTrue(Bench.text(out).contains("没有报送的月报"));
        assertEquals(0, charts);
    }

    @Test
    void aCountyUserGetsTheirCounty() throws Exception {
        bench.person = new Person("minqin", "民勤县王芳", Person.COUNTY, "620621", null);
        Path out = bench.outFolder.resolve("minqin.pdf");
        run("--year", "2025", "--out", out.toString());
        String text = Bench.text(out);
        assertTrue(Bench.flat(text).contains(Bench.flat("目前在库单位 12 个")), text);
        assertFalse(text.contains("凉州区"), text);
    }
}
